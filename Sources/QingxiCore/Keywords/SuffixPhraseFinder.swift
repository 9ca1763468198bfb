/// Finds phrases that end in a policy suffix (…制, 制度, 机制, 体系, 工程, 攻坚战 …) and decides where each
/// begins. ICU word break runs only on a short window around each suffix (it is the slow part, 10–16 MB/s);
/// the rest is table lookups.
///
/// Left edge: the phrase takes the run of Han characters before the suffix (at most `maxStem`), cut after the
/// last stop word (a verb such as 推进/落实/健全, a function word, a time word) found by ICU word break; 的 also
/// cuts, except after 最… (最严格的水资源管理制度). So 健全取用水总量控制指标体系 gives 取用水总量控制指标体系.
/// Word break leaves unknown words in single characters, so a lone verb character among them does not cut
/// (竞价|出|让|制度), a lone place character cuts only after a name (清河|县, not 省|际), and no cut falls inside
/// a lexicon term (家电以旧换新实施办法). Units after digits go (18亿亩耕地红线政策 → 耕地红线政策).
/// Right edge: the suffix must end a word (no ICU word runs across it, and the next character is not one that
/// makes it a longer word: 工程师, 建设银行). A one-character suffix (制, 法) must be a word by itself, so
/// 控制 and 做法 are not policies; 法 also needs a law-like stem. A stem made only of generic words (重大制度,
/// 经济建设) is rejected; X建设 where X is a policy gives X.
final class SuffixPhraseFinder {
    static let maxStem = 16
    private let suffixes: ScalarTrie
    private let breaker: ICUWordBreaker
    private let most: UInt32 = "最".unicodeScalars.first!.value
    private let ordinal: UInt32 = "第".unicodeScalars.first!.value
    private let possessive: UInt32 = "的".unicodeScalars.first!.value
    private let lawSuffix: [UInt32] = ["法".unicodeScalars.first!.value]

    private let lexicon: ScalarTrie
    private let construction: Int
    /// The stop words, for `endsInStopWord` (no string built per check).
    private let stopWords: ScalarTrie

    /// `lexicon`: the lexicon's terms (so that 保障性安居工程建设 can give the named 保障性安居工程).
    init(lexicon: ScalarTrie, stopWords: ScalarTrie) throws {
        self.lexicon = lexicon
        self.stopWords = stopWords
        construction = PolicyVocabulary.suffixes.firstIndex { $0.0 == "建设" }!
        var trie = ScalarTrie()
        for (index, entry) in PolicyVocabulary.suffixes.enumerated() {
            trie.insert(entry.0.unicodeScalars.map(\.value), value: Int32(index))
        }
        suffixes = trie
        breaker = try ICUWordBreaker(locale: "zh")
    }

    /// The suffix phrases of `text`, in order; occurrences overlapping `excluded` ranges are skipped.
    func phrases(in text: ViewText, paragraph: Int, excluded: [Range<Int>]) throws -> [TermCandidate] {
        var found: [TermCandidate] = []
        try text.scalars.withUnsafeBufferPointer { s in
            var i = 0
            while i < s.count {
                guard suffixes.startsKey(s[i]), let match = suffixes.longestMatch(in: s, at: i, limit: s.count) else {
                    i += 1
                    continue
                }
                let suffix = i..<(i + match.length)
                if !excluded.contains(where: { $0.overlaps(suffix) }),
                   let candidate = try phrase(endingIn: suffix, entry: Int(match.value), s, text, paragraph) {
                    found.append(candidate)
                    i = suffix.upperBound
                } else {
                    i += 1
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
        let prior = PolicyVocabulary.suffixes[entry].1
        if let slogan = numberedSlogan(endingIn: suffix, prior, s, text, paragraph) { return slogan }
        var left = suffix.lowerBound
        while left > 0, suffix.lowerBound - left < Self.maxStem, ScalarClass.isHan(s[left - 1]) { left -= 1 }
        if left > 0, s[left - 1] == ScalarClass.closeQuote, suffix.lowerBound - left <= 4,
           !s[left..<suffix.lowerBound].contains(possessive) {
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
        let range = start..<suffix.upperBound, term = ViewText.string(s[range])
        return TermCandidate(term: term, kind: .phrase,
                             prior: endsInLexiconTerm(start..<suffix.lowerBound, s) ? max(prior, 0.75) : prior,
                             paragraph: paragraph, range: range, surface: text.surface(range, sameAs: term))
    }

    /// True when the stem ends in a lexicon term (二套房贷政策, 二套房贷 being known): the phrase names a
    /// policy about a known policy matter, not any 政策.
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

    /// 三大攻坚战, 十大工程, 八项规定: a numeral and a measure word right before the suffix make a slogan.
    private func numberedSlogan(endingIn suffix: Range<Int>, _ prior: Double, _ s: UnsafeBufferPointer<UInt32>,
                                _ text: ViewText, _ paragraph: Int) -> TermCandidate? {
        let start = suffix.lowerBound - 2
        guard start >= 0, ScalarClass.isChineseNumeral(s[start]),
              PolicyVocabulary.sloganMeasures.contains(s[start + 1]) else { return nil }
        if start > 0, s[start - 1] == ordinal || ScalarClass.isChineseNumeral(s[start - 1])
            || ScalarClass.isASCIIAlphanumeric(s[start - 1]) { return nil }
        let range = start..<suffix.upperBound, term = ViewText.string(s[range])
        return TermCandidate(term: term, kind: .slogan, prior: max(prior, 0.85),
                             paragraph: paragraph, range: range, surface: text.surface(range, sameAs: term))
    }

    /// Where the phrase starts (absolute scalar offset), or nil when the suffix does not end a word or the stem
    /// left after the cut is too short or generic. A stem cut off at its left (by the length limit, or by a
    /// digit: 2021年河长制) loses its first word, which may be a fragment (年).
    private func stemStart(_ tokens: [(range: Range<Int>, word: String)], suffix: Range<Int>, truncated: Bool,
                           _ s: UnsafeBufferPointer<UInt32>) -> Int? {
        guard tokens.contains(where: { $0.range.upperBound == suffix.upperBound }) else { return nil }
        if suffix.count == 1, !tokens.contains(where: { $0.range == suffix }) { return nil }
        let stem = tokens.filter { $0.range.upperBound <= suffix.lowerBound }
        guard !stem.isEmpty else { return nil }
        var start = truncated ? stem[0].range.upperBound : stem[0].range.lowerBound
        if stem[0].range.lowerBound > 0, ScalarClass.isASCIIAlphanumeric(s[stem[0].range.lowerBound - 1]) {
            while start < suffix.lowerBound, PolicyVocabulary.numberUnits.contains(s[start]) { start += 1 }
        }
        let named = lexiconTerms(stem[0].range.lowerBound..<suffix.lowerBound, s)
        for index in stem.indices where stem[index].range.lowerBound >= start {
            let end = stem[index].range.upperBound
            if named.contains(where: { $0.lowerBound < end && end < $0.upperBound }) { continue }
            if cutsAfter(index, stem, start: start) || endsInStopWord(end, stem[0].range.lowerBound, s) {
                start = end
            }
        }
        guard suffix.lowerBound - start >= 2 else { return nil }
        let kept = stem.filter { $0.range.lowerBound >= start }
        if kept.allSatisfy({ PolicyVocabulary.genericWords.contains($0.word) }) { return nil }
        if s[start..<suffix.lowerBound].allSatisfy(ScalarClass.isChineseNumeral) { return nil }
        if s[suffix].elementsEqual(lawSuffix) {
            guard PolicyVocabulary.lawStemEndings.contains(kept.last!.word) else { return nil }
            if kept.count > 1, kept[0].word == "中国" { start = kept[1].range.lowerBound }
        }
        return start
    }

    /// The lexicon terms in `range` (leftmost longest): a phrase is never cut inside one (家电以旧换新实施办法,
    /// although word break gives 家|电|以|旧|换|新 and 以 is a stop word).
    private func lexiconTerms(_ range: Range<Int>, _ s: UnsafeBufferPointer<UInt32>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if lexicon.startsKey(s[i]), let match = lexicon.longestMatch(in: s, at: i, limit: range.upperBound) {
                found.append(i..<(i + match.length))
                i += match.length
            } else {
                i += 1
            }
        }
        return found
    }

    /// True when the phrase cannot extend left across word `index`: a stop word (but not 严格 after 最), a
    /// word ending in 的 (but 最严格的 stays) or starting with 的/了, the end of a place name (清河|县, 该|县,
    /// but not 县|级 at the start), an organisation (发改委), a numeral with a counting measure word (一个, 三项).
    private func cutsAfter(_ index: Int, _ stem: [(range: Range<Int>, word: String)], start: Int) -> Bool {
        let word = stem[index].word, scalars = word.unicodeScalars
        if scalars.last == "的" {
            return !(index >= 2 && stem[index - 2].word == "最" && stem[index - 2].range.lowerBound == start)
        }
        if PolicyVocabulary.stopWords.contains(word) {
            if index > 0 && stem[index - 1].word == "最" { return false }
            // A lone verb character before another lone character, or right before the suffix, is part of a word
            // ICU does not know (竞价|出|让|制度).
            if PolicyVocabulary.weakSingleStops.contains(word),
               index + 1 == stem.count || stem[index + 1].word.unicodeScalars.count == 1 { return false }
            return true
        }
        if scalars.first == "的" || scalars.first == "了" { return true }
        if scalars.count == 1, PolicyVocabulary.placeEndings.contains(scalars.first!.value), index > 0 {
            if index + 1 < stem.count, let next = stem[index + 1].word.unicodeScalars.first,
               PolicyVocabulary.placeCompounds.contains(next.value) { return false }
            let previous = stem[index - 1].word
            return previous.unicodeScalars.count >= 2 || PolicyVocabulary.stopWords.contains(previous)
        }
        if PolicyVocabulary.functionEndings.contains(scalars.last!.value) { return true }
        if scalars.first == "不" || scalars.first == "没" { return !PolicyVocabulary.negatedNouns.contains(word) }
        if scalars.count >= 2, PolicyVocabulary.organisationEndings.contains(scalars.last!.value) { return true }
        if scalars.count == 2, ScalarClass.isChineseNumeral(scalars.first!.value),
           PolicyVocabulary.countingMeasures.contains(scalars.last!.value) { return true }
        return false
    }

    /// True when a stop word of two or more characters ends at word boundary `end`, even if ICU cut the text
    /// there differently (以旧换|新进行补贴, 了一|揽|子); `lower` is where the window starts.
    private func endsInStopWord(_ end: Int, _ lower: Int, _ s: UnsafeBufferPointer<UInt32>) -> Bool {
        for length in 2...4 where end - length >= lower {
            if stopWords.value(of: s[(end - length)..<end]) != nil {
                return !(end - length > 0 && s[end - length - 1] == most)
            }
        }
        return false
    }

    /// “十四五”规划 → 十四五规划, “四个全面”战略布局 → 四个全面战略布局: a quoted name before the suffix (and at
    /// most four more characters) is the stem.
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

    /// ICU words of `s[range]`, with absolute scalar ranges.
    private func words(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) throws -> [(range: Range<Int>, word: String)] {
        var result: [(Range<Int>, String)] = []
        var offset = range.lowerBound
        for word in try breaker.words(ViewText.string(s[range])) {
            let length = word.unicodeScalars.count
            result.append((offset..<(offset + length), String(word)))
            offset += length
        }
        return result
    }
}
