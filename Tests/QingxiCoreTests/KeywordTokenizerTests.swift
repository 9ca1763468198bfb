import Testing
@testable import QingxiCore

@Suite struct KeywordTokenizerTests {
    @Test func policyTermsStayWholeAndPunctuationGoes() throws {
        let view = try ScriptConverter.matchingView()
        let lexicon = PolicyLexicon(terms: [("乡村振兴", "rural")], view: view)
        let tokenizer = try SearchTokenizer(lexicon: lexicon, view: view, mode: .rewrite)
        let tokens = try tokenizer.tokens(of: "全面推行河長制，推進鄉村振興。")
        #expect(tokens.contains("河长制"))
        #expect(tokens.contains("乡村振兴"))
        #expect(!tokens.contains("，") && !tokens.contains("。"))
        #expect(!tokens.contains("长"))
    }

    @Test func rewriteAndAnnotateModes() throws {
        let view = MatchingView.widthFoldingOnly
        let lexicon = PolicyLexicon(view: view)
        let article = Article(id: "a", file: "-", line: 1, title: "推行河长制")
        let paragraphs = [Paragraph(text: "全面推行河长制。", number: 1, line: 1), Paragraph(text: "", number: 2, line: 2)]
        var rewritten: [String] = []
        let rewriter = try SearchTokenizer(lexicon: lexicon, view: view, mode: .rewrite)
        try rewriter.begin(article)
        for p in paragraphs { try rewriter.process(p, of: article) { rewritten.append($0.text) } }
        try rewriter.end(article) { _ in }
        #expect(rewritten == ["全面 推行 河长制", ""])
        let annotator = try SearchTokenizer(lexicon: lexicon, view: view, mode: .annotate)
        var passed: [String] = []
        try annotator.begin(article)
        for p in paragraphs { try annotator.process(p, of: article) { passed.append($0.text) } }
        try annotator.end(article) { _ in }
        #expect(passed == paragraphs.map(\.text))
        #expect(article.annotations.first { $0.key == "tokens" }?.value == .string("推行 河长制 全面 推行 河长制"))
    }
}
