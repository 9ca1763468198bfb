import Testing
@testable import QingxiCore

/// A stage for tests: drops paragraphs containing `marker`, recording why, and tags the article.
final class DropMarkedStage: Stage {
    let name = "test"
    let marker: String
    init(marker: String) { self.marker = marker }
    func process(_ paragraph: Paragraph, of article: Article, emit: (Paragraph) throws -> Void) throws {
        if paragraph.text.contains(marker) {
            article.recordRemoval(paragraph, stage: name, reason: "marked")
            article.meta.append(("editor", "王"))
        } else {
            try emit(paragraph)
        }
    }
}

@Suite struct RecordLayerTests {
    let hans = ConversionOptions(direction: .hans)

    @Test func plainTextKeepsBlankLinesAndSeparatesArticlesWithFormFeeds() throws {
        let input = "標題\n\n第一段。\n\u{0C}\n第二篇\n"
        let result = try TestSupport.run(input, stages: [try ScriptConverter(hans)])
        #expect(result.output == "标题\n\n第一段。\n\u{0C}\n第二篇\n")
        #expect(result.summary.articles == 2)
    }

    @Test func lineEndingsAndByteOrderMark() throws {
        let input: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("一\r\n二\r三\n四".utf8)
        let result = try TestSupport.run(input, stages: [])
        #expect(result.output == "一\n二\n三\n四\n")
    }

    @Test func emptyInputGivesEmptyOutput() throws {
        let result = try TestSupport.run("", stages: [try ScriptConverter(hans)])
        #expect(result.output == "")
        #expect(result.summary.articles == 0)
    }

    @Test func invalidUTF8IsReplacedAndReportedWithFileAndLine() throws {
        let input: [UInt8] = Array("好\n".utf8) + [0xE4, 0xB8, 0x41, 0x0A] + Array("尾\n".utf8)
        let result = try TestSupport.run(input, stages: [])
        #expect(result.output == "好\n\u{FFFD}A\n尾\n")
        #expect(result.messages.contains("INPUT:2: warning: invalid UTF-8 at byte 1"))
        #expect(result.summary.invalidUTF8Lines == 1)
        var strict = RecordOptions()
        strict.strict = true
        #expect(throws: QingxiError.self) { try TestSupport.run(input, stages: [], options: strict) }
    }

    @Test func explainReportsRemovalsOnStderrInTextMode() throws {
        var options = RecordOptions()
        options.explain = true
        options.printMeta = true
        let result = try TestSupport.run("留\n刪 X\n留二\n", stages: [DropMarkedStage(marker: "X")], options: options)
        #expect(result.output == "留\n留二\n")
        #expect(result.messages.contains("INPUT:2: test: removed ¶2 (marked): 刪 X"))
        #expect(result.messages.contains("editor\t王"))
    }

    @Test func jsonLinesPassUnknownFieldsThroughInOrder() throws {
        let line = #"{"id": 7, "meta": {"a": [1, 2.50, "x"]}, "title": "標題", "text": "第一段\n第二段", "z": null}"#
        let result = try TestSupport.run(line + "\n", stages: [try ScriptConverter(hans)])
        #expect(result.output == #"{"id":7,"meta":{"a": [1, 2.50, "x"]},"title":"标题","text":"第一段\n第二段","z":null}"# + "\n")
    }

    @Test func jsonLinesTextFieldAndQingxiKey() throws {
        var options = RecordOptions()
        options.textField = "content"
        options.explain = true
        let line = #"{"content":"保留\n刪 X","qingxi":{"meta":{"editor":"李"},"keep":1}}"#
        let result = try TestSupport.run(line + "\n", stages: [DropMarkedStage(marker: "X")], options: options)
        #expect(result.output == #"{"content":"保留","qingxi":{"meta":{"editor":["李","王"]},"keep":1,"removed":[{"stage":"test","paragraph":2,"line":1,"reason":"marked","text":"刪 X"}]}}"# + "\n")
    }

    @Test(arguments: [
        (#"{"text": "a""#, "line ends early"),
        (#"{"text": "a"} x"#, "unexpected data"),
        (#"{"title": "a"}"#, "no field \"text\""),
        (#"{"text": 5}"#, "not a string"),
        (#"["text"]"#, "must be an object"),
        (#"{"text": "a\q"}"#, "bad escape"),
    ])
    func malformedJSONLineIsAnErrorNamingFileAndLine(line: String, fragment: String) throws {
        let input = #"{"text": "ok"}"# + "\n" + line + "\n"
        do {
            _ = try TestSupport.run(input, stages: [])
            Issue.record("expected an error")
        } catch let QingxiError.badData(_, errorLine, message) {
            #expect(errorLine == 2)
            #expect(message.contains(fragment), "\(message)")
        }
    }

    @Test func skippedRecordsGoToRejectsAndAreCounted() throws {
        let rejects = try TestSupport.temporaryFile([], suffix: ".rejects")
        var options = RecordOptions()
        options.skipMalformed = true
        options.rejectsPath = rejects
        let input = "{\"text\": \"甲\"}\n{broken\n{\"text\": \"乙\"}\n"
        let result = try TestSupport.run(input, stages: [], options: options)
        #expect(result.output == "{\"text\":\"甲\"}\n{\"text\":\"乙\"}\n")
        #expect(result.summary.rejected == 1)
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == "{broken\n")
        #expect(result.messages.contains("INPUT:2: error: malformed JSON"))
        #expect(result.messages.contains("1 malformed record(s) set aside"))
    }

    @Test func deeplyNestedJSONIsRejectedNotCrashed() throws {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(throws: QingxiError.self) { try TestSupport.run("{\"text\":\"a\",\"x\":\(deep)}\n", stages: []) }
    }

    @Test func plainTextBecomesJSONLinesRecordsOnRequest() throws {
        var options = RecordOptions()
        options.outputFormat = .jsonl
        let result = try TestSupport.run("甲\n乙\n\u{0C}\n丙\n", stages: [], options: options)
        #expect(result.output == "{\"id\":\"INPUT\",\"text\":\"甲\\n乙\"}\n{\"id\":\"INPUT#2\",\"text\":\"丙\"}\n")
    }
}
