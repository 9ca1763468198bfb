#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import QingxiCore

/// Runs the keyword stage the way the CLI does: paragraphs = lines, blank lines included.
enum KeywordFixture {
    /// The repository root (tests find corpus/ from their own path).
    static var root: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }

    static func read(_ relative: String) -> String? {
        FileBytes.read(root + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The small lexicon the tests use (the shipped one may grow; these tests must not move with it).
    static func lexicon(_ view: MatchingView) -> PolicyLexicon {
        PolicyLexicon(terms: [("河长制", "ecology"), ("林长制", "ecology"), ("生态保护红线", "ecology"),
                              ("乡村振兴", "rural")],
                      outlets: ["人民日报"], view: view)
    }

    static func extractor(_ view: MatchingView, ranker: KeywordRanker = KeywordRanker()) throws -> PolicyTermExtractor {
        try PolicyTermExtractor(lexicon: lexicon(view), view: view, ranker: ranker)
    }

    /// The terms of `text` (one article), and the paragraphs the stage let through.
    static func run(_ stage: PolicyTermExtractor, _ text: String, title: String? = nil) throws -> ([RankedTerm], [Paragraph]) {
        let article = Article(id: "t", file: "-", line: 1, title: title)
        var out: [Paragraph] = []
        try stage.begin(article)
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            try stage.process(Paragraph(text: String(line), number: i + 1, line: i + 1), of: article) { out.append($0) }
        }
        try stage.end(article) { out.append($0) }
        return (RankedTerm.terms(of: article), out)
    }
}

@Suite struct KeywordExtractorTests {
    let view: MatchingView

    init() throws {
        view = try ScriptConverter.matchingView()
    }

    /// Golden: corpus/golden/input/<name>.txt → corpus/golden/expected/<name>.keywords.tsv. keywords-policy
    /// names a policy of every kind; keywords-boundaries sets the left-edge traps seen on dev news (2023年度,
    /// 第三方, 90年代末, 多渠道, 对华, 想办法, 解决方案, “十一”). Re-record with QINGXI_RECORD=1 and review
    /// `git diff corpus/`.
    @Test(arguments: ["keywords-policy", "keywords-boundaries"])
    func fixtureArticleGivesTheRecordedRanking(name: String) throws {
        let input = try #require(KeywordFixture.read("corpus/golden/input/\(name).txt"))
        let (terms, _) = try KeywordFixture.run(try KeywordFixture.extractor(view), input)
        let got = RankedTerm.tsvLines(terms)
        let expectedPath = "corpus/golden/expected/\(name).keywords.tsv"
        if let record = getenv("QINGXI_RECORD"), String(cString: record) == "1" {
            let output = try OutputWriter(path: KeywordFixture.root + "/" + expectedPath)
            try output.write(got)
            try output.flush()
        }
        let expected = try #require(KeywordFixture.read(expectedPath), "missing golden file: run with QINGXI_RECORD=1")
        #expect(got == expected)
    }

    @Test func boundaryFixtureHasNoFragments() throws {
        let input = try #require(KeywordFixture.read("corpus/golden/input/keywords-boundaries.txt"))
        let stage = try KeywordFixture.extractor(view, ranker: KeywordRanker(minimumScore: 0, relativeCutoff: 0))
        let names = try KeywordFixture.run(stage, input).0.map(\.term)
        for expected in ["河长制", "林长制", "集体林权制度改革", "多渠道解决河湖管护纠纷机制", "最严格的水资源管理制度",
                         "出口管制政策"] {
            #expect(names.contains(expected), "missing \(expected)")
        }
        for fragment in ["度林长制", "末集体林权制度改革", "方评估", "华出口管制政策", "渠道解决河湖管护纠纷机制", "十一"] {
            #expect(!names.contains(fragment), "\(fragment) is reported")
        }
        #expect(!names.contains { $0.hasSuffix("办法") || $0.hasSuffix("解决方案") })
    }

    @Test func fixtureNamesEveryKindAndTheRightTerms() throws {
        let input = try #require(KeywordFixture.read("corpus/golden/input/keywords-policy.txt"))
        let (terms, _) = try KeywordFixture.run(try KeywordFixture.extractor(view), input)
        let names = terms.map(\.term)
        for expected in ["《青河县林长制实施方案》", "林长制", "三大攻坚战", "森林资源保护发展目标责任制",
                         "最严格的耕地保护制度", "生态环境损害责任终身追究制", "生态保护红线", "放管服改革"] {
            #expect(names.contains(expected), "missing \(expected)")
        }
        #expect(Set(terms.map(\.kind)) == Set(TermKind.allCases))
        #expect(names.first == "林长制")
    }

    @Test func traditionalInputGivesTheSameSimplifiedTerms() throws {
        let input = try #require(KeywordFixture.read("corpus/golden/input/keywords-policy.txt"))
        let traditional = try ICUTransliterator(id: "Simplified-Traditional").transliterate(input)
        #expect(traditional != input)
        let (simplifiedTerms, _) = try KeywordFixture.run(try KeywordFixture.extractor(view), input)
        let (traditionalTerms, passed) = try KeywordFixture.run(try KeywordFixture.extractor(view), traditional)
        #expect(traditionalTerms.map(\.term) == simplifiedTerms.map(\.term))
        #expect(traditionalTerms.map(\.count) == simplifiedTerms.map(\.count))
        let forest = try #require(traditionalTerms.first { $0.term == "森林资源保护发展目标责任制" })
        #expect(forest.forms.count == 1 && forest.forms[0] != forest.term)
        #expect(traditional.contains(forest.forms[0]), "forms are cut from the input as it stands")
        #expect(passed.map(\.text).joined(separator: "\n") == traditional)
    }

    @Test func mediaNamesInTitleMarksAreNotTerms() throws {
        let text = "据《人民日报》报道，《青河新闻网》转载，《青河县河长制工作规则》印发。《乡村振兴周刊》刊文。"
        let (terms, _) = try KeywordFixture.run(try KeywordFixture.extractor(view), text)
        let names = terms.map(\.term)
        #expect(names.contains("《青河县河长制工作规则》"))
        #expect(!names.contains { $0.contains("人民日报") || $0.contains("新闻网") || $0.contains("周刊") })
        #expect(!names.contains("乡村振兴"), "a lexicon term inside a media name is not a mention")
    }

    @Test func countsAddUpAcrossParagraphs() throws {
        let paragraphs = ["全面推行河长制，落实最严格的水资源管理制度。", "", "河长制工作要抓实，河长制考核要严格。",
                          "要把河长制落细落实，落实最严格的水资源管理制度。"]
        let stage = try KeywordFixture.extractor(view, ranker: KeywordRanker(minimumScore: 0, relativeCutoff: 0))
        let (split, passed) = try KeywordFixture.run(stage, paragraphs.joined(separator: "\n"))
        let (whole, _) = try KeywordFixture.run(stage, paragraphs.joined())
        #expect(split.first { $0.term == "河长制" }?.count == 4)
        #expect(split.first { $0.term == "最严格的水资源管理制度" }?.count == 2)
        #expect(Dictionary(uniqueKeysWithValues: split.map { ($0.term, $0.count) })
                == Dictionary(uniqueKeysWithValues: whole.map { ($0.term, $0.count) }))
        #expect(passed.map(\.text) == paragraphs, "every paragraph passes through unchanged, in order")
    }

    @Test func noFragmentOfALongerTermIsReturned() throws {
        let text = "审议通过了《青河县2021年河长制工作要点》《青河县河长制日常监管巡察制度》。全面推行河长制。"
        let stage = try PolicyTermExtractor(lexicon: PolicyLexicon(view: view), view: view,
                                            ranker: KeywordRanker(minimumScore: 0, relativeCutoff: 0))
        let (terms, _) = try KeywordFixture.run(stage, text)
        let names = terms.map(\.term)
        #expect(names.contains("河长制"))
        #expect(names.contains("《青河县2021年河长制工作要点》"))
        #expect(!names.contains("长制"))
        #expect(!names.contains { $0.hasSuffix("日常监管巡察制度") && !$0.hasPrefix("《") },
                "a phrase inside a document title is part of it")
    }

    @Test func anArticleWithoutPoliciesGetsNoTerms() throws {
        let text = "周末气温回升，市民纷纷走出家门。公园里游人如织，孩子们在草地上放风筝。"
        let (terms, passed) = try KeywordFixture.run(try KeywordFixture.extractor(view), text)
        #expect(terms.isEmpty)
        #expect(passed.count == 1)
    }

    @Test func runningTwiceGivesTheSameAnnotation() throws {
        let stage = try KeywordFixture.extractor(view)
        let input = try #require(KeywordFixture.read("corpus/golden/input/keywords-policy.txt"))
        let article = Article(id: "t", file: "-", line: 1)
        for _ in 0..<2 {
            try stage.begin(article)
            for (i, line) in input.split(separator: "\n").enumerated() {
                try stage.process(Paragraph(text: String(line), number: i + 1, line: i + 1), of: article) { _ in }
            }
            try stage.end(article) { _ in }
        }
        #expect(article.annotations.filter { $0.key == "keywords" }.count == 1)
        #expect(RankedTerm.terms(of: article) == stage.lastTerms)
    }
}
