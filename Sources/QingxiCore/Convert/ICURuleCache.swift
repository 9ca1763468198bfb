/// ICU's transliteration rules as `utrans_toRules` gave them, kept in `UserCache`: opening an ICU
/// transliterator registers every transliterator ICU has, about 45 ms, most of the start-up of a short run.
/// A file holds one header line, `qingxi-icu-rules 1 <bytes> <checksum>`, then the rule source; a file whose
/// length or checksum does not match is not used (the rules are read from ICU and the file written anew).
enum ICURuleCache {
    static func name(_ direction: ScriptDirection) -> String {
        "rules-icu\(ICUError.icuVersion)-\(direction.icuID).txt"
    }

    /// The cached rule source of `direction`, if there is a sound one.
    static func source(_ direction: ScriptDirection, in directory: String? = UserCache.directory()) -> String? {
        guard let bytes = UserCache.load(name(direction), in: directory),
              let newline = bytes.firstIndex(of: 0x0A) else { return nil }
        let header = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ")
        let body = bytes[(newline + 1)...]
        guard header.count == 4, header[0] == "qingxi-icu-rules", header[1] == "1", Int(header[2]) == body.count,
              UInt64(header[3], radix: 16) == UserCache.checksum(body) else { return nil }
        return String(validating: body, as: UTF8.self)
    }

    /// Keeps `source` for later runs (silently does nothing when the cache cannot be written).
    static func keep(_ source: String, _ direction: ScriptDirection, in directory: String? = UserCache.directory()) {
        let body = Array(source.utf8)
        let file = Array("qingxi-icu-rules 1 \(body.count) \(String(UserCache.checksum(body), radix: 16))\n".utf8) + body
        file.withUnsafeBytes { _ = UserCache.store($0, name: name(direction), in: directory) }
    }
}
