/// Finds phrases that end in a policy suffix (…制, 制度, 机制, 体系, 工程, 攻坚战 …) and decides where each
/// begins. ICU's word segmentation (`DictionaryWordBreaker`: ICU's dictionary and rule, the same words) runs
/// only on a short window around each suffix; the rest is table lookups.
///
/// Left edge: the phrase takes the run of Han characters before the suffix (at most `maxStem`) and starts
/// after the last stop word found by ICU word break, never inside a word (`PhraseLeftEdge`). So
/// 健全取用水总量控制指标体系 gives 取用水总量控制指标体系 and 2023年度林长制 gives 林长制.
/// Right edge: the suffix must end a word (no ICU word runs across it, and the next character is not one that
/// makes it a longer word: 工程师, 建设银行). A one-character suffix (制, 法) must be a word by itself, so
/// 控制 and 做法 are not policies; 法 also needs a law-like stem. A stem made only of generic words (重大制度,
/// 经济建设), or ending in an ordinary compound (…解决方案, …促销活动, …装修工程), is rejected; X建设 where X is
/// a policy gives X.
final class SuffixPhraseFinder {
    static let maxStem = 16
    private let suffixes: ScalarTrie
    private let breaker: DictionaryWordBreaker
    private let ordinal: UInt32 = "第".unicodeScalars.first!.value
    private let lawSuffix: [UInt32] = ["法".unicodeScalars.first!.value]

    private let lexicon: ScalarTrie
    private let construction: Int
    /// Entries of `PolicyVocabulary.regionalSuffixes` in `PolicyVocabulary.suffixes`.
    private let regional: Set<Int>
    private let leftEdge: PhraseLeftEdge
    /// `PolicyVocabulary`'s word sets as tries, read on the window's scalars: a `Set<String>` lookup hashes a
    /// normalised string (about 1,500 instructions for a short Han word), and a word list is read per phrase.
    private let genericWords = ScalarTrie(words: PolicyVocabulary.genericWords)
    private let ordinaryCompounds = ScalarTrie(words: PolicyVocabulary.ordinaryCompounds)
    private let lawStemEndings = ScalarTrie(words: PolicyVocabulary.lawStemEndings)
    /// Words after a short law name that show it is one (劳基法修法, 选罢法修正案, 证券法第十七条): an
    /// abbreviation (劳基法, 空污法) has no law-like last word of its own.
    private let lawContext = ScalarTrie(words: PolicyVocabulary.lawContextWords)

    /// `lexicon`: the lexicon's terms (so that 保障性安居工程建设 can give the named 保障性安居工程).
    init(lexicon: ScalarTrie, stopWords: ScalarTrie) throws {
        self.lexicon = lexicon
        leftEdge = PhraseLeftEdge(lexicon: lexicon, stopWords: stopWords)
        construction = PolicyVocabulary.suffixes.firstIndex { $0.0 == "建设" }!
        regional = Set(PolicyVocabulary.suffixes.indices.filter { PolicyVocabulary.regionalSuffixes.contains(PolicyVocabulary.suffixes[$0].0) })
        var trie = ScalarTrie()
        for (index, entry) in PolicyVocabulary.suffixes.enumerated() {
            trie.insert(entry.0.unicodeScalars.map(\.value), value: Int32(index))
        }
        suffixes = trie
        breaker = try DictionaryWordBreaker()
    }

    /// The suffix phrases of `text`, in order; occurrences overlapping `excluded` ranges are skipped.
    func phrases(in text: ViewText, paragraph: Int, excluded: [Range<Int>]) throws -> [TermCandidate] {
        var found: [TermCandidate] = []
        try text.scalars.withUnsafeBufferPointer { s in
            var i = suffixes.nextKeyStart(in: s, from: 0)
            while i < s.count {
                guard let match = suffixes.longestMatch(in: s, at: i, limit: s.count) else {
                    i = suffixes.nextKeyStart(in: s, from: i + 1)
                    continue
                }
                let suffix = i..<(i + match.length)
                if !excluded.contains(where: { $0.overlaps(suffix) }),
                   let candidate = try phrase(endingIn: suffix, entry: Int(match.value), s, text, paragraph) {
                    found.append(candidate)
                    i = suffixes.nextKeyStart(in: s, from: suffix.upperBound)
                } else {
                    i = suffixes.nextKeyStart(in: s, from: i + 1)
                }
            }
        }
        return found
    }

    private func phrase(endingIn suffix: Range<Int>, entry: Int, _ s: UnsafeBufferPointer<UInt32>,
                        _ text: ViewText, _ paragraph: Int) throws -> TermCandidate? {
        if suffix.upperBound < s.count, PolicyVocabulary.continuationCharacters.contains(s[suffix.upperBound]) {
            return nil
        }
        if suffix.count == 1, suffix.lowerBound > 0,
           PolicyVocabulary.wordsEndingLikeSuffixes.contains(UInt64(s[suffix.lowerBound - 1]) << 32 | UInt64(s[suffix.lowerBound])) {
            return nil
        }
        let prior = PolicyVocabulary.suffixes[entry].1
        if let slogan = numberedSlogan(endingIn: suffix, prior, s, text, paragraph) { return slogan }
        var left = suffix.lowerBound
        while left > 0, suffix.lowerBound - left < Self.maxStem, ScalarClass.isHan(s[left - 1]) { left -= 1 }
        if left > 0, s[left - 1] == ScalarClass.closeQuote, suffix.lowerBound - left <= 4,
           suffix.count > 1 || left == suffix.lowerBound, !leftEdge.containsStopWord(left..<suffix.lowerBound, s) {
            return quotedStemPhrase(left..<suffix.upperBound, prior, s, text, paragraph)
        }
        guard suffix.lowerBound - left >= 2 else { return nil }
        let truncated = left > 0 && ScalarClass.isHan(s[left - 1])
        var right = suffix.upperBound
        while right < s.count, right - suffix.upperBound < 2, ScalarClass.isHan(s[right]) { right += 1 }
        let tokens = try words(s, left..<right)
        guard let start = stemStart(tokens, suffix: suffix, truncated: truncated, s) else { return nil }
        if entry == construction, let named = namedObject(start..<suffix.lowerBound, s, text, paragraph) {
            return named
        }
        if regional.contains(entry), !namesRegion(start..<suffix.lowerBound, s) { return nil }
        let range = start..<suffix.upperBound, term = ViewText.string(s[range])
        return TermCandidate(term: term, kind: .phrase, prior: stemPrior(entry, start..<suffix.lowerBound, s),
                             paragraph: paragraph, range: range, surface: text.surface(range, sameAs: term))
    }

    /// A region's name (`PolicyVocabulary.regions`) or a place ending in 省/市/县 … (see `regionalSuffixes`).
    private func namesRegion(_ stem: Range<Int>, _ s: UnsafeBufferPointer<UInt32>) -> Bool {
        if PolicyVocabulary.placeEndings.contains(s[stem.upperBound - 1]) { return stem.count <= 6 }
        return PolicyVocabulary.regions.contains(ViewText.string(s[stem]))
    }

    /// The suffix's prior, raised when the stem ends in a lexicon term (二套房贷政策, 二套房贷 being known: a
    /// policy about a known policy matter, not any 政策), lowered when a stem of one or two characters meets a
    /// suffix weaker than 制度 (土地规划, 财政改革, 竞争机制, 提取办法 name a field or an activity more often than
    /// a policy; 环评制度 stands, and so does a zone named by its place: 山东自贸区).
    private func stemPrior(_ entry: Int, _ stem: Range<Int>, _ s: UnsafeBufferPointer<UInt32>) -> Double {
        let (suffix, prior) = PolicyVocabulary.suffixes[entry]
        if endsInLexiconTerm(stem, s) { return max(prior, 0.75) }
        let weak = prior < 0.8 && !PolicyVocabulary.zoneSuffixes.contains(suffix)
        return stem.count <= 2 && weak ? prior * Self.shortStemFactor : prior
    }
    static let shortStemFactor = 0.6

    private func endsInLexiconTerm(_ stem: Range<Int>, _ s: UnsafeBufferPointer<UInt32>) -> Bool {
        stem.dropLast().contains { lexicon.value(of: s[$0..<stem.upperBound]) != nil }
    }

    /// X建设 where X is itself a policy (a lexicon term, or a phrase ending in a suffix: 保障性安居工程建设,
    /// 国家治理体系建设, 一带一路建设): the policy is X; 建设 only says that it is being built.
    private func namedObject(_ stem: Range<Int>, _ s: UnsafeBufferPointer<UInt32>, _ text: ViewText,
                             _ paragraph: Int) -> TermCandidate? {
        let term = ViewText.string(s[stem])
        if lexicon.value(of: s[stem]) != nil {
            return TermCandidate(term: term, kind: .lexicon, prior: 0.8, paragraph: paragraph, range: stem,
                                 surface: text.surface(stem, sameAs: term))
        }
        for length in 2...3 where stem.count > length + 1 {
            if let inner = suffixes.value(of: s[(stem.upperBound - length)..<stem.upperBound]), Int(inner) != construction {
                return TermCandidate(term: term, kind: .phrase, prior: PolicyVocabulary.suffixes[Int(inner)].1,
                                     paragraph: paragraph, range: stem, surface: text.surface(stem, sameAs: term))
            }
        }
        return nil
    }

    /// 三大攻坚战, 十大工程, 三项制度: a numeral and a measure word right before the suffix make a slogan; with a
    /// counting measure (项, 个, 种) only before a strong suffix (制度, 机制), since 两种方案 only counts.
    private func numberedSlogan(endingIn suffix: Range<Int>, _ prior: Double, _ s: UnsafeBufferPointer<UInt32>,
                                _ text: ViewText, _ paragraph: Int) -> TermCandidate? {
        let start = suffix.lowerBound - 2
        guard start >= 0, ScalarClass.isChineseNumeral(s[start]),
              PolicyVocabulary.sloganMeasures.contains(s[start + 1]) else { return nil }
        if PolicyVocabulary.countingMeasures.contains(s[start + 1]), prior < 0.75 { return nil }
        if start > 0, s[start - 1] == ordinal || ScalarClass.isChineseNumeral(s[start - 1])
            || ScalarClass.isASCIIAlphanumeric(s[start - 1]) { return nil }
        let range = start..<suffix.upperBound, term = ViewText.string(s[range])
        return TermCandidate(term: term, kind: .slogan, prior: max(prior, 0.85),
                             paragraph: paragraph, range: range, surface: text.surface(range, sameAs: term))
    }

    /// Where the phrase starts (absolute scalar offset), or nil when the suffix does not end a word or the stem
    /// left after the cut (`PhraseLeftEdge`) is too short or generic.
    private func stemStart(_ tokens: [WindowWord], suffix: Range<Int>, truncated: Bool,
                           _ s: UnsafeBufferPointer<UInt32>) -> Int? {
        guard tokens.contains(where: { $0.range.upperBound == suffix.upperBound }) else { return nil }
        if suffix.count == 1, !tokens.contains(where: { $0.range == suffix }) { return nil }
        let stem = tokens.filter { $0.range.upperBound <= suffix.lowerBound }
        guard !stem.isEmpty, var start = leftEdge.start(of: stem, suffix: suffix, truncated: truncated, s),
              suffix.lowerBound - start >= 2 else { return nil }
        let kept = stem.filter { $0.range.lowerBound >= start }
        if kept.allSatisfy({ genericWords.value(of: s[$0.range]) != nil }) { return nil }
        if ordinaryCompounds.value(of: Array(s[kept.last!.range]) + s[suffix]) != nil { return nil }
        if s[start..<suffix.lowerBound].allSatisfy(ScalarClass.isChineseNumeral) { return nil }
        if s[suffix].elementsEqual(lawSuffix) {
            guard lawStemEndings.value(of: s[kept.last!.range]) != nil
                    || (suffix.lowerBound - start <= 4
                        && lawContext.longestMatch(in: s, at: suffix.upperBound, limit: s.count) != nil) else { return nil }
            if kept.count > 1, kept[0].string(in: s) == "中国" { start = kept[1].range.lowerBound }
        }
        return start
    }

    /// “十四五”规划 → 十四五规划, “四个全面”战略布局 → 四个全面战略布局: a quoted name before the suffix (and at
    /// most four more characters, with no stop word among them: not “以旧换新”进行补贴, nor “刑天兽”更是法力) is the
    /// stem; before a one-character suffix the quote must close right before it (“河长”制).
    private func quotedStemPhrase(_ tail: Range<Int>, _ prior: Double, _ s: UnsafeBufferPointer<UInt32>,
                                  _ text: ViewText, _ paragraph: Int) -> TermCandidate? {
        let close = tail.lowerBound - 1
        var open = close - 1
        while open >= 0, close - open <= 13, s[open] != ScalarClass.openQuote {
            guard ScalarClass.isHan(s[open]) || ScalarClass.isASCIIAlphanumeric(s[open]) else { return nil }
            open -= 1
        }
        guard open >= 0, s[open] == ScalarClass.openQuote, close - open - 1 >= 2 else { return nil }
        let name = s[(open + 1)..<close]
        let term = ViewText.string(name) + ViewText.string(s[tail])
        let range = open..<tail.upperBound
        let kind: TermKind = NumberedSlogan.matches(name) ? .slogan : .phrase
        return TermCandidate(term: term, kind: kind, prior: kind == .slogan ? max(prior, 0.85) : prior,
                             paragraph: paragraph, range: range, surface: text.surface(range))
    }

    /// ICU's words of `s[range]` (`DictionaryWordBreaker`, every piece: punctuation too), with absolute scalar
    /// ranges.
    private func words(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) throws -> [WindowWord] {
        var result: [WindowWord] = []
        result.reserveCapacity(range.count)  // at most a word per scalar; grown one by one, 3 copies a window
        let window = UnsafeBufferPointer(rebasing: s[range])
        try breaker.forEachPiece(of: window, skippingRunsWithoutWords: false) { piece in
            let word = (range.lowerBound + piece.lowerBound)..<(range.lowerBound + piece.upperBound)
            result.append(WindowWord(range: word))
        }
        return result
    }
}
