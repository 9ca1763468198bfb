/// The byte-level helpers of `QuickFold`: decoding a scalar from well-formed UTF-8, the white-space test, and
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
