/// Stage "keywords": finds the policy terms an article names (laws, systems, mechanisms, plans, campaigns,
/// documents) and records them on the article as `keywords` = `[{"term","score","count","kind","forms"}]`,
/// best first. `term` is simplified (matching happens on `MatchingView.folded`), `forms` are the surface
/// forms as they stand in the input, so traditional input gives simplified terms with traditional forms.
///
/// Contract: every paragraph passes through unchanged, as soon as it arrives (the stage keeps only the
/// candidate occurrences, not the text, so memory does not grow with the paragraphs); nothing is removed.
/// The annotation is set at `end`; running the stage again sets the same annotation. See
/// `TermCandidateFinder` for what counts as a candidate and `KeywordRanker` for the ranking.
public final class PolicyTermExtractor: Stage {
    public static let annotationKey = "keywords"
    public let name = "keywords"
    public var ranker: KeywordRanker
    private let collector: ArticleTermCollector
    /// The terms of the article that ended last.
    public private(set) var lastTerms: [RankedTerm] = []

    /// - Parameters:
    ///   - lexicon: known policy terms and media outlets (see `PolicyLexicon`).
    ///   - view: the matching view (the CLI builds it from the T→S converter).
    ///   - ranker: how many terms, the score threshold and an optional document-frequency table.
    public convenience init(lexicon: PolicyLexicon, view: MatchingView, ranker: KeywordRanker = KeywordRanker()) throws {
        self.init(finder: try TermCandidateFinder(lexicon: lexicon), view: view, ranker: ranker)
    }

    /// A stage on a term finder of its owner's (see `CleanPipeline`: the index record builder's, so that the
    /// builder's tokenizer can take the candidates this stage found).
    init(finder: TermCandidateFinder, view: MatchingView, ranker: KeywordRanker) {
        self.ranker = ranker
        collector = ArticleTermCollector(finder: finder, view: view)
    }

    public func begin(_ article: Article) throws {
        try collector.begin(article)
    }

    public func process(_ paragraph: Paragraph, of article: Article, emit: (Paragraph) throws -> Void) throws {
        try emit(paragraph)
        try collector.add(paragraph)
    }

    public func end(_ article: Article, emit: (Paragraph) throws -> Void) throws {
        lastTerms = ranker.rank(collector.candidates)
        article.annotate(Self.annotationKey, .array(lastTerms.map(\.json)))
    }
}
