/// One article as a search index wants it (the record of `--format jsonl|es-bulk|text`, and a row of the
/// SQLite index). Fields of the JSON form, in order:
/// - `id`: the input record's `id` (plain text: `FILE`, `FILE#2`, … as the record layer names articles);
/// - `title`: the record's title (plain text: the first line when it looks like a headline), or null;
/// - `text`: the cleaned text, paragraphs one a line, blank lines dropped;
/// - `text_hans`: the same in simplified script, for script-independent search (equal to `text` when the
///   chain converted to simplified);
/// - `tokens`: title and text as space-joined search tokens, policy terms whole (see `SearchTokenizer`);
/// - `keywords`: the keyword stage's terms, `[{term, score, count, kind, forms}]` (empty when it did not run);
/// - `meta`: `{source, reporter, editor, date}` (see `IndexMeta`);
/// - `fingerprint`: 16 hex digits of the `SimHash` of the tokens, for near-duplicate grouping.
public struct IndexRecord: Sendable {
    public var id: String
    public var title: String?
    public var text: String
    public var textHans: String
    public var titleTokens: [String]
    public var bodyTokens: [String]
    /// The words inside long tokens (河长制 inside 全面推行河长制): indexed by SQLite in a column of their own
    /// so that a search for a part of a policy term still finds it; not part of the JSON record.
    public var subwords: [String]
    public var keywords: [JSONValue]
    public var meta: IndexMeta
    public var fingerprint: SimHash

    /// The `tokens` field: title tokens, then the text's.
    public var tokens: String { (titleTokens + bodyTokens).joined(separator: " ") }

    /// The keyword terms, in rank order.
    public var keywordTerms: [String] { keywords.compactMap { $0["term"]?.stringValue } }

    /// The JSON object of the `jsonl` and `es-bulk` formats.
    public var json: JSONValue {
        .object([
            ("id", .string(id)),
            ("title", title.map(JSONValue.string) ?? .null),
            ("text", .string(text)),
            ("text_hans", .string(textHans)),
            ("tokens", .string(tokens)),
            ("keywords", .array(keywords)),
            ("meta", meta.json),
            ("fingerprint", .string(fingerprint.hex)),
        ])
    }
}
