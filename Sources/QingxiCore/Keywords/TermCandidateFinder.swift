/// Finds every candidate policy term in one paragraph, working on characters above segmentation (a segmenter
/// splits 河长制 into 河|长|制 and never keeps a long policy name whole):
/// - document titles in 《》, except media names (a listed outlet, or a name ending in 报/网/频道/公众号 …)
///   and titles that are not documents (a film, a book): a document ends in 法/条例/办法/意见/方案/规划/通知 …
///   or opens with 关于/中华人民共和国; and names without 《》 of the form 关于…的意见/通知/决定;
/// - phrases ending in a policy suffix (`SuffixPhraseFinder`);
/// - numbered slogans and short quoted terms (“放管服”, “五位一体”);
/// - lexicon terms, by leftmost longest match.
/// Nothing is ranked or merged here: the same span may come out several times, by several routes.
final class TermCandidateFinder {
    let lexicon: PolicyLexicon
    private let phrases: SuffixPhraseFinder
    private let documentEndings: EdgeWordSet
    private let documentOpenings: EdgeWordSet
    private let outletEndings: EdgeWordSet
    let quoteVerbs: [[UInt32]]
    let quoteNouns: [[UInt32]]
    private let lexiconPriors: [Double]
    private let bareEndings: [[UInt32]]
    private let about: [UInt32] = "关于".unicodeScalars.map(\.value)
    private let possessive: UInt32 = "的".unicodeScalars.first!.value
    private let stopWords: ScalarTrie
    private let issuingOpenings: [[UInt32]] = ["现将", "特将", "今将", "现把"].map { $0.unicodeScalars.map(\.value) }
    private let issuingVerbs: [[UInt32]] = ["印发", "发给", "公布", "发布", "转发", "下发"].map { $0.unicodeScalars.map(\.value) }
    let phraseEndings = EdgeWordSet(PolicyVocabulary.suffixes.map(\.0), at: .end)
    let quotedDocumentEndings = EdgeWordSet(PolicyVocabulary.quotedDocumentEndings, at: .end)
    /// When set, `candidates(in:paragraph:)` records its results here, keyed by the view's scalars, so that a
    /// later reader of the same text (the index record builder's tokenizer, after the keyword stage has read
    /// the article) takes them instead of finding them again. Off unless a shared owner turns it on.
    private var recorded: [[UInt32]: [TermCandidate]]?

    init(lexicon: PolicyLexicon) throws {
        self.lexicon = lexicon
        stopWords = Self.stopWordTrie()
        phrases = try SuffixPhraseFinder(lexicon: lexicon.trie, stopWords: stopWords)
        let scalars = { (words: [String]) in words.map { $0.unicodeScalars.map(\.value) } }
        documentEndings = EdgeWordSet(PolicyVocabulary.documentEndings, at: .end)
        documentOpenings = EdgeWordSet(PolicyVocabulary.documentOpenings, at: .start)
        outletEndings = EdgeWordSet(PolicyVocabulary.outletEndings, at: .end)
        quoteVerbs = scalars(Array(PolicyVocabulary.quoteVerbs))
        quoteNouns = scalars(PolicyVocabulary.quoteNouns)
        lexiconPriors = Self.priors(lexicon)
        bareEndings = scalars(["指导意见", "实施意见", "若干意见", "意见", "通知", "决定", "决议", "规定", "办法", "批复",
                               "方案", "纲要", "细则", "条例", "规划", "公告", "通告", "答复"])
    }

    /// All candidates of one paragraph (its index in the article is `paragraph`).
    func candidates(in text: ViewText, paragraph: Int) throws -> [TermCandidate] {
        let found = try find(in: text, paragraph: paragraph)
        if recorded != nil { recorded![text.scalars] = found }
        return found
    }

    /// The candidates of `text` as recorded for the same scalars, else found now. Only their ranges and kinds
    /// are the text's own (a recorded candidate keeps the paragraph index it was found under).
    func recordedCandidates(in text: ViewText) throws -> [TermCandidate] {
        if let known = recorded?[text.scalars] { return known }
        return try unrecordedCandidates(in: text)
    }

    /// All candidates of `text`, never recorded (lookups inside tokens, `SubwordExpander`: nobody asks for them
    /// again, so recording them would only fill the table).
    func unrecordedCandidates(in text: ViewText) throws -> [TermCandidate] {
        try find(in: text, paragraph: 0)
    }

    /// Turns recording on (kept until `forgetRecorded()`) or off.
    func record(_ on: Bool) {
        recorded = on ? [:] : nil
    }

    /// Drops what was recorded (an article is done), keeping recording on if it was.
    func forgetRecorded() {
        if recorded != nil { recorded!.removeAll(keepingCapacity: true) }
    }

    private func find(in text: ViewText, paragraph: Int) throws -> [TermCandidate] {
        var found: [TermCandidate] = []
        var media: [Range<Int>] = []
        findTitles(text, paragraph, into: &found, media: &media)
        findBareDocuments(text, paragraph, into: &found)
        findQuoted(text, paragraph, into: &found, media: media)
        found += try phrases.phrases(in: text, paragraph: paragraph, excluded: media)
        findLexiconTerms(text, paragraph, into: &found, media: media)
        found += abbreviations(in: text, paragraph: paragraph, found: found)
        return found
    }

    private func findTitles(_ text: ViewText, _ paragraph: Int, into found: inout [TermCandidate],
                            media: inout [Range<Int>]) {
        let s = text.scalars
        var next = 0
        while let i = s[next...].firstIndex(of: ScalarClass.openTitle) {
            guard let close = closing(ScalarClass.closeTitle, in: s, after: i, within: 80) else {
                next = i + 1
                continue
            }
            let content = Array(s[(i + 1)..<close])
            let whole = i..<(close + 1)
            if isOutlet(content) {
                media.append(whole)
            } else if content.count >= 2, isDocument(content) {
                let term = text.string(whole)
                var document = TermCandidate(term: term, kind: .document, prior: 0.9,
                                             paragraph: paragraph, range: whole, surface: text.surface(whole, sameAs: term))
                document.subject = issues(s, before: i, after: close + 1)
                found.append(document)
            }
            next = close + 1
        }
    }

    /// True when the text around a title says that it issues the document (现将《…》印发给你们, 特将《…》予以公布).
    private func issues(_ s: [UInt32], before open: Int, after close: Int) -> Bool {
        let nearby = s[max(0, open - 8)..<open]
        guard issuingOpenings.contains(where: { opening in
            nearby.count >= opening.count && (0...(nearby.count - opening.count)).contains {
                nearby.dropFirst($0).starts(with: opening)
            }
        }) else { return false }
        let after = s[close..<min(s.count, close + 6)]
        return issuingVerbs.contains { verb in
            after.count >= verb.count && (0...(after.count - verb.count)).contains { after.dropFirst($0).starts(with: verb) }
        }
    }

    /// Document names written without 《》: 关于…的意见/通知/决定 … within one clause (财政部关于推进省直接管理县
    /// 财政改革的意见 → 关于推进省直接管理县财政改革的意见). Names inside a 《》 title are the title's.
    private func findBareDocuments(_ text: ViewText, _ paragraph: Int, into found: inout [TermCandidate]) {
        let s = text.scalars
        let titles = found.filter { $0.kind == .document }.map(\.range)
        var next = 0
        while let i = s[next...].firstIndex(of: about[0]) {
            next = i + 1
            guard i + 1 < s.count, s[i + 1] == about[1], !titles.contains(where: { $0.contains(i) }),
                  let end = bareDocumentEnd(s, from: i + 2) else { continue }
            let range = i..<end, term = text.string(range)
            found.append(TermCandidate(term: term, kind: .document, prior: 0.55, paragraph: paragraph, range: range,
                                       surface: text.surface(range, sameAs: term)))
            next = end
        }
    }

    /// The end of the first 的 + document word (的意见, 的通知 …) in the clause starting at `start`.
    private func bareDocumentEnd(_ s: [UInt32], from start: Int) -> Int? {
        var j = start + 2
        while j < min(s.count, start + 60), !Self.clauseEnds.contains(s[j]) {
            if s[j] == possessive, let ending = bareEndings.first(where: { s[(j + 1)...].starts(with: $0) }) {
                return j + 1 + ending.count
            }
            j += 1
        }
        return nil
    }

    private static let clauseEnds: Set<UInt32> = Set("，。；：！？《》\n ".unicodeScalars.map(\.value))

    private func findLexiconTerms(_ text: ViewText, _ paragraph: Int, into found: inout [TermCandidate],
                                  media: [Range<Int>]) {
        let trie = lexicon.trie
        guard trie.count > 0 else { return }
        text.scalars.withUnsafeBufferPointer { s in
            var i = trie.nextKeyStart(in: s, from: 0)
            while i < s.count {
                guard let match = trie.longestMatch(in: s, at: i, limit: s.count) else {
                    i = trie.nextKeyStart(in: s, from: i + 1)
                    continue
                }
                let whole = i..<(i + match.length)
                let (range, entry) = withoutLeadingVerb(whole, s, trie) ?? (whole, match.value)
                if media.isEmpty || !media.contains(where: { $0.overlaps(range) }) {
                    let slogan = ScalarClass.isChineseNumeral(s[range.lowerBound]) && NumberedSlogan.matches(s[range])
                    let term = text.string(range)
                    found.append(TermCandidate(term: term, kind: slogan ? .slogan : .lexicon,
                                               prior: slogan ? 0.85 : lexiconPriors[Int(entry)], paragraph: paragraph,
                                               range: range, surface: text.surface(range, sameAs: term)))
                }
                i = trie.nextKeyStart(in: s, from: whole.upperBound)
            }
        }
    }

    /// A lexicon entry that opens with a verb (全面推行河长制, 打赢蓝天保卫战, 深化供给侧结构性改革) is reported
    /// as the policy it acts on when the lexicon has that too (河长制), as people name policies by nouns.
    private func withoutLeadingVerb(_ match: Range<Int>, _ s: UnsafeBufferPointer<UInt32>,
                                    _ trie: ScalarTrie) -> (Range<Int>, Int32)? {
        guard stopWords.startsKey(s[match.lowerBound]) else { return nil }
        for cut in (match.lowerBound + 2)..<max(match.lowerBound + 2, min(match.lowerBound + 5, match.upperBound - 1)) {
            guard isVerbPrefix(s[match.lowerBound..<cut]), let entry = trie.value(of: s[cut..<match.upperBound]) else {
                continue
            }
            return (cut..<match.upperBound, entry)
        }
        return nil
    }

    /// A stop word, or two of them (全面+推行).
    private func isVerbPrefix(_ prefix: Slice<UnsafeBufferPointer<UInt32>>) -> Bool {
        if stopWords.value(of: prefix) != nil { return true }
        return (prefix.startIndex + 1..<prefix.endIndex).contains { split in
            stopWords.value(of: prefix[..<split]) != nil && stopWords.value(of: prefix[split...]) != nil
        }
    }

    /// Per lexicon entry: a term ending in a policy suffix (…制度, …机制) names a policy (0.85); one without
    /// (宏观调控, 环境执法) often names an activity or a field (`bareLexiconPrior`).
    /// A meeting, event or organisation (中央经济工作会议, 党的十九大, 上海合作组织, 进博会), and an entry of
    /// the `generic` category (a field of work, a market, a goal: 疫情防控, 住房租赁市场), is a name worth
    /// keeping whole, so that nothing inside it is taken for a term, but not a policy: 0, never reported.
    /// The prior of a lexicon term without a policy suffix: one mention in the body ranks it above a phrase
    /// with a weak suffix (政策, 工程) named once (on the tuning half, single lexicon mentions were labelled
    /// terms 22 times in 39, such phrases 7 in 29).
    static let bareLexiconPrior = 0.8
    /// The prior of a short term quoted in a policy context (推进“一网通办”).
    static let quotedPrior = 0.8

    private static func priors(_ lexicon: PolicyLexicon) -> [Double] {
        let endings = EdgeWordSet(PolicyVocabulary.suffixes.map(\.0) + PolicyVocabulary.documentEndings, at: .end)
        return zip(lexicon.keys, lexicon.entries).map { term, entry in
            if entry.category == PolicyLexicon.genericCategory || PolicyVocabulary.namesAnInstitution(term) { return 0 }
            return endings.matches(term) ? 0.85 : Self.bareLexiconPrior
        }
    }

    static func stopWordTrie() -> ScalarTrie {
        var trie = ScalarTrie()
        for word in PolicyVocabulary.stopWords { trie.insert(word.unicodeScalars.map(\.value), value: 0) }
        return trie
    }

    /// The index of `close` after `open`, at most `within` scalars on, with no second opener in between.
    func closing(_ close: UInt32, in s: [UInt32], after open: Int, within: Int) -> Int? {
        var j = open + 1
        while j < s.count, j - open <= within {
            if s[j] == close { return j }
            if s[j] == s[open] { return nil }
            j += 1
        }
        return nil
    }

    private func isOutlet(_ content: [UInt32]) -> Bool {
        if lexicon.outlets.contains(ViewText.string(content)) { return true }
        if isDocument(content) { return false }
        return outletEndings.matches(content)
    }

    /// A document title: ends in a document word (ignoring a trailing （试行） or （2021年修订）), or opens
    /// with 关于 / 中华人民共和国.
    private func isDocument(_ content: [UInt32]) -> Bool {
        var body = content[...]
        if let last = body.last, last == 0xFF09 || last == 0x29,
           let open = body.lastIndex(where: { $0 == 0xFF08 || $0 == 0x28 }), open > body.startIndex {
            body = body[..<open]
        }
        return documentEndings.matches(body) || documentOpenings.matches(body)
    }
}

extension Array where Element: Equatable {
    /// True when the array ends with `suffix`, compared from the last element back (where most candidates
    /// differ) by index: the lexicon's priors ask this of every term and every ending at start-up.
    func ends(with suffix: [Element]) -> Bool {
        guard count >= suffix.count else { return false }
        var i = count - 1, j = suffix.count - 1
        while j >= 0 {
            if self[i] != suffix[j] { return false }
            i -= 1
            j -= 1
        }
        return true
    }
}
