import CICUShim

/// ICU's charset detection (`ucsdet`): guesses the charset of a byte sample. Owns one detector; not thread-safe.
///
/// ICU reports GBK and GB2312 bytes as "GB18030" and Big5 as "Big5" (NOTES §1); short samples give low
/// confidence, so callers decide which candidates they accept.
public final class ICUCharsetDetector {
    /// One guess: ICU's charset name and its confidence (0–100).
    public struct Candidate: Sendable, Equatable {
        public var name: String
        public var confidence: Int
    }

    private let handle: OpaquePointer

    public init() throws {
        var status: Int32 = 0
        guard let h = qx_icu_charsetdetector_open(&status) else { throw ICUError("ucsdet_open", code: status) }
        handle = h
    }

    deinit { qx_icu_charsetdetector_close(handle) }

    /// The candidate charsets for `bytes`, best first.
    public func candidates(_ bytes: UnsafeBufferPointer<UInt8>) throws -> [Candidate] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
        var status: Int32 = 0
        let count = qx_icu_charsetdetector_detect(handle, base, Int32(clamping: bytes.count), &status)
        try ICUError.check("ucsdet_detectAll", status)
        return try (0..<count).map { index in
            let name = String(cString: qx_icu_charsetdetector_name(handle, index, &status))
            try ICUError.check("ucsdet_getName", status)
            let confidence = qx_icu_charsetdetector_confidence(handle, index, &status)
            try ICUError.check("ucsdet_getConfidence", status)
            return Candidate(name: name, confidence: Int(confidence))
        }
    }
}
