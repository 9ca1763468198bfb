/// Writes index records in one `IndexRecordFormat`. Stateless: each record's bytes stand alone, so parallel
/// workers can encode their own articles and a writer can concatenate them in order.
public struct IndexRecordEncoder: Sendable {
    public let format: IndexRecordFormat
    /// The `_index` of es-bulk action lines (nil: left out).
    public let indexName: String?

    public init(format: IndexRecordFormat, indexName: String? = nil) {
        self.format = format
        self.indexName = indexName
    }

    /// Appends one record, with its line endings, to `out`.
    public func append(_ record: IndexRecord, to out: inout [UInt8]) {
        switch format {
        case .jsonl:
            record.json.encode(into: &out)
            out.append(0x0A)
        case .esBulk:
            action(for: record).encode(into: &out)
            out.append(0x0A)
            record.json.encode(into: &out)
            out.append(0x0A)
        case .text:
            out.append(contentsOf: Array(text(record).utf8))
        }
    }

    /// The bytes of one record.
    public func encoded(_ record: IndexRecord) -> [UInt8] {
        var out: [UInt8] = []
        append(record, to: &out)
        return out
    }

    private func action(for record: IndexRecord) -> JSONValue {
        var target: [(String, JSONValue)] = []
        if let indexName { target.append(("_index", .string(indexName))) }
        target.append(("_id", .string(record.id)))
        return .object([("index", .object(target))])
    }

    private func text(_ record: IndexRecord) -> String {
        var lines = ["id: \(record.id)"]
        if let title = record.title { lines.append("title: \(title)") }
        let meta = [("source", record.meta.source), ("reporter", record.meta.reporter), ("editor", record.meta.editor),
                    ("date", record.meta.date)]
        for case let (key, value?) in meta { lines.append("\(key): \(value)") }
        if !record.keywords.isEmpty { lines.append("keywords: " + record.keywordTerms.joined(separator: ", ")) }
        lines.append("fingerprint: \(record.fingerprint.hex)")
        lines.append("tokens: \(record.tokens)")
        if record.textHans != record.text { lines.append("text_hans: " + record.textHans.replacingNewlines) }
        lines.append("")
        if !record.text.isEmpty { lines.append(record.text) }
        lines.append("\u{0C}")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// Line breaks as ` ¶ ` (a multi-paragraph value on one `field:` line).
    var replacingNewlines: String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ¶ ")
    }
}
