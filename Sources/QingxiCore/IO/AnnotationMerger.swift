/// Builds the value of the `qingxi` key: what an earlier run recorded, plus this run's metadata, removals
/// (with `--explain`) and annotations. Metadata keys found more than once hold an array of their values.
/// Returns nil when there is nothing to write, so a plain conversion leaves the record's shape unchanged.
enum AnnotationMerger {
    static func merged(previous: JSONValue?, article: Article, explain: Bool) -> JSONValue? {
        var fields: [(String, JSONValue)] = []
        if case .object(let old) = previous { fields = old }
        if !article.meta.isEmpty { set(&fields, "meta", mergedMeta(fields.first { $0.0 == "meta" }?.1, article.meta)) }
        if explain && !article.removed.isEmpty {
            var items: [JSONValue] = []
            if case .array(let old) = fields.first(where: { $0.0 == "removed" })?.1 { items = old }
            items += article.removed.map(removalValue)
            set(&fields, "removed", .array(items))
        }
        if explain && !article.changes.isEmpty {
            var items: [JSONValue] = []
            if case .array(let old) = fields.first(where: { $0.0 == "changed" })?.1 { items = old }
            items += article.changes.map(changeValue)
            set(&fields, "changed", .array(items))
        }
        for (key, value) in article.annotations { set(&fields, key, value) }
        if fields.isEmpty && previous == nil { return nil }
        return .object(fields)
    }

    static func removalValue(_ r: Removal) -> JSONValue {
        .object([("stage", .string(r.stage)), ("paragraph", .int(r.paragraph)), ("line", .int(r.line)),
                 ("reason", .string(r.reason)), ("text", .string(r.text))])
    }

    static func changeValue(_ c: Removal) -> JSONValue {
        .object([("stage", .string(c.stage)), ("paragraph", .int(c.paragraph)), ("line", .int(c.line)),
                 ("change", .string(c.reason))])
    }

    private static func mergedMeta(_ old: JSONValue?, _ new: [(key: String, value: String)]) -> JSONValue {
        var fields: [(String, JSONValue)] = []
        if case .object(let o) = old { fields = o }
        for (key, value) in new {
            guard let index = fields.firstIndex(where: { $0.0 == key }) else {
                fields.append((key, .string(value)))
                continue
            }
            switch fields[index].1 {
            case .string(let s) where s != value: fields[index].1 = .array([.string(s), .string(value)])
            case .array(let items) where !items.contains(.string(value)): fields[index].1 = .array(items + [.string(value)])
            default: break
            }
        }
        return .object(fields)
    }

    private static func set(_ fields: inout [(String, JSONValue)], _ key: String, _ value: JSONValue) {
        if let index = fields.firstIndex(where: { $0.0 == key }) { fields[index].1 = value } else { fields.append((key, value)) }
    }
}
