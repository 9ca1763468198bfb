import Testing
@testable import QingxiCore

/// One row of corpus/cases/strip.tsv: a line and what strip must do with it.
struct StripCase: Sendable, CustomTestStringConvertible {
    let line: String
    let expected: String
    let row: Int
    var testDescription: String { "strip.tsv:\(row) \(expected): \(line)" }

    static func all() throws -> [StripCase] {
        var cases: [StripCase] = []
        try DataFile.lines(of: try Corpus.text("cases/strip.tsv"), name: "strip.tsv") { line, number in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else { throw DataFileLineError("expected line<TAB>expected") }
            cases.append(StripCase(line: String(fields[0]), expected: String(fields[1]), row: number))
        }
        return cases
    }
}

@Suite struct StripCaseTests {
    @Test(arguments: try StripCase.all())
    func caseRow(_ row: StripCase) throws {
        let (kept, article) = try runStage(try builtInStripper(), lines: [row.line])
        switch row.expected {
        case "body":
            #expect(kept.map(\.text) == [row.line])
            #expect(article.removed.isEmpty, "removed as \(article.removed.map(\.reason))")
        case let category where category.hasSuffix(" (partial)"):
            #expect(article.removed.map(\.reason) == [category])
            #expect(kept.count == 1 && !kept[0].text.isEmpty)
            let cut = article.removed.first?.text ?? ""
            #expect(cut + (kept.first?.text ?? "") == row.line || (kept.first?.text ?? "") + cut == row.line)
        default:
            #expect(kept.isEmpty, "kept \(kept.map(\.text))")
            #expect(article.removed.map(\.reason) == [row.expected])
        }
    }

    @Test func tableCoversEveryBuiltInCategoryInBothScripts() throws {
        let cases = try StripCase.all()
        let categories = Set(try Corpus.stripRules().rules.filter { $0.action != .keep }.map(\.category))
        for category in categories {
            let rows = cases.filter { $0.expected.hasPrefix(category) }
            #expect(rows.count >= 2, "no rows for \(category)")
        }
        #expect(cases.filter { $0.expected == "body" }.count >= 14)
    }

    @Test func everyBuiltInRuleHasAPrefilterLiteral() throws {
        for rule in try Corpus.stripRules().rules {
            #expect(rule.pattern.requiredLiterals != nil, "\(rule.origin) runs on every line: \(rule.pattern.source)")
        }
    }
}
