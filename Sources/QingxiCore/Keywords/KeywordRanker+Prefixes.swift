extension KeywordRanker {
    /// A phrase that is another term of the article plus a one- or two-character prefix which does not
    /// narrow it (度林长制 beside 林长制, 宣布退休制度改革 beside 退休制度改革) is an occurrence of that term: the
    /// prefix is a piece of the word before it, or a verb or adverb the left edge did not know. A prefix that
    /// is a modifier stays (新拆迁条例, 总河长制, 二套房贷政策, 国家安居工程, 质量信用体系): one character from
    /// `PolicyVocabulary.leadingModifiers` or a numeral, or two characters that are not a stop word.
    static func withoutLoosePrefixes(_ candidates: [TermCandidate]) -> [TermCandidate] {
        let keys = candidates.map { $0.kind == .document || $0.kind == .quoted ? nil : TermKey($0.term) }
        let named = Set(keys.lazy.compactMap { $0 })
        guard named.count > 1 else { return candidates }
        var prefixes: [TermKey: Int] = [:]
        return candidates.indices.map { index in
            let candidate = candidates[index]
            guard candidate.kind == .phrase, let key = keys[index] else { return candidate }
            let length = prefixes[key] ?? {
                let found = loosePrefixLength(candidate.term, named) ?? 0
                prefixes[key] = found
                return found
            }()
            guard length > 0 else { return candidate }
            var trimmed = candidate
            trimmed.term = String(candidate.term.unicodeScalars.dropFirst(length))
            trimmed.range = (candidate.range.lowerBound + length)..<candidate.range.upperBound
            let surface = candidate.surface.unicodeScalars
            if surface.count == candidate.term.unicodeScalars.count {
                trimmed.surface = String(surface.dropFirst(length))
            }
            return trimmed
        }
    }

    /// The length of `term`'s loose prefix when the rest is a term in `named`.
    /// Works on slices of the term's scalars: a `String` made from a slice of a `String` is copied without
    /// being decoded and validated again.
    private static func loosePrefixLength(_ term: String, _ named: Set<TermKey>) -> Int? {
        let scalars = term.unicodeScalars
        var restStart = scalars.startIndex
        for length in 1...2 {
            restStart = scalars.index(after: restStart)
            guard scalars[restStart...].count >= 2 else { return nil }
            guard named.contains(TermKey(String(scalars[restStart...]))) else { continue }
            let prefix = scalars[..<restStart]
            if length == 1 {
                let c = prefix.first!.value
                if PolicyVocabulary.leadingModifiers.contains(c) || ScalarClass.isChineseNumeral(c) { return nil }
            } else if !PolicyVocabulary.stopWords.contains(String(prefix)) {
                return nil
            }
            return length
        }
        return nil
    }
}
