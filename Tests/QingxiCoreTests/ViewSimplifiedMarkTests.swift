import Testing
@testable import QingxiCore

/// `Paragraph.isViewSimplified` lets the chain skip a second T→S conversion: only the convert stage that
/// converts as the matching view does sets it, a stage that rewrites a paragraph's text clears it, and a marked
/// paragraph's view is the one conversion would give.
@Suite struct ViewSimplifiedMarkTests {
    static let line = "（原標題：清河縣召開林長制工作推進會）3月5日，清河縣召開全面推行林長制工作推進會，要求各地壓實責任。"

    @Test func onlyTheMatchingViewConversionMarks() throws {
        let marked = try runStage(try ScriptConverter(ConversionOptions(direction: .hans)), lines: [Self.line]).kept
        #expect(marked.map(\.isViewSimplified) == [true])
        for options in [ConversionOptions(direction: .hans, exactICU: true), ConversionOptions(direction: .hant),
                        ConversionOptions(direction: .hans, keepPunctuation: true)] {
            #expect(try runStage(try ScriptConverter(options), lines: [Self.line]).kept.map(\.isViewSimplified) == [false])
        }
    }

    @Test func aCutLineLosesTheMarkAndAWholeLineKeepsIt() throws {
        let converted = try runStage(try ScriptConverter(ConversionOptions(direction: .hans)), lines: [Self.line, "第二段正文，会议要求各地抓好落实。"]).kept
        let stripper = try builtInStripper()
        let article = Article(id: "t", file: "-", line: 1)
        var kept: [Paragraph] = []
        try stripper.begin(article)
        for paragraph in converted { try stripper.process(paragraph, of: article) { kept.append($0) } }
        try stripper.end(article) { kept.append($0) }
        #expect(article.removed.map(\.reason) == ["original-title (partial)"])
        #expect(kept.map(\.isViewSimplified) == [false, true])
    }

    @Test func aMarkedParagraphHasTheViewConversionWouldGive() throws {
        let view = try ScriptConverter.matchingView()
        let converted = try runStage(try ScriptConverter(ConversionOptions(direction: .hans)), lines: [Self.line, "ＧＤＰ增长５．２％"]).kept
        for paragraph in converted {
            #expect(ViewText(paragraph.text, view: view, simplified: true).scalars == ViewText(paragraph.text, view: view).scalars)
        }
        #expect(Paragraph(text: "a", number: 1, line: 1) == { var p = Paragraph(text: "a", number: 1, line: 1); p.isViewSimplified = true; return p }())
    }
}
