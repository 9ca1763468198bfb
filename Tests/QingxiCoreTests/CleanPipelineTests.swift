import Foundation
import Testing
@testable import QingxiCore

/// `qingxi clean`: the chain in one process equals the single stages piped one after another, and on an
/// article shaped like the seed it leaves the title, the dateline and the body once, in simplified script.
@Suite struct CleanPipelineTests {
    static let fixture = "golden/input/county-meeting.txt"

    func input() throws -> String { try String(contentsOf: TestSupport.corpus(Self.fixture), encoding: .utf8) }

    /// Runs the stages one at a time, each on the previous one's serialized output.
    func piped(_ input: String, _ stages: [[Stage]], options: RecordOptions = RecordOptions()) throws -> String {
        try stages.reduce(input) { text, stage in try TestSupport.run(text, stages: stage, options: options).output }
    }

    func singleStages(_ options: CleanOptions) throws -> [[Stage]] {
        try CleanStage.allCases.filter(options.stages.contains).map { stage in
            var one = options
            one.stages = [stage]
            return try CleanPipeline.stages(one)
        }
    }

    @Test func plainTextChainEqualsPipedStages() throws {
        var options = CleanOptions()
        options.stages = [.convert, .strip, .dedup]
        for target in CleanOptions.Target.allCases {
            options.target = target
            let chained = try TestSupport.run(try input(), stages: try CleanPipeline.stages(options)).output
            #expect(chained == (try piped(try input(), try singleStages(options))), "target \(target)")
        }
    }

    @Test func jsonLinesChainEqualsPipedStages() throws {
        let article = try input()
        var record: [UInt8] = Array(#"{"id":"a1","site":"清河","text":"#.utf8)
        JSONString.encode(article, into: &record)
        let line = String(decoding: record + Array("}\n".utf8), as: UTF8.self)
        let jsonl = line + line.replacingOccurrences(of: "\"a1\"", with: "\"a2\"")
        var options = CleanOptions()
        options.dedup.scope = .stream
        let chained = try TestSupport.run(jsonl, stages: try CleanPipeline.stages(options)).output
        #expect(chained == (try piped(jsonl, try singleStages(options))))
        #expect(chained.contains(#""keywords":[{"term":"林长制""#))
        #expect(chained.contains(#""editor":"刘晓梅""#))
    }

    @Test func seedShapedArticleComesOutClean() throws {
        let out = try TestSupport.run(try input(), stages: try CleanPipeline.stages(CleanOptions())).output
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.first == "清河县召开2023年度林长制工作推进会")
        #expect(lines[1].hasPrefix("清河融媒11月8日讯(记者 孙晓雯)"))
        #expect(out.components(separatedBy: "周建国指出").count == 2)  // the body once
        for gone in ["摄", "责编", "扫一扫", "公众号", "免责声明", "版权均属"] { #expect(!out.contains(gone), "\(gone)") }
        #expect(out.contains("并讲话") && out.contains("子孙后代") && out.contains("对于失职"))
    }

    @Test func inspectionTermSurvivesConversionToSimplified() throws {
        let out = try TestSupport.run("審議通過了《某市河長制日常監管巡察制度》。\n", stages: try CleanPipeline.stages(CleanOptions())).output
        #expect(out == "审议通过了《某市河长制日常监管巡察制度》。\n")
    }

    @Test func everyInputParagraphIsKeptOrExplained() throws {
        var options = RecordOptions()
        options.explain = true
        options.outputFormat = .jsonl
        let stages = try CleanPipeline.stages(CleanOptions())
        let out = try TestSupport.run(try input(), stages: stages, options: options).output
        let record = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: Any]
        let kept = (record["text"] as! String).split(separator: "\n", omittingEmptySubsequences: false).count
        let removed = ((record["qingxi"] as! [String: Any])["removed"] as! [Any]).count
        #expect(kept + removed == (try input()).split(separator: "\n", omittingEmptySubsequences: false).count - 1)
    }

    @Test func unknownStageIsRejectedByName() throws {
        #expect(CleanStage(rawValue: "stripp") == nil)
    }
}
