import Foundation
import Testing
@testable import QingxiCore

/// The case table `corpus/cases/convert.tsv` (direction, input, expected, class): every class of conversion
/// error the default mode corrects, plus rows ICU already gets right, run through the default engine.
@Suite struct ConvertCasesTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var line: Int
        /// `hans`, `hant`, `tw`, `hk`, or `tw2s`/`hk2s` (Taiwan or Hong Kong text to simplified).
        var direction: String
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
            guard f.count >= 3, options(f[0]) != nil else { throw DataFileLineError("bad row") }
            cases.append(Case(line: number, direction: f[0], input: f[1], expected: f[2], kind: f.count > 3 ? f[3] : ""))
        }
        return cases
    }

    /// The conversion a row's direction names.
    static func options(_ direction: String) -> ConversionOptions? {
        switch direction {
        case "tw2s", "hk2s":
            var options = ConversionOptions(direction: .hans)
            options.source = SourceRegion(rawValue: String(direction.prefix(2)))
            return options
        default:
            return ScriptDirection(rawValue: direction).map { ConversionOptions(direction: $0) }
        }
    }

    @Test func tableCoversBothDirectionsAndTheIssueClasses() {
        let cases = Self.cases
        #expect(cases.filter { $0.direction == "hans" }.count >= 50)
        #expect(cases.filter { $0.direction == "hant" }.count >= 100)
        #expect(cases.contains { $0.kind.hasSuffix("-icu") })
        // Every one-to-many character of issue 18, in each direction and region.
        for character in ["里", "干", "制", "发", "准", "余", "钟", "划", "历", "表", "只", "台", "松", "系"] {
            for direction in ["hant", "tw", "hk", "hans", "tw2s", "hk2s"] {
                #expect(cases.contains { $0.direction == direction && $0.kind.hasPrefix(character) }, "\(character) \(direction)")
            }
        }
    }

    @Test(arguments: ["hans", "hant", "tw", "hk", "tw2s", "hk2s"])
    func defaultModeConvertsEveryCase(direction: String) throws {
        let converter = try ScriptConverter(Self.options(direction)!)
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
