import Testing
@testable import QingxiCore

/// `Paragraph.isViewSimplified` lets the chain skip a second T→S conversion: only the convert stage that
/// converts as the matching view does sets it, a stage that rewrites a paragraph's text clears it, and a marked
/// paragraph's view is the one conversion would give.
@Suite struct ViewSimplifiedMarkTests {
    static let line = "（原標題：清河縣召開林長制工作推進會）3月5日，清河縣召開全面推行林長制工作推進會，要求各地壓實責任。"

    /// T→S output is not always a fixed point: a phrase rule keeps 著 in 顯著 → 显著, and a second pass turns it
    /// into 着. Such a paragraph is left unmarked, so its view is the second conversion, as in a pipe.
    @Test func aParagraphThatWouldConvertAgainIsNotMarked() throws {
        let converter = try ScriptConverter(ConversionOptions(direction: .hans))
        let out = try runStage(converter, lines: ["政績顯著。", "清河縣召開會議。"]).kept
        #expect(out.map(\.text) == ["政绩显著。", "清河县召开会议。"])
        #expect(out.map(\.isViewSimplified) == [false, true])
        let view = ScriptConverter.matchingView(using: converter)
        #expect(ViewText(out[0].text, view: view, simplified: out[0].isViewSimplified).scalars
                == ViewText(converter.convert(out[0].text), view: .widthFoldingOnly).scalars)
    }

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
        #expect(kept.map { $0.scalars != nil } == [false, true])  // the cut line's cached scalars go with its old text
    }

    @Test func aMarkedParagraphHasTheViewConversionWouldGive() throws {
        let view = try ScriptConverter.matchingView()
        let converted = try runStage(try ScriptConverter(ConversionOptions(direction: .hans)), lines: [Self.line, "ＧＤＰ增长５．２％"]).kept
        for paragraph in converted {
            #expect(ViewText(paragraph.text, view: view, simplified: true).scalars == ViewText(paragraph.text, view: view).scalars)
            // The scalars the convert stage kept are the text's, and read through them the view is the same.
            #expect(paragraph.scalars == paragraph.text.unicodeScalars.map(\.value))
            #expect(ViewText(paragraph, view: view).scalars == ViewText(paragraph.text, view: view).scalars)
        }
        var rewritten = converted[0]
        rewritten.text = "新的文字"
        #expect(rewritten.scalars == nil && !rewritten.isViewSimplified)
        #expect(Paragraph(text: "a", number: 1, line: 1) == { var p = Paragraph(text: "a", number: 1, line: 1); p.isViewSimplified = true; return p }())
    }
}
