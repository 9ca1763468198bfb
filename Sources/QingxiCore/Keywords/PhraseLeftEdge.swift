/// One ICU word of a window: its absolute scalar range. The few rules that read a word as a string make it
/// then (`string(in:)`), not for every word of every window.
struct WindowWord {
    let range: Range<Int>

    func string(in s: UnsafeBufferPointer<UInt32>) -> String { ViewText.string(s[range]) }
}

/// Decides where a suffix phrase begins, given the ICU words of the window before its suffix.
///
/// The phrase starts after the last stop word (a verb such as 推进/落实/健全, a function word, a time word,
/// an ordinal, a counting word), and its first character is always where ICU starts a word: never inside a
/// word ICU keeps whole (2023年度林长制 gives 林长制, not 度林长制). Word break leaves words it does not know in
/// single characters, so a lone stop character is read with its neighbours:
/// - a counting character (家, 项, 多, 年 …) cuts only after a numeral or a demonstrative (三|项 cuts;
///   关于|家|电|产品 and 多|渠道 do not: 家电, 多渠道 are words);
/// - a lone verb character among lone characters is part of an unknown word (竞价|出|让|制度), but after a
///   word and right before the suffix it is a verb (想|办法, 做|工程);
/// - after a cut at a lone stop character other than a particle (的, 和 …), the phrase does not open with the
///   lone character after it (对|华|强硬 gives 强硬…): the two may make a word ICU does not know, unless a
///   lexicon term or a one-character modifier (新|拆迁|条例, 省|直接|管理) starts there.
/// A lone character that only ends words (市(地)|级, 省|份) does not open a phrase. No cut falls inside a
/// lexicon term (家电以旧换新实施办法), and two lexicon terms side by side are two terms (河长制|林长制).
struct PhraseLeftEdge {
    let lexicon: ScalarTrie
    let stopWords: ScalarTrie
    private let most: UInt32 = "最".unicodeScalars.first!.value
    private let ordinal: UInt32 = "第".unicodeScalars.first!.value
    private let possessive: UInt32 = "的".unicodeScalars.first!.value
    private let perfective: UInt32 = "了".unicodeScalars.first!.value
    private let negation: UInt32 = "不".unicodeScalars.first!.value
    private let without: UInt32 = "没".unicodeScalars.first!.value
    private let copula: UInt32 = "是".unicodeScalars.first!.value

    /// Where the phrase starts (absolute scalar offset) in `stem`, the window's words before the suffix, or
    /// nil when no word is left. A stem cut off at its left (by the length limit) loses its first word, which
    /// may be a fragment; a stem right after digits loses its leading unit words (18亿亩, 2023年度).
    func start(of stem: [WindowWord], suffix: Range<Int>, truncated: Bool, _ s: UnsafeBufferPointer<UInt32>) -> Int? {
        var first = truncated ? 1 : 0
        let before = stem[0].range.lowerBound > 0 ? s[stem[0].range.lowerBound - 1] : 0
        if ScalarClass.isASCIIAlphanumeric(before) {
            while first < stem.count, isUnitWord(stem[first], s),
                  first == (truncated ? 1 : 0) || endsInMagnitude(stem[first - 1], s) { first += 1 }
            if first > 0, first < stem.count, stem[first].range.count == 1,
               PolicyVocabulary.timeUnitTails.contains(s[stem[first].range.lowerBound]) { first += 1 }
        }
        guard first < stem.count else { return nil }
        var start = stem[first].range.lowerBound
        var cutAtLoneStop = first == 0 && endsListOfCharacters(stem[0].range.lowerBound, s)
        let named = lexiconTerms(stem[0].range.lowerBound..<suffix.lowerBound, s)
        for index in stem.indices where index >= first && stem[index].range.lowerBound >= start {
            let end = stem[index].range.upperBound
            if named.contains(where: { $0.lowerBound < end && end < $0.upperBound }) { continue }
            if cutsAfter(index, stem, start: start, s) {
                start = end
                cutAtLoneStop = stem[index].range.count == 1 && isStopWord(stem[index].range, s)
            } else if endsInStopWord(end, stem[0].range.lowerBound, s) {
                start = end
                cutAtLoneStop = false
            }
        }
        if cutAtLoneStop { start = pastLoneCharacter(from: start, stem, named: named, s) }
        if let first = named.first(where: { $0.lowerBound == start }), first.upperBound < suffix.lowerBound,
           lexicon.value(of: s[first.upperBound..<suffix.upperBound]) != nil {
            start = first.upperBound // 河长制|林长制: two terms side by side are two terms
        }
        if let opening = stem.first(where: { $0.range.lowerBound == start }), opening.range.count == 1,
           PolicyVocabulary.nonInitialCharacters.contains(s[start]) {
            start = opening.range.upperBound
        }
        return start
    }

    /// After a cut at a lone stop character: the phrase does not open with the lone character after it, which
    /// may make a word with it (对华, 以债), unless a lexicon term starts there or it is a one-character
    /// modifier before a longer word (新|拆迁|条例).
    private func pastLoneCharacter(from start: Int, _ stem: [WindowWord], named: [Range<Int>],
                                   _ s: UnsafeBufferPointer<UInt32>) -> Int {
        guard let index = stem.firstIndex(where: { $0.range.lowerBound == start }),
              index == 0 || !PolicyVocabulary.particles.contains(s[stem[index - 1].range.lowerBound]) else { return start }
        if stem[index].range.count > 1 || named.contains(where: { $0.lowerBound == start }) { return start }
        if PolicyVocabulary.leadingModifiers.contains(s[start]), index + 1 < stem.count,
           stem[index + 1].range.count > 1 { return start }
        return stem[index].range.upperBound
    }

    /// True when the window at `lower` follows a list of one-character items (假、赌、黑|治理行动): its first
    /// character is likely the list's last item, sharing the head, not the start of a name.
    private func endsListOfCharacters(_ lower: Int, _ s: UnsafeBufferPointer<UInt32>) -> Bool {
        lower >= 2 && s[lower - 1] == ScalarClass.enumerationComma && ScalarClass.isHan(s[lower - 2])
            && (lower == 2 || !ScalarClass.isHan(s[lower - 3]))
    }

    /// A word that belongs to the number before it: it opens with a unit or counting character (亿亩, 年度,
    /// 万元, 起, 份) or is a currency or measure word (美元, 公里, 季度).
    private func isUnitWord(_ word: WindowWord, _ s: UnsafeBufferPointer<UInt32>) -> Bool {
        let first = s[word.range.lowerBound]
        return PolicyVocabulary.numberUnits.contains(first) || PolicyVocabulary.countingCharacters.contains(first)
            || PolicyVocabulary.unitWords.contains(word.string(in: s))
    }

    /// 亿, 三千万: a unit may follow (18亿亩, 3万元), where after 年 none does (2008年|家电).
    private func endsInMagnitude(_ word: WindowWord, _ s: UnsafeBufferPointer<UInt32>) -> Bool {
        "十百千万亿".unicodeScalars.contains { $0.value == s[word.range.upperBound - 1] }
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
    /// word ending in 的 (but 最严格的 stays) or starting with 的/了/是, the end of a place name (清河|县, 该|县,
    /// but not 县|级 at the start), an organisation (发改委, 商务|部, 国务院), an ordinal (第三), a numeral with
    /// a counting measure word (一个, 三项), a demonstrative with one (某次, 这批), a measure after an ordinal
    /// (第三|方). Works on the scalars of `s`: comparing Chinese Strings costs a normalisation check.
    private func cutsAfter(_ index: Int, _ stem: [WindowWord], start: Int, _ s: UnsafeBufferPointer<UInt32>) -> Bool {
        let range = stem[index].range, first = s[range.lowerBound], last = s[range.upperBound - 1]
        let previous = index > 0 ? stem[index - 1].range : nil
        if last == possessive {
            return !(index >= 2 && isCharacter(stem[index - 2].range, most, s) && stem[index - 2].range.lowerBound == start)
        }
        if range.count == 1, PolicyVocabulary.countingCharacters.contains(first) {
            return previous.map { isQuantity($0, s) } ?? false
        }
        if isStopWord(range, s) {
            if let previous, isCharacter(previous, most, s) { return false }
            // A lone verb character before another lone character, or right before the suffix after one, is part
            // of a word ICU does not know (竞价|出|让|制度); after a word, before the suffix, it is a verb (想|办法).
            if range.count == 1, PolicyVocabulary.weakSingleStops.contains(first) {
                if index + 1 < stem.count { return stem[index + 1].range.count > 1 }
                return (previous?.count ?? 2) > 1
            }
            return true
        }
        if first == possessive || first == perfective || first == copula { return true }
        if range.count == 1, PolicyVocabulary.placeEndings.contains(first), let previous {
            if index + 1 < stem.count, PolicyVocabulary.placeCompounds.contains(s[stem[index + 1].range.lowerBound]) {
                return false
            }
            return previous.count >= 2 || isStopWord(previous, s)
        }
        if PolicyVocabulary.functionEndings.contains(last) { return true }
        if first == negation || first == without { return !PolicyVocabulary.negatedNouns.contains(stem[index].string(in: s)) }
        if range.count >= 2, PolicyVocabulary.organisationEndings.contains(last) { return true }
        if PolicyVocabulary.ministryEndings.contains(last), range.count >= 3 || (range.count == 1 && (previous?.count ?? 0) >= 2) {
            return true
        }
        if isOrdinal(range, s) { return true }
        if let previous, (previous.count == 1 && s[previous.lowerBound] == ordinal && isQuantity(range, s))
            || (range.count == 1 && isOrdinal(previous, s)) { return true }
        return range.count == 2 && PolicyVocabulary.countingMeasures.contains(last)
            && isQuantity(range.lowerBound..<(range.lowerBound + 1), s)
    }

    /// A stop word, or a word of two function characters that word break kept whole (又有, 并与, 都没).
    private func isStopWord(_ range: Range<Int>, _ s: UnsafeBufferPointer<UInt32>) -> Bool {
        if stopWords.value(of: s[range]) != nil { return true }
        return range.count == 2 && PolicyVocabulary.functionCharacters.contains(s[range.lowerBound])
            && PolicyVocabulary.functionCharacters.contains(s[range.lowerBound + 1])
    }

    private func isCharacter(_ range: Range<Int>, _ c: UInt32, _ s: UnsafeBufferPointer<UInt32>) -> Bool {
        range.count == 1 && s[range.lowerBound] == c
    }

    /// 第三, 第十一: 第 and numerals.
    private func isOrdinal(_ range: Range<Int>, _ s: UnsafeBufferPointer<UInt32>) -> Bool {
        range.count >= 2 && s[range.lowerBound] == ordinal
            && s[(range.lowerBound + 1)..<range.upperBound].allSatisfy { ScalarClass.isChineseNumeral($0) || ScalarClass.isASCIIAlphanumeric($0) }
    }

    /// A word that counts: numerals (三, 十一, 2023), an approximate amount (多, 几, 余), or a demonstrative
    /// (这, 每, 各, 该, 某).
    private func isQuantity(_ range: Range<Int>, _ s: UnsafeBufferPointer<UInt32>) -> Bool {
        if range.count == 1, PolicyVocabulary.demonstratives.contains(s[range.lowerBound]) { return true }
        return s[range].allSatisfy {
            ScalarClass.isChineseNumeral($0) || ScalarClass.isASCIIAlphanumeric($0) || PolicyVocabulary.approximateNumerals.contains($0)
        }
    }

    /// True when `range` holds a function character (的, 是, 在 …) or a stop word of two or more characters, or
    /// opens with a particle (和).
    func containsStopWord(_ range: Range<Int>, _ s: UnsafeBufferPointer<UInt32>) -> Bool {
        guard !range.isEmpty else { return false }
        if PolicyVocabulary.particles.contains(s[range.lowerBound])
            || s[range].contains(where: PolicyVocabulary.functionEndings.contains) { return true }
        return range.contains { i in
            (2...4).contains { i + $0 <= range.upperBound && stopWords.value(of: s[i..<(i + $0)]) != nil }
        }
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
}
