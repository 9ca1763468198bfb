import Foundation
import Testing
@testable import QingxiCore

/// Hostile and messy input, one test per class (README "Guarantees"): each gets a message naming file and
/// line, a documented exit code, and the rest of the input is still processed. Classes already covered
/// elsewhere: CRLF / lone CR / BOM / final line without newline (RecordLayerTests.lineEndingsAndByteOrderMark),
/// empty input, malformed JSON, trailing garbage, non-string or missing text, deep nesting (RecordLayerTests),
/// UTF-16 (ConvertCLITests.utf16InputIsSetAsideAndTheRestProcessed). The 100 MB cases run in
/// scripts/check-hostile.
@Suite struct HostileInputTests {
    static let before = Array("會議開始。\n".utf8)
    static let after = Array("會議結束。\n".utf8)

    @Test(arguments: [
        ("overlong form", [0xC0, 0xAF] as [UInt8]),
        ("surrogate encoded in UTF-8", [0xED, 0xA0, 0x80]),
        ("stray continuation byte", [0x80]),
        ("4-byte form past U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
    ])
    func invalidUTF8IsReplacedAndNamedWithFileAndLine(name: String, bad: [UInt8]) throws {
        let input = Self.before + Array("甲".utf8) + bad + Array("乙\n".utf8) + Self.after
        let result = try TestSupport.run(input, stages: [])
        #expect(result.output.hasPrefix("會議開始。\n甲\u{FFFD}"), "\(name)")
        #expect(result.output.hasSuffix("乙\n會議結束。\n"), "\(name)")
        #expect(result.messages.contains("INPUT:2: warning: invalid UTF-8 at byte 4 of the line"), "\(name)")
        #expect(result.summary.invalidUTF8Lines == 1)
    }

    @Test func truncatedSequenceAtEndOfFileIsReplacedAndNamed() throws {
        let result = try TestSupport.run(Self.before + Array("末".utf8) + [0xE5, 0x85], stages: [])
        #expect(result.output == "會議開始。\n末\u{FFFD}\n")
        #expect(result.messages.contains("INPUT:2: warning: invalid UTF-8 at byte 4 of the line"))
    }

    @Test func nulBytesPassThroughAsText() throws {
        let result = try TestSupport.run(Self.before + [0x41, 0x00, 0x42, 0x0A] + Self.after, stages: [])
        #expect(result.output == "會議開始。\nA\u{0}B\n會議結束。\n")
        #expect(result.messages.isEmpty)
    }

    @Test(arguments: ["GB18030", "Big5"])
    func legacyCharsetGetsOneHintAndDecodesWithEncodingAuto(charset: String) throws {
        let text = "清河縣召開林長制工作推進會。\n會議強調，要壓實各級林長責任。\n下一步，全縣將深入打好污染防治攻堅戰。\n"
        let bytes = try BatchEncodingTests.encoded(text, charset)
        let plain = try TestSupport.run(bytes, stages: [])
        #expect(plain.messages.split(separator: "\n").count == 2, "\(plain.messages)")  // the hint and the summary
        #expect(plain.messages.contains("INPUT:1: warning: this input looks like \(charset), not UTF-8: use --encoding auto"))
        #expect(plain.summary.invalidUTF8Lines == 3)
        var auto = RecordOptions()
        auto.encoding = .auto
        let decoded = try TestSupport.run(inputs: [bytes, Array("並且\n".utf8)], stages: [], options: auto)
        #expect(decoded.output == text + "\u{0C}\n並且\n")
        #expect(decoded.messages.isEmpty)
    }

    /// A GB18030 JSONL record whose bytes also happen to be valid UTF-8 (`一丐专` encodes as C2/D0-range pairs)
    /// is decoded as GB18030 too, like every other line of that input, not taken for UTF-8.
    @Test func gb18030RecordThatIsAlsoValidUTF8IsDecodedAsGB18030() throws {
        let lines = ["{\"id\":\"a\",\"text\":\"清河縣召開林長制工作推進會，會議強調要壓實各級林長責任。\"}",
                     "{\"id\":\"b\",\"text\":\"一丐专\"}",
                     "{\"id\":\"c\",\"text\":\"下一步，全縣將深入打好污染防治攻堅戰，確保河湖長治久清。\"}"]
        let bytes = try BatchEncodingTests.encoded(lines.joined(separator: "\n") + "\n", "GB18030")
        let second = try BatchEncodingTests.encoded(lines[1], "GB18030")
        #expect(String(validating: second, as: UTF8.self) != nil)  // the case: valid UTF-8 by accident
        var auto = RecordOptions()
        auto.encoding = .auto
        let decoded = try TestSupport.run(bytes, stages: [], options: auto)
        #expect(decoded.output == lines.joined(separator: "\n") + "\n")
        #expect(decoded.messages.isEmpty)
    }

    @Test func manyEmptyLinesStayOneArticleOfBlankParagraphs() throws {
        // As many as one article may hold (Paragraph.maxPerArticle); past it: ParagraphLimitCLITests.
        let input = [UInt8](repeating: 0x0A, count: Paragraph.maxPerArticle - 1) + Self.after
        let result = try TestSupport.run(input, stages: [])
        #expect(result.output.utf8.count == input.count)
        #expect(result.summary.paragraphsIn == Paragraph.maxPerArticle && result.summary.articles == 1)
    }

    @Test func duplicateKeysTakeTheLastTextAndKeepTheOthersVerbatim() throws {
        let line = #"{"id":"a","text":"後來","x":1,"text":"並且"}"#
        let result = try TestSupport.run(line + "\n", stages: [try ScriptConverter(ConversionOptions(direction: .hans))])
        #expect(result.output == #"{"id":"a","text":"後來","x":1,"text":"并且"}"# + "\n")
    }

    @Test func largeJSONTextIsOneRecord() throws {
        let paragraph = String(repeating: "會議強調，要壓實各級林長責任。", count: 200)
        var line: [UInt8] = Array(#"{"id":"big","text":"#.utf8)
        JSONString.encode(Array(repeating: paragraph, count: 20).joined(separator: "\n"), into: &line)
        let result = try TestSupport.run(line + Array("}\n".utf8), stages: [])
        #expect(result.summary.articles == 1 && result.summary.paragraphsIn == 20)
        #expect(result.output.utf8.count == line.count + 2)
    }
}
