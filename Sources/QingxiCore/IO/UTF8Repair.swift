#if canImport(Glibc)
import Glibc
#endif

/// Turns input bytes into a `String`, noticing invalid UTF-8 (which Swift silently repairs with U+FFFD).
enum UTF8Repair {
    /// The decoded string and, when the bytes were not valid UTF-8, the 0-based offset of the first bad byte.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, invalidAt: Int?) {
        // The common case, checked here at a third of the cost of the standard library's repairing decoder.
        if isValid(bytes) { return (String(knownValidUTF8: bytes), nil) }
        let text = String(decoding: bytes, as: UTF8.self)
        var text2 = text
        let same = text2.withUTF8 { utf8 in
            utf8.count == bytes.count && (bytes.isEmpty || memcmp(utf8.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
        return same ? (text, nil) : (text, firstInvalidOffset(bytes))
    }

    /// True when `bytes` is well-formed UTF-8, checked without building a `String`: a three-byte sequence led by
    /// E1…EC or EE…EF (most Han characters and CJK punctuation) with one test of its trailing bytes, ASCII eight
    /// bytes at a time, anything else by `wellFormedSequenceLength`.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = base[i]
            if b0 &- 0xE1 < 0x0F, b0 != 0xED, i &+ 3 <= n,
               (UInt16(base[i &+ 1]) << 8 | UInt16(base[i &+ 2])) & 0xC0C0 == 0x8080 {
                i &+= 3
                continue
            }
            if b0 < 0x80 {
                if i &+ 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i &+= 8
                } else {
                    i &+= 1
                }
                continue
            }
            guard let length = wellFormedSequenceLength(bytes, at: i) else { return false }
            i &+= length
        }
        return true
    }

    /// The length of the well-formed sequence starting at `i`, or nil (Unicode Table 3-7).
    @inline(__always)
    static func wellFormedSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let b = bytes[i]
        let (length, low, high): (Int, UInt8, UInt8)
        switch b {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
        case 0xED: (length, low, high) = (3, 0x80, 0x9F)
        case 0xE1...0xEF: (length, low, high) = (3, 0x80, 0xBF)
        case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
        case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
        case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
        default: return nil
        }
        guard i + length <= bytes.count, (low...high).contains(bytes[i + 1]) else { return nil }
        for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 { return nil }
        return length
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        while i < bytes.count {
            guard let length = wellFormedSequenceLength(bytes, at: i) else { return i }
            i += length
        }
        return bytes.count
    }

    /// True when at least 4 bytes, and more non-ASCII bytes than not, fall outside well-formed UTF-8
    /// sequences: text in another charset, not UTF-8 with a stray bad sequence.
    static func isMostlyInvalid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var (valid, invalid, i) = (0, 0, 0)
        while i < bytes.count {
            if let length = wellFormedSequenceLength(bytes, at: i) {
                if length > 1 { valid += length }
                i += length
            } else {
                invalid += 1
                i += 1
            }
        }
        return invalid >= 4 && invalid > valid
    }
}
