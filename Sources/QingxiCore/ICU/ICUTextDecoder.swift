import CICUShim

/// Converts text in a legacy charset (GB18030, Big5, UTF-16 …) to UTF-8 with ICU's `ucnv`, refusing input that
/// is not valid in that charset instead of substituting. Owns two converters; not thread-safe.
public final class ICUTextDecoder {
    /// The input is not valid in the charset: `offset` is where the first bad byte sequence starts.
    public struct InvalidInput: Error, Equatable {
        public var charset: String
        public var offset: Int
    }

    public let charset: String
    private let handle: OpaquePointer

    /// Opens a decoder for any charset name or alias ICU knows; throws `ICUError` for an unknown one.
    public init(charset: String) throws {
        var status: Int32 = 0
        guard let h = qx_icu_decoder_open(charset, &status) else { throw ICUError("ucnv_open(\(charset))", code: status) }
        self.charset = charset
        handle = h
    }

    deinit { qx_icu_decoder_close(handle) }

    /// The whole input converted to a UTF-8 string; a byte order mark at the start is dropped.
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws -> String {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        let capacity = 2 * bytes.count + 16
        var errorOffset: Int32 = -1
        var status: Int32 = 0
        var text = String(unsafeUninitializedCapacity: capacity) { buffer in
            Int(qx_icu_decoder_to_utf8(handle, base, Int32(clamping: bytes.count), buffer.baseAddress!,
                                       Int32(clamping: capacity), &errorOffset, &status))
        }
        if errorOffset >= 0 { throw InvalidInput(charset: charset, offset: Int(errorOffset)) }
        try ICUError.check("ucnv_convertEx(\(charset))", status)
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return text
    }
}
