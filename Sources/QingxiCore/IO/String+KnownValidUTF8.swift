extension String {
    /// A string of UTF-8 bytes that the caller knows to be well-formed: input that passed `UTF8Repair.isValid`
    /// (or a piece of it cut at ASCII bytes), or bytes qingxi encoded from Unicode scalars itself. Copied
    /// without the validation every other initialiser runs (`UTF8Span(unchecked:)`, SE-0464), which costs
    /// about 11 instructions a byte of Han: 4% of `clean`, all of it spent on bytes already checked. Debug
    /// builds (the tests) check the claim; bytes of unknown origin go through `String(decoding:as:)`.
    init(knownValidUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        assert(UTF8Repair.isValid(bytes), "String(knownValidUTF8:) given ill-formed UTF-8")
        self = String(copying: UTF8Span(unchecked: bytes.span))
    }
}
