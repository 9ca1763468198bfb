/// The byte-level helpers of `QuickFold`: where a line's scalars come from (bytes or decoded scalars), the white-space test, and
/// the hash of a line's bytes that the page classifier compares to find repeated lines.
extension QuickFold {
    /// A 64-bit hash of the bytes, eight at a time (multiply and xor-shift rounds), never 0.
    static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        let raw = UnsafeRawBufferPointer(utf8)
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(utf8.count)
        var i = 0
        while i &+ 8 <= raw.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash &>> 31
            i &+= 8
        }
        var tail: UInt64 = 0
        while i < raw.count {
            tail = tail &<< 8 | UInt64(raw[i])
            i &+= 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        hash ^= hash &>> 29
        return Int(truncatingIfNeeded: hash | 1)
    }

    /// True for a well-formed three-byte sequence led by E1…EC or EE…EF at `i` (CJK punctuation, most of what
    /// is not ASCII or U+4E00…U+9FFF); others are checked by `UTF8Repair.wellFormedSequenceLength`.
    @inline(__always) static func isThreeByteSequence(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Bool {
        let b0 = utf8[i]
        return b0 &- 0xE1 < 0x0F && b0 != 0xED && i &+ 3 <= end
            && (UInt16(utf8[i &+ 1]) << 8 | UInt16(utf8[i &+ 2])) & 0xC0C0 == 0x8080
    }

    /// Unicode White_Space, as `Unicode.Scalar.Properties.isWhitespace` has it.
    @inline(__always) static func isWhiteSpace(_ c: UInt32) -> Bool {
        if c < 0x80 { return c == 0x20 || (0x09...0x0D).contains(c) }
        if c < 0x1680 { return c == 0x85 || c == 0xA0 }
        return c == 0x1680 || (0x2000...0x200A).contains(c) || c == 0x2028 || c == 0x2029 || c == 0x202F
            || c == 0x205F || c == 0x3000
    }
}

/// Where `QuickFold` reads a line's scalars from: the line's UTF-8 bytes (validated on the way) or the scalars
/// a stage already decoded (`Paragraph.scalars`). One fold serves both, specialised for each; each source sorts
/// its scalars itself, so the bytes are tested once (Han by its lead byte, ASCII by its byte).
protocol LineScalarSource {
    /// Calls `han` for each scalar of U+4000…U+9FFF, `ascii` for ASCII and `other` for the rest, in order;
    /// false (having stopped) at bytes that are not well-formed UTF-8.
    func forEach(han: (UInt32) -> Void, ascii: (UInt32) -> Void, other: (UInt32) -> Void) -> Bool
}

/// A line's UTF-8 bytes, checked for well-formedness as they are decoded.
struct UTF8LineScalars: LineScalarSource {
    let utf8: UnsafeBufferPointer<UInt8>

    @inline(__always)
    func forEach(han: (UInt32) -> Void, ascii: (UInt32) -> Void, other: (UInt32) -> Void) -> Bool {
        let end = utf8.count
        var i = 0
        while i < end {
            let b0 = utf8[i]
            if b0 &- 0xE4 < 6 {  // U+4000…U+9FFF, most of the text, when two continuation bytes follow
                guard i &+ 3 <= end else { return false }
                let b1 = utf8[i &+ 1], b2 = utf8[i &+ 2]
                guard (UInt16(b1) << 8 | UInt16(b2)) & 0xC0C0 == 0x8080 else { return false }
                i &+= 3
                han(UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F))
            } else if b0 < 0x80 {
                i &+= 1
                ascii(UInt32(b0))
            } else {
                guard QuickFold.isThreeByteSequence(utf8, at: i, end: end)
                        || UTF8Repair.wellFormedSequenceLength(utf8, at: i) != nil else { return false }
                other(UTF8Decoding.decode(utf8, &i))
            }
        }
        return true
    }
}

/// A line's scalars as a stage decoded them.
struct DecodedLineScalars: LineScalarSource {
    let scalars: UnsafeBufferPointer<UInt32>

    @inline(__always)
    func forEach(han: (UInt32) -> Void, ascii: (UInt32) -> Void, other: (UInt32) -> Void) -> Bool {
        for c in scalars {
            if c &- 0x4000 < 0x6000 { han(c) } else if c < 0x80 { ascii(c) } else { other(c) }
        }
        return true
    }
}
