/// Quoted terms, quoted lists of names and quoted law names (see `findQuoted`).
extension TermCandidateFinder {
    /// Quoted terms: 2–12 Han characters (、 and · allowed inside) in “” or 「」, kept when shaped like a
    /// numbered slogan or quoted in a policy context — after a verb such as 推进/落实 or before a noun such as
    /// 改革/理念/政策 — since news quotes many things that are not policies (irony, speech, nicknames). Dates
    /// (“十一”) and repeated characters (“抖抖抖”) never are. A quoted name of up to 38 characters ending like
    /// a law or a regulation (「台南市人行道设置露天座管理办法」, “洗钱防制法”) is a document, as in 《》: news in
    /// Taiwan and Hong Kong quotes law names instead of using 《》.
    func findQuoted(_ text: ViewText, _ paragraph: Int, into found: inout [TermCandidate], media: [Range<Int>]) {
        let s = text.scalars
        var next = 0
        while let i = s[next...].firstIndex(where: { $0 == ScalarClass.openQuote || $0 == ScalarClass.openCorner }) {
            let close = s[i] == ScalarClass.openQuote ? ScalarClass.closeQuote : ScalarClass.closeCorner
            guard let end = closing(close, in: s, after: i, within: 40) else { next = i + 1; continue }
            let range = (i + 1)..<end
            if !media.contains(where: { $0.overlaps(range) }) {
                if let document = quotedDocument(range, text, paragraph) {
                    found.append(document)
                } else if range.count <= 13 {
                    found += quoted(range, text, paragraph)
                }
            }
            next = end + 1
        }
    }

    private func quoted(_ range: Range<Int>, _ text: ViewText, _ paragraph: Int) -> [TermCandidate] {
        let s = text.scalars, content = s[range]
        guard content.count >= 2, ScalarClass.isHan(content.first!), ScalarClass.isHan(content.last!),
              content.allSatisfy({ ScalarClass.isHan($0) || $0 == ScalarClass.enumerationComma || $0 == ScalarClass.middleDot })
        else { return [] }
        if content.allSatisfy({ $0 == content.first! }) { return [] } // “抖抖抖”
        if content.count <= 2, content.allSatisfy(ScalarClass.isChineseNumeral) { return [] } // a date: “十一”, “五一”
        let slogan = NumberedSlogan.matches(content.filter(ScalarClass.isHan))
        let context = inPolicyContext(s, before: range.lowerBound - 1, after: range.upperBound + 1)
        if !slogan, let items = listItems(range, s) {
            return items.filter { context || phraseEndings.matches(s[$0]) }.map { item in
                let term = text.string(item)
                return TermCandidate(term: term, kind: .quoted, prior: Self.quotedPrior, paragraph: paragraph, range: item,
                                     surface: text.surface(item, sameAs: term))
            }
        }
        guard slogan || context else { return [] }
        let term = text.string(range)
        return [TermCandidate(term: term, kind: slogan ? .slogan : .quoted, prior: slogan ? 0.85 : Self.quotedPrior,
                              paragraph: paragraph, range: range, surface: text.surface(range, sameAs: term))]
    }

    /// The items of a quoted list of names (“飞跃计划、满天星”): split at 、 when an item ends in a policy
    /// suffix, since each item is a name of its own. Parallel lines of a slogan (“外防输入、内防扩散”,
    /// “不敢腐、不能腐、不想腐”) end in no suffix and stay one term.
    private func listItems(_ range: Range<Int>, _ s: [UInt32]) -> [Range<Int>]? {
        guard s[range].contains(ScalarClass.enumerationComma) else { return nil }
        var items: [Range<Int>] = [], start = range.lowerBound
        for i in range where s[i] == ScalarClass.enumerationComma {
            items.append(start..<i)
            start = i + 1
        }
        items.append(start..<range.upperBound)
        guard items.contains(where: { phraseEndings.matches(s[$0]) }) else { return nil }
        return items.filter { $0.count >= 2 && s[$0].allSatisfy(ScalarClass.isHan) }
    }

    /// A quoted law or regulation name (see `findQuoted`): 4–38 characters of Han, digits and （）, no
    /// function character (“这是唯一的办法” is speech), ending in a word of `quotedDocumentEndings`.
    private func quotedDocument(_ range: Range<Int>, _ text: ViewText, _ paragraph: Int) -> TermCandidate? {
        let s = text.scalars, content = s[range]
        guard (4...38).contains(content.count), ScalarClass.isHan(content.first!),
              content.allSatisfy({ ScalarClass.isHan($0) || ScalarClass.isASCIIAlphanumeric($0) || $0 == 0xFF08 || $0 == 0xFF09 }),
              !content.contains(where: PolicyVocabulary.functionEndings.contains),
              quotedDocumentEndings.matches(content) else { return nil }
        let term = text.string(range)
        return TermCandidate(term: term, kind: .document, prior: 0.8, paragraph: paragraph, range: range,
                             surface: text.surface(range, sameAs: term))
    }

    /// True when the text before `before` ends in a policy verb or the text from `after` starts with a policy noun.
    private func inPolicyContext(_ s: [UInt32], before: Int, after: Int) -> Bool {
        if quoteVerbs.contains(where: { before >= $0.count && s[(before - $0.count)..<before].elementsEqual($0) }) {
            return true
        }
        return quoteNouns.contains(where: { after + $0.count <= s.count && s[after..<(after + $0.count)].elementsEqual($0) })
    }
}
