/// The normalised forms the index stores for filtering, and that filters are normalised to before they are
/// compared: so `--keyword 河長制` finds articles whose keyword is 河长制, and `--source 新華社` those from 新华社.
enum IndexKeys {
    /// A keyword term as `--keyword` matches it: matching view (simplified, width folded), without 《》, spaces
    /// and quotation marks, ASCII lower-cased.
    static func keyword(_ term: String, view: MatchingView) -> String {
        let dropped: Set<Unicode.Scalar> = ["《", "》", "“", "”", "\"", " ", "\u{3000}", "\t"]
        var scalars = String.UnicodeScalarView()
        for scalar in view.folded(term).unicodeScalars where !dropped.contains(scalar) {
            scalars.append(Unicode.Scalar(UInt8(ascii: "A")) <= scalar && scalar <= "Z"
                           ? Unicode.Scalar(scalar.value + 32)! : scalar)
        }
        return String(scalars)
    }

    /// A source as `--source` matches it (a substring of the stored key): the same normalisation.
    static func source(_ name: String, view: MatchingView) -> String {
        keyword(name, view: view)
    }

    /// A stable 64-bit digest of everything a record stores (FNV-1a over its fields, each followed by a 0xFF
    /// byte, which UTF-8 never contains), as SQLite's signed INTEGER: equal digests mean an unchanged record.
    /// The bytes are read from each string's contiguous UTF-8 (no per-byte iterator), and the token lists are
    /// walked in place rather than concatenated: the same bytes in the same order, so the same digest.
    static func digest(of record: IndexRecord, keywords: String) -> Int64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func add(_ text: String?) {
            var bytes = text ?? ""
            bytes.withUTF8 { utf8 in
                for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            }
            hash = (hash ^ (text == nil ? 0xFE : 0xFF)) &* 0x0000_0100_0000_01B3
        }
        for field in [record.title, record.text, record.textHans, keywords, record.meta.source, record.meta.reporter,
                      record.meta.editor, record.meta.date, record.fingerprint.hex] { add(field) }
        for (index, tokens) in [record.titleTokens, record.bodyTokens, record.subwords].enumerated() {
            if index > 0 { add("\u{1}") }
            for token in tokens { add(token) }
        }
        return Int64(bitPattern: hash)
    }
}
