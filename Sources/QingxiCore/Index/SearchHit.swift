/// One result of `qingxi search`: the article's id, rank and score, its title and a snippet with the matches
/// marked, its keyword terms and meta.
public struct SearchHit: Sendable {
    /// 1 for the best hit.
    public var rank: Int
    public var id: String
    /// FTS5's bm25 relevance with the sign turned (higher is better), over title, text and subwords.
    public var score: Double
    public var title: String?
    /// The title with the matches marked.
    public var markedTitle: String?
    public var snippet: String
    public var keywords: [String]
    public var meta: IndexMeta
    public var fingerprint: SimHash

    /// One JSON object (a line of `--json` output).
    public var json: JSONValue {
        .object([
            ("rank", .int(rank)),
            ("id", .string(id)),
            ("score", .double(score)),
            ("title", title.map(JSONValue.string) ?? .null),
            ("snippet", .string(snippet)),
            ("keywords", .array(keywords.map(JSONValue.string))),
            ("meta", meta.json),
            ("fingerprint", .string(fingerprint.hex)),
        ])
    }

    /// The text form: a numbered heading line, a meta line, a keywords line, the snippet.
    public var text: String {
        var lines = ["\(rank). \(markedTitle ?? title ?? "(no title)")  [\(id)]  score \(JSONValue.format(score))"]
        let meta = [meta.source, meta.date, meta.reporter.map { "记者 \($0)" }, meta.editor.map { "编辑 \($0)" }]
            .compactMap { $0 }
        if !meta.isEmpty { lines.append("   " + meta.joined(separator: " · ")) }
        if !keywords.isEmpty { lines.append("   keywords: " + keywords.joined(separator: ", ")) }
        lines.append("   " + snippet)
        return lines.joined(separator: "\n") + "\n"
    }
}
