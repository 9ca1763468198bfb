/// Runs a chain on the articles that need it and lets already-cleaned ones through untouched: what lets
/// `qingxi index` take raw articles and the JSONL output of `qingxi clean` in the same run.
///
/// An article counts as cleaned when its input record carries keywords from an earlier qingxi run
/// (`qingxi.keywords`, the last stage of `clean`); its paragraphs pass straight through, and its meta and
/// keywords come from that record. Every other article goes through the chain. Stateless apart from the
/// chain's own state; deterministic; idempotent as the chain is.
public final class CleanedArticleBypass: Stage {
    public let name = "clean"
    private let chain: StageChain
    private var bypassing = false

    public init(_ stages: [Stage]) {
        chain = StageChain(stages)
    }

    /// True when `article` went through `qingxi clean` (or `keywords`) before.
    public static func wasCleaned(_ article: Article) -> Bool {
        article.previous?["keywords"] != nil
    }

    public func begin(_ article: Article) throws {
        bypassing = Self.wasCleaned(article)
        if !bypassing { try chain.begin(article) }
    }

    public func process(_ paragraph: Paragraph, of article: Article, emit: (Paragraph) throws -> Void) throws {
        if bypassing { try emit(paragraph) } else { try chain.process(paragraph, of: article, sink: emit) }
    }

    public func end(_ article: Article, emit: (Paragraph) throws -> Void) throws {
        if !bypassing { try chain.end(article, sink: emit) }
    }

    public func finish() throws {
        try chain.finish()
    }
}
