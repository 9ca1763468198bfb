#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import QingxiCore

@Suite struct KeywordLexiconTests {
    let view = MatchingView.widthFoldingOnly

    @Test func loadsTermsAndCategoriesSkippingComments() throws {
        var lexicon = PolicyLexicon(view: view)
        try lexicon.loadTerms(text: "# policy terms\n河长制\tecology\n\n乡村振兴\trural\n河长制\tgovernance\n", name: "t.txt")
        #expect(lexicon.count == 2)
        #expect(lexicon.category(of: "河长制") == "ecology")
        #expect(lexicon.category(of: "碳达峰") == nil)
    }

    @Test(arguments: [
        ("河长制\tecology\n乡村振兴\n", 2, "expected term<TAB>category"),
        ("# c\n\n制\tecology\n", 3, "shorter than 2 characters"),
        ("河长制\t\n", 1, "empty category"),
        ("河长 制\tecology\n", 1, "white space"),
    ])
    func badTermLinesNameFileAndLine(text: String, line: Int, message: String) throws {
        var lexicon = PolicyLexicon(view: view)
        do {
            try lexicon.loadTerms(text: text, name: "lexicon/mine.txt")
            Issue.record("no error for \(text)")
        } catch let error as QingxiError {
            #expect(error.description.hasPrefix("lexicon/mine.txt:\(line): error: "))
            #expect(error.description.contains(message))
            #expect(error.exitCode == 2)
        }
    }

    @Test func errorsInAFileOnDiskNameThePath() throws {
        let path = "/tmp/qingxi-keyword-lexicon-\(getpid()).txt"
        let output = try OutputWriter(path: path)
        try output.write("河长制\tecology\n# comment\n乡村振兴 rural\n")
        try output.flush()
        defer { unlink(path) }
        #expect(throws: QingxiError.badRuleFile(file: path, line: 3, message: "expected term<TAB>category, found 1 field(s)")) {
            _ = try PolicyLexicon.load(termFiles: [path], outletFiles: [], view: view)
        }
        #expect(throws: QingxiError.io(file: "/nonexistent/terms.txt", message: "cannot read file")) {
            _ = try PolicyLexicon.load(termFiles: ["/nonexistent/terms.txt"], outletFiles: [], view: view)
        }
    }

    @Test func outletsAndTermsMatchInEitherScript() throws {
        let converter = try ScriptConverter.matchingView()
        var lexicon = PolicyLexicon(view: converter)
        try lexicon.loadTerms(text: "生態環境損害賠償制度\tecology\n", name: "t")
        try lexicon.loadOutlets(text: "人民日報\n", name: "o")
        #expect(lexicon.category(of: "生态环境损害赔偿制度") == "ecology")
        #expect(lexicon.isOutlet("人民日报"))
    }

    @Test func trieFindsTheLongestKey() {
        var trie = ScalarTrie()
        for (i, key) in ["河长", "河长制", "乡村振兴战略"].enumerated() { trie.insert(key.unicodeScalars.map(\.value), value: Int32(i)) }
        let text = "推行河长制和乡村振兴".unicodeScalars.map(\.value)
        text.withUnsafeBufferPointer { s in
            #expect(trie.longestMatch(in: s, at: 2, limit: s.count)?.length == 3)
            #expect(trie.longestMatch(in: s, at: 2, limit: 4)?.length == 2)
            #expect(trie.longestMatch(in: s, at: 6, limit: s.count) == nil)
        }
    }
}
