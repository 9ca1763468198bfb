/// Stage "df": counts, over a whole archive in one streaming pass, how many articles name each candidate
/// policy term, for `qingxi keywords --df FILE`. An article's terms are those the keyword stage would rank
/// (candidates after fragments are dropped, before any score threshold), each counted once per article.
///
/// Contract: every paragraph passes through unchanged; nothing is removed or annotated. The table is read
/// from `table` after `finish` (the CLI writes it with `DocumentFrequencyTable.serialized`). Memory is
/// bounded by `DocumentFrequencyTable.maximumTerms`.
public final class DocumentFrequencyCounter: Stage {
    public let name = "df"
    public private(set) var table: DocumentFrequencyTable
    private let collector: ArticleTermCollector

    public init(lexicon: PolicyLexicon, view: MatchingView, table: DocumentFrequencyTable = DocumentFrequencyTable()) throws {
        self.table = table
        collector = ArticleTermCollector(finder: try TermCandidateFinder(lexicon: lexicon), view: view)
    }

    public func begin(_ article: Article) throws {
        try collector.begin(article)
    }

    public func process(_ paragraph: Paragraph, of article: Article, emit: (Paragraph) throws -> Void) throws {
        try emit(paragraph)
        try collector.add(paragraph)
    }

    public func end(_ article: Article, emit: (Paragraph) throws -> Void) throws {
        let occurrences = KeywordRanker.withoutFragments(KeywordRanker.mergedBySpan(collector.candidates))
        table.addDocument(terms: Set(occurrences.map(\.term)))
    }
}
