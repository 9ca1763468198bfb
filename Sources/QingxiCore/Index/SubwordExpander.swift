/// The words inside a long token: what a search for part of a policy term must still find. `SearchTokenizer`
/// keeps policy terms whole (全面推行河长制 stays one token, and so does 度林长制 where a suffix rule took one
/// character too many), so a search for 河长制 or 推行 would miss them. For each token of three or more
/// characters this cuts the token again without letting it protect itself: shorter policy terms inside it stay
/// whole (林长制 in 度林长制), the rest goes through ICU word break. A token that cuts into fewer than two
/// pieces (an ordinary dictionary word such as 共和国) has no subwords.
///
/// The SQLite index keeps these in a column of their own, so the token stream of the main column, and with it
/// phrase search across neighbouring words, stays as `SearchTokenizer` made it. Results are cached per token
/// (tokens repeat across an archive); not thread-safe.
final class SubwordExpander {
    private let finder: TermCandidateFinder
    private let breaker: ICUWordBreaker
    private let view: MatchingView
    private var cache: [String: [String]] = [:]
    static let cacheLimit = 200_000

    init(lexicon: PolicyLexicon) throws {
        finder = try TermCandidateFinder(lexicon: lexicon)
        breaker = try ICUWordBreaker(locale: "zh")
        view = lexicon.view
    }

    /// The subwords of every long token, in token order.
    func subwords(of tokens: [String]) throws -> [String] {
        var result: [String] = []
        for token in tokens where Self.mayCut(token) {
            result += try pieces(of: token)
        }
        return result
    }

    /// Three or more characters, at least one of them Chinese (Latin words and numbers do not cut further).
    static func mayCut(_ token: String) -> Bool {
        token.utf8.count >= 7 && token.unicodeScalars.count >= 3 && token.unicodeScalars.contains { $0.value >= 0x2E80 }
    }

    /// The pieces of one token; empty when it does not cut into at least two.
    func pieces(of token: String) throws -> [String] {
        if let known = cache[token] { return known }
        let cut = try cutWithoutSelf(token)
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[token] = cut
        return cut
    }

    private func cutWithoutSelf(_ token: String) throws -> [String] {
        let text = ViewText(token, view: view)
        guard text.count >= 3 else { return [] }
        let whole = 0..<text.count
        let spans = try finder.candidates(in: text, paragraph: 0)
            .filter { $0.kind != .document && $0.range != whole }
            .map(\.range)
            .sorted { ($0.count, $1.lowerBound) > ($1.count, $0.lowerBound) }
        var chosen: [Range<Int>] = []
        for span in spans where !chosen.contains(where: { $0.overlaps(span) }) { chosen.append(span) }
        var pieces: [String] = []
        var position = 0
        for span in chosen.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            try appendWords(text, position..<span.lowerBound, to: &pieces)
            pieces.append(text.string(span))
            position = span.upperBound
        }
        try appendWords(text, position..<text.count, to: &pieces)
        return pieces.count >= 2 ? pieces : []
    }

    private func appendWords(_ text: ViewText, _ range: Range<Int>, to pieces: inout [String]) throws {
        guard !range.isEmpty else { return }
        for word in try breaker.words(text.string(range))
        where word.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
            pieces.append(String(word))
        }
    }
}
