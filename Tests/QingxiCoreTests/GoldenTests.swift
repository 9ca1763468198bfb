import Foundation
import Testing
@testable import QingxiCore

/// Golden files: every `corpus/golden/input/NAME.txt` runs through each pipeline P for which
/// `corpus/golden/expected/NAME.P.txt` exists, and must give that file byte for byte.
/// Re-record with `QINGXI_RECORD=1 swift test --filter GoldenTests`, then review `git diff corpus/`.
@Suite struct GoldenTests {
    /// Pipelines by the name used in expected-file names.
    static var pipelines: [String: () throws -> [Stage]] { [
        "convert-hans": { [try ScriptConverter(ConversionOptions(direction: .hans))] },
        "convert-hant": { [try ScriptConverter(ConversionOptions(direction: .hant))] },
        "convert-hans-exact": { [try ScriptConverter(ConversionOptions(direction: .hans, exactICU: true))] },
        "clean": { try CleanPipeline.stages(CleanOptions()) },
        "clean-hant": {
            var options = CleanOptions()
            options.target = .hant
            return try CleanPipeline.stages(options)
        },
    ] }

    static var cases: [String] {
        let expected = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.corpus("golden/expected").path)) ?? []
        return expected.filter { name in
            let parts = name.split(separator: ".")
            return parts.count == 3 && pipelines[String(parts[1])] != nil
        }.sorted()
    }

    @Test func everyPipelineHasAGoldenFile() {
        for pipeline in Self.pipelines.keys {
            #expect(Self.cases.contains { $0.split(separator: ".")[1] == pipeline }, "no golden file for \(pipeline)")
        }
    }

    @Test(arguments: cases)
    func pipelineOutputEqualsGoldenFile(expectedName: String) throws {
        let parts = expectedName.split(separator: ".")
        let input = TestSupport.corpus("golden/input/\(parts[0]).txt")
        let expectedURL = TestSupport.corpus("golden/expected/\(expectedName)")
        let result = try TestSupport.run(Array(try Data(contentsOf: input)), stages: try Self.pipelines[String(parts[1])]!())
        if ProcessInfo.processInfo.environment["QINGXI_RECORD"] == "1" {
            try result.output.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(result.output == expected, "\(expectedName) differs; re-record with QINGXI_RECORD=1 and review git diff")
    }
}
