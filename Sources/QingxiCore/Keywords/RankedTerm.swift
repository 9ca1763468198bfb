/// One policy term of an article as the keyword stage reports it.
public struct RankedTerm: Sendable, Equatable {
    /// The term in simplified script (a document keeps its 《》).
    public var term: String
    /// The ranking score (higher first); comparable within a run, not a probability.
    public var score: Double
    /// How many times the term occurs in the article (title included), nested occurrences included.
    public var count: Int
    /// The strongest way it was found.
    public var kind: TermKind
    /// The surface forms seen, in order of first appearance (traditional input shows traditional forms).
    public var forms: [String]

    public init(term: String, score: Double, count: Int, kind: TermKind, forms: [String]) {
        self.term = term
        self.score = score
        self.count = count
        self.kind = kind
        self.forms = forms
    }

    /// `{"term","score","count","kind","forms"}`, the element of `qingxi.keywords`.
    public var json: JSONValue {
        .object([("term", .string(term)), ("score", .double(score)), ("count", .int(count)),
                 ("kind", .string(kind.rawValue)), ("forms", .array(forms.map { .string($0) }))])
    }

    /// `term<TAB>score<TAB>count<TAB>kind`, the line text mode prints.
    public var tsvLine: String {
        "\(term)\t\(JSONValue.format(score))\t\(count)\t\(kind.rawValue)"
    }

    /// The text-mode block for one article: one `tsvLine` per term, each ending in a newline.
    public static func tsvLines(_ terms: [RankedTerm]) -> String {
        terms.map { $0.tsvLine + "\n" }.joined()
    }

    /// The terms that the keyword stage recorded on `article` (empty when it has none).
    public static func terms(of article: Article) -> [RankedTerm] {
        guard let value = article.annotations.first(where: { $0.key == PolicyTermExtractor.annotationKey })?.value,
              case .array(let items) = value else { return [] }
        return items.compactMap(RankedTerm.init(json:))
    }

    /// Reads back an element of `qingxi.keywords`.
    public init?(json: JSONValue) {
        guard let term = json["term"]?.stringValue, let kindName = json["kind"]?.stringValue,
              let kind = TermKind(rawValue: kindName) else { return nil }
        var score = 0.0, count = 0
        switch json["score"] {
        case .double(let d)?: score = d
        case .int(let i)?: score = Double(i)
        default: return nil
        }
        if case .int(let i)? = json["count"] { count = i }
        var forms: [String] = []
        if case .array(let items)? = json["forms"] { forms = items.compactMap(\.stringValue) }
        self.init(term: term, score: score, count: count, kind: kind, forms: forms)
    }
}
