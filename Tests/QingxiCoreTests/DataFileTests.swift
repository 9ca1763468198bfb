import Testing
@testable import QingxiCore

/// `DataFile.lines` (every rule, lexicon and profile file goes through it): numbering, line ends, what it skips.
@Suite struct DataFileTests {
    private func lines(_ text: String) throws -> [String] {
        var seen: [String] = []
        try DataFile.lines(of: text, name: "t") { line, number in seen.append("\(number):\(line)") }
        return seen
    }

    @Test func numbersLinesAndSkipsBlankAndCommentLines() throws {
        #expect(try lines("河长制\t制度\n\n# 注释\n  \t \r\n林长制\t制度\r\n最后一行") == ["1:河长制\t制度", "5:林长制\t制度", "6:最后一行"])
        #expect(try lines("") == [] && (try lines("\n\n")) == [])
        #expect(try lines("a\rb\n") == ["1:a\rb"], "a lone CR inside a line stays")
        #expect(try lines("é\u{301}\n#\u{301}x\n") == ["1:é\u{301}"], "a comment is a line whose first byte is #")
    }

    @Test func aParserErrorNamesTheLine() throws {
        #expect(throws: QingxiError.badRuleFile(file: "t", line: 3, message: "bad")) {
            try DataFile.lines(of: "ok\n\nnot ok\n", name: "t") { line, _ in if line == "not ok" { throw DataFileLineError("bad") } }
        }
    }

    @Test func lexiconLinesNeedExactlyOneTab() throws {
        var lexicon = PolicyLexicon(view: .widthFoldingOnly)
        #expect(throws: QingxiError.badRuleFile(file: "t", line: 1, message: "expected term<TAB>category, found 3 field(s)")) {
            try lexicon.loadTerms(text: "河长制\t制度\t多余", name: "t")
        }
        try lexicon.loadTerms(text: "  河长制 \t 制度 \n", name: "t")
        #expect(lexicon.entries.map(\.term) == ["河长制"] && lexicon.entries.map(\.category) == ["制度"])
    }
}
