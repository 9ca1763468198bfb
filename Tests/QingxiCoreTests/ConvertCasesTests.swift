import Foundation
import Testing
@testable import QingxiCore

/// The case table `corpus/cases/convert.tsv` (direction, input, expected, class): every class of conversion
/// error the default mode corrects, plus rows ICU already gets right, run through the default engine.
@Suite struct ConvertCasesTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var line: Int
        var direction: ScriptDirection
        var input: String
        var expected: String
        var kind: String
        var testDescription: String { "convert.tsv:\(line) [\(kind)] \(input)" }
    }

    static var cases: [Case] {
        guard let text = try? String(contentsOf: TestSupport.corpus("cases/convert.tsv"), encoding: .utf8) else { return [] }
        var cases: [Case] = []
        try? DataFile.lines(of: text, name: "convert.tsv") { line, number in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 3, let direction = ScriptDirection(rawValue: f[0]) else { throw DataFileLineError("bad row") }
            cases.append(Case(line: number, direction: direction, input: f[1], expected: f[2], kind: f.count > 3 ? f[3] : ""))
        }
        return cases
    }

    @Test func tableCoversBothDirectionsAndTheIssueClasses() {
        let cases = Self.cases
        #expect(cases.filter { $0.direction == .hans }.count >= 50)
        #expect(cases.filter { $0.direction == .hant }.count >= 100)
        #expect(cases.contains { $0.kind.hasSuffix("-icu") })
    }

    @Test(arguments: ScriptDirection.allCases)
    func defaultModeConvertsEveryCase(direction: ScriptDirection) throws {
        let converter = try ScriptConverter(ConversionOptions(direction: direction))
        for row in Self.cases where row.direction == direction {
            #expect(converter.convert(row.input) == row.expected, "\(row.testDescription)")
        }
    }

    /// Regression for the seed article's naive conversion (并/后/于 left inside traditional text, 巡察 kept).
    @Test func seedNaiveConversionLeftovers() throws {
        let hant = try ScriptConverter(ConversionOptions(direction: .hant))
        #expect(hant.convert("會議并講話，對子孫后代負責，屬于第三方") == "會議並講話，對子孫後代負責，屬於第三方")
        let hans = try ScriptConverter(ConversionOptions(direction: .hans))
        #expect(hans.convert("日常監管巡察制度") == "日常监管巡察制度")
        let exact = try ScriptConverter(ConversionOptions(direction: .hans, exactICU: true))
        #expect(exact.convert("日常監管巡察制度") == "日常监管巡查制度")  // ICU's own error, kept by --exact-icu
    }
}
