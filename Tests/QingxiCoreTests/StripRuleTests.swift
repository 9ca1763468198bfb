import Foundation
import Testing
@testable import QingxiCore

/// The rule file format, the pattern dialect, and the block and position semantics.
@Suite struct StripRuleTests {
    private func match(_ pattern: String, _ text: String) throws -> PatternMatch? {
        let view = text.unicodeScalars.map { ASCIIFold.lower($0.value) }
        return try LinePattern(pattern).firstMatch(in: view, scratch: PatternScratch())
    }

    @Test func patternDialect() throws {
        #expect(try match("^责编\\s*(?<editor>\\h{2,4})$", "责编 王春荣")?.captures.first?.range == 3..<6)
        #expect(try match("^责编\\s*(?<editor>\\h{2,4})$", "责编 王春荣。") == nil)
        #expect(try match("icp备", "京ICP备12345号")?.range == 1..<5)
        #expect(try match("a.*?b", "xaabab")?.range == 1..<4)
        #expect(try match("a.*b", "xaabab")?.range == 1..<6)
        #expect(try match("[（(]x[）)]$", "y(x）")?.range == 1..<4)
        #expect(try match("\\d{4}年", "2022年")?.range == 0..<5)
        #expect(try match("(?:ab)+$", "abababc") == nil)
        #expect(try match("^(a*)*$", String(repeating: "a", count: 200) + "b") == nil)
    }

    /// On long lines (`ScanGuide`), a pattern whose every match ends with `$` is searched only in the last
    /// run of its alphabet; others still find their leftmost match anywhere.
    @Test func endAnchoredPatternsOnLongLines() throws {
        let words = String(repeating: "清河 新闻 abc 摄影 ", count: 40)  // 520 characters, 摄 in every run
        #expect(try match("(?:^|\\s)\\h{2,4}摄\\s*$", words + "记者 李四摄")?.range == 522..<526)
        #expect(try match("(?:^|\\s)\\h{2,4}摄\\s*$", words + "记者 李四摄 2024") == nil)
        #expect(try match("(?:^|\\s)\\h{2,4}摄\\s*$", "李四摄 " + words) == nil)
        #expect(try match("(?:李四|王五)摄$|新闻\\s*abc", words + "王五摄")?.range == 3..<9)
        #expect(try match("(?:(?:李四|王五)摄$|清河\\s*新闻$)", words + "清河新闻")?.range == 520..<524)
    }

    @Test func requiredLiteralsFeedThePrefilter() throws {
        func literals(_ p: String) throws -> Set<String>? {
            try LinePattern(p).requiredLiterals.map { Set($0.map { String(String.UnicodeScalarView($0.compactMap(Unicode.Scalar.init))) }) }
        }
        #expect(try literals("^[【\\[]?责编\\s*\\h+") == ["责编", "【责编", "[责编"])
        #expect(try literals("扫一扫|二维码") == ["扫一扫", "二维码"])
        #expect(try literals("^来源[：:]$") == ["来源：", "来源:"])
        #expect(try literals(".*") == nil)
    }

    @Test(arguments: [
        ("editor\tdrop\tany\t40\t(unclosed", "bad pattern: missing ')'"),
        ("editor\tdrop\tany\t40", "expected 5 tab-separated fields"),
        ("Editor\tdrop\tany\t40\tx", "bad category"),
        ("editor\tremove\tany\t40\tx", "bad action"),
        ("editor\tdrop\tmiddle\t40\tx", "bad position"),
        ("editor\tdrop\tany\t0\tx", "bad max"),
        ("editor\tdrop\tany\t40\tx{3,1}", "{m,n} with n < m"),
        ("editor\tdrop\tany\t40\t\\q", "unknown escape"),
    ])
    func badRuleNamesFileAndLine(_ rule: String, _ message: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("strip-rules-\(UUID()).tsv").path
        try "# my site\nsource\tdrop\tany\t20\t^来源\n\(rule)\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: QingxiError.self) { try StripRuleSet.load(files: [path]) }
        #expect(error?.description.hasPrefix("\(path):3: error: ") == true, "\(String(describing: error))")
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
        #expect(error?.exitCode == 2)
    }

    @Test func userRulesAddToTheBuiltIns() throws {
        let mine = try StripRuleSet.parse("promo\tdrop\tany\t30\t^本站推荐[：:]\n", name: "mine.tsv")
        let rules = StripRuleSet(rules: try Corpus.stripRules().rules + mine.rules)
        let stripper = BoilerplateStripper(rules: rules, view: StripView.shared)
        let (kept, article) = try runStage(stripper, lines: ["本站推荐：夏季防暑指南", "正文第一段，内容很长很长很长很长很长很长很长。"])
        #expect(kept.count == 1)
        #expect(article.removed.map(\.reason) == ["promo"])
    }

    @Test func disclaimerHeadingNearTheEndStartsABlock() throws {
        let body = "县政府召开常务会议，研究部署了夏季防汛、安全生产和民生实事等多项重点工作。"
        let lines = [body, body, "本网版权与免责声明：", "本文内容由作者提供，相关图片由作者本人拍摄。", "如有疑问请与编辑部联系。"]
        let (kept, article) = try runStage(try builtInStripper(), lines: lines)
        #expect(kept.map(\.text) == [body, body])
        #expect(article.removed.map(\.reason) == ["disclaimer", "disclaimer", "disclaimer"])
    }

    @Test func disclaimerHeadingFarFromTheEndIsLeftAlone() throws {
        let body = "县政府召开常务会议，研究部署了夏季防汛、安全生产和民生实事等多项重点工作，要求各部门压实责任。"
        let lines = ["免责声明"] + Array(repeating: body, count: 40)
        let (kept, article) = try runStage(try builtInStripper(), lines: lines)
        #expect(kept.count == 41)
        #expect(article.removed.isEmpty)
    }

    @Test func bylineRulesApplyOnlyAtTheEdges() throws {
        let body = "县政府召开常务会议，研究部署了夏季防汛、安全生产和民生实事等多项重点工作。"
        let (kept, article) = try runStage(try builtInStripper(),
                                           lines: ["记者 王宇", body, "记者 王宇", body, "记者 王宇"])
        #expect(kept.map(\.text) == [body, "记者 王宇", body])
        #expect(article.removed.map(\.paragraph) == [1, 5])
    }
}

@Suite struct StripBuiltInTests {
    @Test func embeddedRulesAreTheCorpusFile() throws {
        let embedded = try StripRuleSet.builtIn().rules.map(\.pattern.source)
        let corpus = try Corpus.stripRules().rules.map(\.pattern.source)
        #expect(embedded == corpus, "EmbeddedData.swift is stale: run scripts/embed-data")
    }
}
