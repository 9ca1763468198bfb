import Testing
@testable import QingxiCore

/// Chunk invariance: feeding the input whole, in small reads or byte by byte gives the same output — including
/// reads that end inside a UTF-8 sequence, between CR and LF, and inside a phrase rule's key.
@Suite struct StreamingTests {
    static let mixedText = "經理發現問題\r\n\r\n兩隻雞「引號」，一萬餘人。\n\u{0C}\n【責編 王某】\r後來於是並且\n"
    static let jsonLines = #"{"id":"a","title":"標題","text":"經理發現\n後來"}"# + "\n\n" + #"{"id":"b","text":"並且於是"}"#

    @Test(arguments: [1, 2, 3, 5, 7, 64, 1 << 16])
    func plainTextOutputDoesNotDependOnReadSize(readSize: Int) throws {
        for direction in ScriptDirection.allCases {
            let whole = try TestSupport.run(Self.mixedText, stages: [try ScriptConverter(ConversionOptions(direction: direction))])
            let chunked = try TestSupport.run(Self.mixedText, stages: [try ScriptConverter(ConversionOptions(direction: direction))],
                                              readSize: readSize)
            #expect(chunked.output == whole.output)
        }
    }

    @Test(arguments: [1, 3, 64, 1 << 16])
    func jsonLinesOutputDoesNotDependOnReadSize(readSize: Int) throws {
        let whole = try TestSupport.run(Self.jsonLines, stages: [try ScriptConverter(ConversionOptions(direction: .hans))])
        let chunked = try TestSupport.run(Self.jsonLines, stages: [try ScriptConverter(ConversionOptions(direction: .hans))],
                                          readSize: readSize)
        #expect(chunked.output == whole.output)
        #expect(whole.output.contains(#""title":"标题""#))
    }

    /// A lone converter on plain text takes the byte-level fast path; any other run (here: --explain) the
    /// general one. Both must give the same bytes, invalid UTF-8 included.
    @Test func fastConvertPathEqualsGeneralPath() throws {
        let input = Array(Self.mixedText.utf8) + [0xE4, 0xB8, 0x0A] + Array("於是\n\u{0C}\n\u{0C}\n末篇\n".utf8)
        for direction in ScriptDirection.allCases {
            var general = RecordOptions()
            general.explain = true
            let fast = try TestSupport.run(input, stages: [try ScriptConverter(ConversionOptions(direction: direction))])
            let slow = try TestSupport.run(input, stages: [try ScriptConverter(ConversionOptions(direction: direction))],
                                           options: general)
            #expect(fast.output == slow.output)
            #expect(fast.summary.articles == slow.summary.articles)
            let warnings = { (m: String) in m.split(separator: "\n").filter { $0.contains("warning") || $0.contains("summary") } }
            #expect(warnings(fast.messages) == warnings(slow.messages))
            if direction == .hans { #expect(slow.messages.contains("convert: changed ¶1")) }
        }
    }

    @Test func convertIsIdempotentOnItsOwnOutput() throws {
        for direction in ScriptDirection.allCases {
            let stage = { try ScriptConverter(ConversionOptions(direction: direction)) }
            let once = try TestSupport.run(Self.mixedText, stages: [try stage()]).output
            let twice = try TestSupport.run(once, stages: [try stage()]).output
            #expect(twice == once)
        }
    }
}
