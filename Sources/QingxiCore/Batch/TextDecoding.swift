/// Turns the bytes of a text file or a JSONL record into a `String` as `InputEncoding` says, or says why not.
/// Holds ICU objects (a detector, one decoder per charset): one instance per worker thread.
final class TextDecoding {
    /// The charsets `--encoding auto` accepts from ICU's detector (GBK and GB2312 are reported as GB18030).
    /// UTF-16 is taken only with a byte order mark: on short texts ICU guesses UTF-16 for GB18030 bytes.
    static let convertible: Set<String> = ["GB18030", "Big5"]

    private let encoding: InputEncoding
    private var decoders: [String: ICUTextDecoder] = [:]
    private var detector: ICUCharsetDetector?
    /// The acceptable candidates of the last detection, best first.
    private var lastCandidates: [String] = []

    init(_ encoding: InputEncoding) {
        self.encoding = encoding
    }

    /// The decoded text; `charset` is a charset chosen earlier for the whole file (JSONL), or nil to decide
    /// from these bytes. Throws the reason as a `Reject.Kind.undecodable` message.
    func decode(_ bytes: [UInt8], charset: String? = nil) throws(InputDamage) -> String {
        if let charset { return try decode(bytes, as: charset) }
        switch encoding {
        case .utf8: return try Self.utf8(bytes)
        case .named(let name): return try decode(bytes, as: name)
        case .auto:
            guard let first = try self.charset(of: bytes, sampleIsWhole: true) else { return try Self.utf8(bytes) }
            do {
                return try decode(bytes, as: first)
            } catch {
                // ICU's first guess can be wrong on short texts: try the other candidates it would accept.
                for other in lastCandidates where other != first {
                    if let text = try? decode(bytes, as: other) { return text }
                }
                throw error
            }
        }
    }

    private func decode(_ bytes: [UInt8], as name: String) throws(InputDamage) -> String {
        guard let decoder = try decoder(for: name) else { return try Self.utf8(bytes) }
        return try bytes.withUnsafeBufferPointer { buffer throws(InputDamage) in try Self.decode(buffer, with: decoder) }
    }

    /// The ICU decoder for charset `name` (made once, then reused), or nil for UTF-8, which needs none.
    func decoder(for name: String) throws(InputDamage) -> ICUTextDecoder? {
        if name.uppercased().replacing("-", with: "") == "UTF8" { return nil }
        if let known = decoders[name] { return known }
        do {
            let decoder = try ICUTextDecoder(charset: name)
            decoders[name] = decoder
            return decoder
        } catch {
            throw InputDamage("cannot decode as \(name): \(error)")
        }
    }

    /// `bytes` decoded with `decoder`, or why not.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, with decoder: ICUTextDecoder) throws(InputDamage) -> String {
        do {
            return try decoder.decode(bytes)
        } catch let invalid as ICUTextDecoder.InvalidInput {
            throw InputDamage("not valid \(invalid.charset) at byte \(invalid.offset + 1)")
        } catch {
            throw InputDamage("cannot decode as \(decoder.charset): \(error)")
        }
    }

    /// The charset to decode with: nil for UTF-8. A sample that is not the whole text may end inside a
    /// UTF-8 sequence, which does not count against UTF-8.
    func charset(of sample: [UInt8], sampleIsWhole: Bool) throws(InputDamage) -> String? {
        switch encoding {
        case .utf8: return nil
        case .named(let name): return name
        case .auto:
            if Self.looksLikeUTF8(sample, whole: sampleIsWhole) { return nil }
            if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
            return try detected(sample)
        }
    }

    private func detected(_ sample: [UInt8]) throws(InputDamage) -> String {
        let candidates: [ICUCharsetDetector.Candidate]
        do {
            if detector == nil { detector = try ICUCharsetDetector() }
            candidates = try sample.withUnsafeBufferPointer { try detector!.candidates($0) }
        } catch {
            throw InputDamage("charset detection failed: \(error)")
        }
        lastCandidates = candidates.filter { Self.convertible.contains($0.name) }.map(\.name)
        if let match = lastCandidates.first { return match }
        let guess = candidates.first.map { "\($0.name), \($0.confidence)%" } ?? "no guess"
        throw InputDamage("not UTF-8, and not an encoding --encoding auto converts (ICU guesses \(guess))")
    }

    static func looksLikeUTF8(_ bytes: [UInt8], whole: Bool) -> Bool {
        let offset = bytes.withUnsafeBufferPointer { UTF8Repair.firstInvalidOffset($0) }
        return offset == bytes.count || (!whole && bytes.count - offset < 4 && bytes[offset] >= 0xC2)
    }

    /// Throws the offset of the first bad byte when `bytes` are not valid UTF-8.
    static func validateUTF8(_ bytes: [UInt8]) throws(InputDamage) {
        if bytes.withUnsafeBufferPointer(UTF8Repair.isValid) { return }
        let offset = bytes.withUnsafeBufferPointer { UTF8Repair.firstInvalidOffset($0) }
        if offset < bytes.count {
            throw InputDamage("invalid UTF-8 at byte \(offset + 1) (for GB18030/GBK or Big5 text, use --encoding auto)")
        }
    }

    /// Valid UTF-8 as a string (a BOM dropped), or the offset of the first bad byte.
    static func utf8(_ bytes: [UInt8]) throws(InputDamage) -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if let text = String(validating: body, as: UTF8.self) { return text }
        let offset = body.withUnsafeBufferPointer { UTF8Repair.firstInvalidOffset($0) } + (bytes.count - body.count)
        throw InputDamage("invalid UTF-8 at byte \(offset + 1) (for GB18030/GBK or Big5 text, use --encoding auto)")
    }
}
