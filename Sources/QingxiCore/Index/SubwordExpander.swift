/// The words inside a long token: what a search for part of a policy term must still find. `SearchTokenizer`
/// keeps policy terms whole (乡村振兴战略, 森林资源监测体系 are one token each), so a search for 乡村振兴,
/// 振兴战略 or 森林资源 would miss them. For each token of three or more
/// characters (one of them Chinese) the subwords are:
/// 1. its ICU words, in order (乡村 振兴 战略: a phrase query over plain words still finds adjacent words);
/// 2. then the policy terms strictly inside it: lexicon terms (the longest one starting at each character)
///    and suffix phrases or slogans the term finder sees inside (乡村振兴 in 乡村振兴战略, 河长制 in 河长制工作要点).
/// A token ICU keeps as one word and that holds no term inside (共和国) has no subwords.
///
/// The SQLite index keeps these in a column of their own, so the token stream of the main column, and with it
/// phrase search across neighbouring words, stays as `SearchTokenizer` made it. Results are cached per token
/// (tokens repeat across an archive); not thread-safe.
final class SubwordExpander {
    private let finder: TermCandidateFinder
    private let breaker: DictionaryWordBreaker
    private let lexicon: PolicyLexicon
    private var cache: [String: [String]] = [:]
    static let cacheLimit = 200_000

    init(lexicon: PolicyLexicon, finder: TermCandidateFinder) throws {
        self.finder = finder
        breaker = try DictionaryWordBreaker()
        self.lexicon = lexicon
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

    /// The subwords of one token (empty when it has none).
    func pieces(of token: String) throws -> [String] {
        if let known = cache[token] { return known }
        let cut = try cutWithoutSelf(token)
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[token] = cut
        return cut
    }

    private func cutWithoutSelf(_ token: String) throws -> [String] {
        let text = ViewText(token, view: .widthFoldingOnly)
        guard text.count >= 3 else { return [] }
        let words = try breaker.words(of: token)
        var seen = Set(words)
        seen.insert(token)
        var inner: [String] = []
        for range in try innerTermRanges(text) {
            let term = text.string(range)
            if seen.insert(term).inserted { inner.append(term) }
        }
        return words.count < 2 && inner.isEmpty ? [] : words + inner
    }

    /// Ranges of policy terms strictly inside the token, in order of their start.
    private func innerTermRanges(_ text: ViewText) throws -> [Range<Int>] {
        let whole = 0..<text.count
        var ranges = try finder.unrecordedCandidates(in: text)
            .filter { $0.kind != .document && $0.range != whole && $0.range.count >= 2 }
            .map(\.range)
        text.scalars.withUnsafeBufferPointer { s in
            for start in 0..<(s.count - 1) where lexicon.trie.startsKey(s[start]) {
                let limit = start == 0 ? s.count - 1 : s.count
                if let match = lexicon.trie.longestMatch(in: s, at: start, limit: limit), match.length >= 2 {
                    ranges.append(start..<(start + match.length))
                }
            }
        }
        return ranges.sorted { ($0.lowerBound, $1.count) < ($1.lowerBound, $0.count) }
    }
}
