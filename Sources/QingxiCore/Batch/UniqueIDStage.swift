/// `batch --format es-bulk`: refuses an article whose id an earlier article (in input order) already has, naming
/// both (`QingxiError.badData`: batch rejects that record, goes on, and exits 1): Elasticsearch keeps one
/// document per `_id`, so a repeated id would silently replace an article. Passes every paragraph through.
///
/// It runs in input order on one instance (`CrossArticleStage`), so "earlier" means the same for any `--jobs`,
/// and a resumed run replays it over the committed part, so it knows those ids too.
public final class UniqueIDStage: CrossArticleStage {
    public let name = "ids"
    public var carriesStateAcrossArticles: Bool { true }
    private let purpose: String
    private var registry = ArticleIDRegistry()
    private var sources: [String] = []
    private var sourceNumbers: [String: Int32] = [:]

    /// `purpose` names what needs unique ids in the message ("--format es-bulk").
    public init(purpose: String) {
        self.purpose = purpose
    }

    public func begin(_ article: Article) throws {
        let number = sourceNumbers[article.file] ?? {
            sources.append(article.file)
            sourceNumbers[article.file] = Int32(sources.count - 1)
            return Int32(sources.count - 1)
        }()
        _ = try registry.claim(article.id, at: .init(input: number, line: article.line), policy: .fail, purpose: purpose,
                               remedy: "fix the input: ids must be unique across all inputs", name: { [sources] in sources[$0] })
    }

    public func process(_ paragraph: Paragraph, of article: Article, emit: (Paragraph) throws -> Void) throws {
        try emit(paragraph)
    }
}
