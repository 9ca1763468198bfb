/// The metadata of an index record: who published the article, who wrote and edited it, and when.
///
/// Each field takes the first of: what the strip stage extracted this run or an earlier one (`qingxi.meta`),
/// then the input record's own top-level string field:
/// - `source`: meta `source`, meta `dateline_org` (新华社 in a 新华社北京…电 dateline), record `source`;
/// - `reporter`: meta `reporter`, meta `author`, record `reporter`, record `author`;
/// - `editor`: meta `editor`, record `editor`;
/// - `date`: meta `dateline_date`, record `date`, `published`, `pubdate`.
/// A meta key found several times in one article (an array under `qingxi.meta`) gives its values joined by 、.
public struct IndexMeta: Equatable, Sendable {
    public var source: String?
    public var reporter: String?
    public var editor: String?
    public var date: String?

    public init(source: String? = nil, reporter: String? = nil, editor: String? = nil, date: String? = nil) {
        self.source = source
        self.reporter = reporter
        self.editor = editor
        self.date = date
    }

    /// Reads the fields from a merged `qingxi` value and the input record (either may be missing).
    init(qingxi: JSONValue?, record: JSONRecord?) {
        let meta = qingxi?["meta"]
        func first(_ metaKeys: [String], _ recordKeys: [String]) -> String? {
            for key in metaKeys { if let value = Self.text(meta?[key]) { return value } }
            for key in recordKeys { if let value = record?.stringField(key), !value.isEmpty { return value } }
            return nil
        }
        source = first(["source", "dateline_org"], ["source"])
        reporter = first(["reporter", "author"], ["reporter", "author"])
        editor = first(["editor"], ["editor"])
        date = first(["dateline_date"], ["date", "published", "pubdate"])
    }

    /// A meta value as text: a string, or an array of strings joined by 、; nil when empty.
    private static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s)?: return s.isEmpty ? nil : s
        case .array(let items)?:
            let parts = items.compactMap(\.stringValue).filter { !$0.isEmpty }
            return parts.isEmpty ? nil : parts.joined(separator: "、")
        default: return nil
        }
    }

    /// `{"source":…,"reporter":…,"editor":…,"date":…}`, null for a missing field (every record has the same shape).
    public var json: JSONValue {
        func value(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        return .object([("source", value(source)), ("reporter", value(reporter)), ("editor", value(editor)),
                        ("date", value(date))])
    }
}
