/// Makes the `IndexRecord` of an article that has been through the stages: the library function behind
/// `--format` on `qingxi clean` (and `qingxi batch`) and behind `qingxi index`. Call `record(for:paragraphs:record:)`
/// once per finished article with the paragraphs the last stage emitted and the input record (JSONL) if any.
///
/// It reads what the stages left on the article — `meta` and `keywords`, from this run or, for input that
/// already went through qingxi, from the record's `qingxi` value — and computes the rest itself: the
/// simplified text, the tokens (with the same `SearchTokenizer` the `tokens` stage uses, so the chain does not
/// need it) and the fingerprint. Deterministic; not thread-safe (one builder per worker).
public final class IndexRecordBuilder {
    /// Tokens of titles and queries: any script, through the matching view.
    private let tokenizer: SearchTokenizer
    /// Tokens of the simplified text: the same tokens without simplifying a second time (width folding only).
    private let simplifiedTokenizer: SearchTokenizer
    private let expander: SubwordExpander
    /// The term finder of the tokenizers; the keyword stage of the chain may share it (`keywordFinder(for:)`).
    private let finder: TermCandidateFinder
    private let simplifier: ScriptConverter
    private let textIsSimplified: Bool
    /// The lexicon that decides which policy terms stay whole in `tokens`.
    public let lexicon: PolicyLexicon

    /// Longest first line of a plain-text article that is taken as its title.
    static let maxPlainTitle = 64

    /// `textIsSimplified`: the text arrives in simplified script already (the chain converted `--to hans`), so
    /// `text_hans` is the text itself and no second conversion runs (except for articles cleaned by an earlier
    /// run, which the chain may not have seen: see `CleanedArticleBypass`).
    public init(lexicon: PolicyLexicon, textIsSimplified: Bool) throws {
        self.lexicon = lexicon
        self.textIsSimplified = textIsSimplified
        simplifier = try ScriptConverter(ConversionOptions(direction: .hans))
        finder = try TermCandidateFinder(lexicon: lexicon)
        tokenizer = try SearchTokenizer(finder: finder, view: lexicon.view, mode: .annotate)
        simplifiedTokenizer = try SearchTokenizer(finder: finder, view: .widthFoldingOnly, mode: .annotate)
        expander = try SubwordExpander(lexicon: lexicon, finder: finder)
    }

    /// The lexicon `options` give the keywords stage (shipped lists unless turned off, then the user's files),
    /// folded with `view`.
    public static func lexicon(_ options: CleanOptions, view: MatchingView) throws -> PolicyLexicon {
        var lexicon = options.builtInLexicon ? try PolicyLexicon.builtIn(view: view) : PolicyLexicon(view: view)
        for file in options.lexiconFiles { try lexicon.loadTerms(file: file) }
        for file in options.outletFiles { try lexicon.loadOutlets(file: file) }
        return lexicon
    }

    /// The term finder for a keyword stage on `keywords`, when it is this builder's lexicon: shared, with
    /// recording on, so that the tokens of each paragraph reuse the candidates the stage found in it (the same
    /// view scalars give the same candidates) instead of finding them a second time. Nil for another lexicon.
    func keywordFinder(for keywords: PolicyLexicon) -> TermCandidateFinder? {
        guard keywords.hasSameContents(as: lexicon) else { return nil }
        finder.record(true)
        return finder
    }

    /// True when a chain built from `options` leaves the text in simplified script.
    public static func chainSimplifies(_ options: CleanOptions) -> Bool {
        options.stages.contains(.convert) && options.target == .hans
    }

    /// The record of one finished article; nil when the stages left it without title and text.
    public func record(for article: Article, paragraphs: [Paragraph], record: JSONRecord?) throws -> IndexRecord? {
        defer { finder.forgetRecorded() }
        var body = paragraphs.filter { !$0.isBlank }.map(\.text)
        var title = article.title.flatMap { $0.isEmpty ? nil : $0 }
        if title == nil && record == nil, let first = body.first, Self.looksLikeTitle(first) {
            title = first
            body.removeFirst()
        }
        guard title != nil || !body.isEmpty else { return nil }
        let text = body.joined(separator: "\n")
        let simplified = textIsSimplified && !CleanedArticleBypass.wasCleaned(article)
        let hansBody = simplified ? body : body.map(simplifier.convert)
        let titleTokens = try title.map { try tokenizer.tokens(of: $0) } ?? []
        var bodyTokens: [String] = []
        for paragraph in hansBody { bodyTokens += try simplifiedTokenizer.tokens(of: paragraph) }
        let qingxi = AnnotationMerger.merged(previous: article.previous, article: article, explain: false)
        var keywords: [JSONValue] = []
        if case .array(let items)? = qingxi?["keywords"] { keywords = items }
        return IndexRecord(
            id: article.id, title: title, text: text,
            textHans: simplified ? text : hansBody.joined(separator: "\n"),
            titleTokens: titleTokens, bodyTokens: bodyTokens,
            subwords: try expander.subwords(of: titleTokens + bodyTokens),
            keywords: keywords, meta: IndexMeta(qingxi: qingxi, record: record),
            fingerprint: SimHash(concatenating: bodyTokens.isEmpty ? titleTokens : bodyTokens))
    }

    /// The tokens of any text (a search query goes through this, so that it is cut as the index was).
    public func tokens(of text: String) throws -> [String] {
        try tokenizer.tokens(of: text)
    }

    /// The subwords of one token as the index stores them (see `SubwordExpander`).
    public func subwords(of token: String) throws -> [String] {
        try expander.subwords(of: [token])
    }

    /// A headline: short, and not ending like a sentence.
    /// Counts the non-space scalars only up to the limit (a first line can be a whole page long).
    static func looksLikeTitle(_ line: String) -> Bool {
        var count = 0
        var last: Unicode.Scalar?
        for scalar in line.unicodeScalars where !scalar.properties.isWhitespace {
            count += 1
            guard count <= maxPlainTitle else { return false }
            last = scalar
        }
        guard let last else { return false }
        return !"。！？!?；;：:，,…".unicodeScalars.contains(last)
    }
}

