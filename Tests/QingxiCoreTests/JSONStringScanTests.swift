import Testing
@testable import QingxiCore

/// The string scan of the JSON reader skips eight plain bytes at a time: quotes, backslashes and control
/// characters must be found at every offset, inside and after CJK text.
@Suite struct JSONStringScanTests {
    private func text(_ json: String) throws -> String {
        try JSONRecord(line: Array(json.utf8), textField: "text", file: "t", lineNumber: 1).text
    }

    @Test func escapesAndQuotesAreFoundAtEveryOffset() throws {
        for pad in 0..<20 {
            for filler in ["a", "河"] {
                let head = String(repeating: filler, count: pad)
                #expect(try text(#"{"text":"\#(head)\"q\"\\z\u00e9\n"}"#) == head + "\"q\"\\zé\n", "pad \(pad)")
                #expect(try text(#"{"id":"\#(head)","text":"\#(head)"}"#) == head, "pad \(pad)")
            }
        }
    }

    @Test func aControlCharacterInsideAStringIsAnErrorAtEveryOffset() {
        for pad in 0..<20 {
            let json = #"{"text":""# + String(repeating: "河", count: pad) + "\u{01}" + #"x"}"#
            #expect(throws: (any Error).self, "pad \(pad)") { try text(json) }
        }
    }

    /// Paragraphs are cut at LF, CRLF and a lone CR found eight bytes at a time: a break at any offset, after
    /// ASCII or Han, splits exactly as a byte-by-byte scan does.
    @Test func paragraphBreaksAreFoundAtEveryOffset() throws {
        for pad in 0..<20 {
            for filler in ["a", "河"] {
                for lineBreak in [#"\n"#, #"\r\n"#, #"\r"#] {
                    let head = String(repeating: filler, count: pad)
                    let record = try JSONRecord(line: Array(#"{"text":"\#(head)\#(lineBreak)\#(head)x\#(lineBreak)"}"#.utf8),
                                                textField: "text", file: "t", lineNumber: 1)
                    #expect(record.paragraphs(line: 1).map(\.text) == [head, head + "x", ""], "pad \(pad) \(lineBreak)")
                }
            }
        }
    }
}
