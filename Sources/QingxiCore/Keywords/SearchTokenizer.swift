/// Stage "tokens": search-index tokens for indexers without a Chinese analyzer. Each paragraph's matching view
/// (simplified, width folded) is cut into ICU's word-break words (`DictionaryWordBreaker`), except that policy
/// terms stay whole: lexicon terms, suffix phrases and numbered slogans found in the paragraph (河长制, not
/// 河|长|制). Punctuation and white space are dropped; tokens are joined by single spaces. Document titles are
/// not kept whole (a 20-character token is useless in a search box): their words are indexed instead.
///
/// Modes:
/// - `.rewrite` (`qingxi tokens` on text): each paragraph comes out as its token line; blank ones stay blank.
/// - `.annotate` (`--tokens` on JSONL): paragraphs pass through unchanged and the article gets `tokens`, all
///   its tokens space-joined (title first, when it has one).
/// - `.byOutputFormat` (`qingxi tokens`): `.rewrite` when the run writes plain text, `.annotate` for JSONL.
/// Deterministic and idempotent in `.annotate` mode; in `.rewrite` mode a second pass keeps the tokens
/// (a token line breaks into the same tokens).
public final class SearchTokenizer: Stage {
    public enum Mode: Sendable { case rewrite, annotate, byOutputFormat }
    public static let annotationKey = "tokens"
    public let name = "tokens"
    public let requestedMode: Mode
    private var mode: Mode
    private let finder: TermCandidateFinder
    private let breaker: DictionaryWordBreaker
    private let view: MatchingView
    private var collected: [String] = []

    public convenience init(lexicon: PolicyLexicon, view: MatchingView, mode: Mode) throws {
        try self.init(finder: TermCandidateFinder(lexicon: lexicon), view: view, mode: mode)
    }

    /// A tokenizer on a term finder of its owner's (the finder is immutable; building one costs milliseconds,
    /// so the index record builder's tokenizers share theirs).
    init(finder: TermCandidateFinder, view: MatchingView, mode: Mode) throws {
        requestedMode = mode
        self.mode = mode
        self.view = view
        self.finder = finder
        breaker = try DictionaryWordBreaker()
    }

    public func begin(_ article: Article) throws {
        if requestedMode == .byOutputFormat { mode = article.outputFormat == .text ? .rewrite : .annotate }
        collected = []
        if mode == .annotate, let title = article.title { collected += try tokens(of: title) }
    }

    public func process(_ paragraph: Paragraph, of article: Article, emit: (Paragraph) throws -> Void) throws {
        switch mode {
        case .rewrite:
            var out = paragraph
            out.text = try tokens(of: paragraph.text).joined(separator: " ")
            out.isViewSimplified = false
            try emit(out)
        case .annotate, .byOutputFormat:
            try emit(paragraph)
            collected += try tokens(of: ViewText(paragraph, view: view))
        }
    }

    public func end(_ article: Article, emit: (Paragraph) throws -> Void) throws {
        if mode == .annotate { article.annotate(Self.annotationKey, .string(collected.joined(separator: " "))) }
    }

    /// The tokens of one piece of text.
    public func tokens(of text: String) throws -> [String] {
        try tokens(of: ViewText(text, view: view))
    }

    /// The tokens of one piece of text as the keyword finder reads it.
    func tokens(of viewText: ViewText) throws -> [String] {
        guard viewText.count > 0 else { return [] }
        var result: [String] = []
        var position = 0
        for span in try protectedSpans(viewText) {
            try appendWords(viewText, position..<span.lowerBound, to: &result)
            result.append(viewText.string(span))
            position = span.upperBound
        }
        try appendWords(viewText, position..<viewText.count, to: &result)
        return result
    }

    /// Policy terms of the text that stay whole: the longest first, never overlapping.
    private func protectedSpans(_ text: ViewText) throws -> [Range<Int>] {
        let spans = try finder.recordedCandidates(in: text)
            .filter { $0.kind != .document }
            .map(\.range)
            .sorted { ($0.count, $1.lowerBound) > ($1.count, $0.lowerBound) }
        var chosen: [Range<Int>] = []
        for span in spans where !chosen.contains(where: { $0.overlaps(span) }) { chosen.append(span) }
        return chosen.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The words of `range` that hold a letter or digit: ICU's word segmentation (`DictionaryWordBreaker`), on
    /// the view's scalars directly.
    private func appendWords(_ text: ViewText, _ range: Range<Int>, to result: inout [String]) throws {
        guard !range.isEmpty else { return }
        try text.scalars.withUnsafeBufferPointer { scalars in
            let slice = UnsafeBufferPointer(rebasing: scalars[range])
            try breaker.forEachPiece(of: slice) { piece in
                guard slice[piece].contains(where: DictionaryWordBreaker.isWordValue) else { return }
                result.append(ViewText.string(text.scalars[(range.lowerBound + piece.lowerBound)..<(range.lowerBound + piece.upperBound)]))
            }
        }
    }
}
