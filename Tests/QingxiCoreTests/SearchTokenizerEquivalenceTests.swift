import Testing
@testable import QingxiCore

/// The word cut of `SearchTokenizer` works on scalars with its own run of ICU's dictionary for speed
/// (`DictionaryWordBreaker`); it must give exactly the tokens of the plain formulation (ICU words of each stretch
/// between policy terms, cut from a String by ICU itself), which this test keeps as the reference — including scalars outside the BMP, ASCII, full-width forms and mixed scripts.
@Suite struct SearchTokenizerEquivalenceTests {
    static let texts = [
        "全面推行河長制，推進鄉村振興。清河县召开2023年度林长制工作推进会",
        "𠮷野家在𠀋市开店：COVID-19疫情期间，ＧＤＰ增长５．２％，iPhone销量下降。",
        "“三大攻坚战”取得决定性成就；《中华人民共和国长江保护法》自2021年3月1日起施行。",
        "  \t  ", "", "a", "河", "𠮷", "１２３ＡＢＣ　全角　空格", "Ёлка и 河长制 together_with-dashes",
    ]

    @Test func fastCutEqualsThePlainFormulation() throws {
        let view = try ScriptConverter.matchingView()
        let finder = try TermCandidateFinder(lexicon: try PolicyLexicon.builtIn(view: view))
        let tokenizer = try SearchTokenizer(finder: finder, view: view, mode: .annotate)
        let breaker = try ICUWordBreaker(locale: "zh")
        for text in Self.texts {
            #expect(try tokenizer.tokens(of: text) == (try reference(text, finder: finder, breaker: breaker, view: view)), "\(text)")
        }
    }

    /// The tokens as SearchTokenizer computed them before the fast path.
    func reference(_ text: String, finder: TermCandidateFinder, breaker: ICUWordBreaker, view: MatchingView) throws -> [String] {
        let viewText = ViewText(text, view: view)
        guard viewText.count > 0 else { return [] }
        let spans = try finder.candidates(in: viewText, paragraph: 0).filter { $0.kind != .document }.map(\.range)
            .sorted { ($0.count, $1.lowerBound) > ($1.count, $0.lowerBound) }
        var chosen: [Range<Int>] = []
        for span in spans where !chosen.contains(where: { $0.overlaps(span) }) { chosen.append(span) }
        var result: [String] = []
        var position = 0
        func words(_ range: Range<Int>) throws {
            guard !range.isEmpty else { return }
            for word in try breaker.words(viewText.string(range))
            where word.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
                result.append(String(word))
            }
        }
        for span in chosen.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            try words(position..<span.lowerBound)
            result.append(viewText.string(span))
            position = span.upperBound
        }
        try words(position..<viewText.count)
        return result
    }
}
