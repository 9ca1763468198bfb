import Foundation
import Testing
@testable import QingxiCore

/// The four guarantees of README "Guarantees", as properties of every stage and of `clean`, over inputs from
/// `ArticleGenerator` (both scripts, boilerplate, exact and cross-script duplicates, junk bytes, CR/CRLF):
///
/// - conservation: every input paragraph is emitted or recorded as removed, with the stage and a reason;
/// - idempotence: running the stage (or `clean`) on its own output changes nothing;
/// - determinism: the same input and options give byte-identical output and messages;
/// - chunk invariance: reading the input whole, in small reads or byte by byte gives the same output.
///
/// StreamingTests, StripFixtureTests and CleanPipelineTests hold the same properties on hand-written
/// fixtures; these add generated input. Seeds are fixed, so a failure names its seed and reproduces.
@Suite struct PipelinePropertyTests {
    /// One single-stage command (or `clean`) as a named chain.
    struct Chain: CustomTestStringConvertible, Sendable {
        let name: String
        let stages: [CleanStage]
        var target = CleanOptions.Target.hans
        var scope = DedupOptions.Scope.article
        var testDescription: String { name }

        /// The chain for one run. Every stage but dedup keeps nothing from one article to the next, so one
        /// instance per thread serves all runs (building the keyword stage takes over a second in a debug build;
        /// hidden state carried between runs would show up as a determinism failure). Dedup is built fresh for
        /// every run, as CleanPipeline builds it, from a shared script fold: stream scope remembers paragraphs
        /// across articles.
        func make() throws -> [Stage] {
            try stages.flatMap { stage -> [Stage] in
                guard stage == .dedup else { return try reused(stage) }
                var options = DedupOptions()
                options.scope = scope
                return [try ParagraphDeduplicator(options: options, fold: try Self.fold())]
            }
        }

        private static func fold() throws -> ParagraphKeyMaker.ScriptFold {
            let key = "qingxi.PipelinePropertyTests.fold"
            if let shared = Thread.current.threadDictionary[key] as? ParagraphKeyMaker.ScriptFold { return shared }
            let made = ParagraphKeyMaker.ScriptFold.table(try .icuTraditionalToSimplified())
            Thread.current.threadDictionary[key] = made
            return made
        }

        private func build(_ stage: CleanStage) throws -> [Stage] {
            var options = CleanOptions()
            options.stages = [stage]
            options.target = target
            options.dedup.scope = scope
            return try CleanPipeline.stages(options)
        }

        private func reused(_ stage: CleanStage) throws -> [Stage] {
            let key = "qingxi.PipelinePropertyTests.\(stage).\(target)"
            if let shared = Thread.current.threadDictionary[key] as? [Stage] { return shared }
            let made = try build(stage)
            Thread.current.threadDictionary[key] = made
            return made
        }
    }

    static let chains: [Chain] = [
        Chain(name: "convert hans", stages: [.convert]),
        Chain(name: "convert hant", stages: [.convert], target: .hant),
        Chain(name: "strip", stages: [.strip]),
        Chain(name: "dedup", stages: [.dedup]),
        Chain(name: "dedup stream", stages: [.dedup], scope: .stream),
        Chain(name: "keywords", stages: [.keywords]),
        Chain(name: "clean", stages: CleanStage.allCases),
        Chain(name: "clean hant stream", stages: CleanStage.allCases, target: .hant, scope: .stream),
    ]
    static let seeds: [UInt64] = [1, 2, 3]

    @Test(arguments: chains)
    func everyParagraphIsKeptOrExplained(chain: Chain) throws {
        for seed in Self.seeds {
            var generator = ArticleGenerator(seed: seed, junk: true)
            let stageChain = StageChain(try chain.make())
            for index in 0..<4 {
                let lines = generator.article().map { String(decoding: $0, as: UTF8.self) }
                let article = Article(id: "s\(seed)a\(index)", file: "gen", line: 1)
                article.tracing = true
                var kept: [Int] = []
                try stageChain.begin(article)
                for (i, text) in lines.enumerated() {
                    try stageChain.process(Paragraph(text: text, number: i + 1, line: i + 1), of: article) { kept.append($0.number) }
                }
                try stageChain.end(article) { kept.append($0.number) }
                let removed = article.removed.map(\.paragraph)
                #expect(Set(kept).union(removed) == Set(1...lines.count),
                        "seed \(seed) article \(index): kept \(kept) removed \(removed) of \(lines.count)")
                #expect(kept == kept.sorted() && Set(kept).count == kept.count, "seed \(seed): order or repeats \(kept)")
                #expect(article.removed.allSatisfy { !$0.stage.isEmpty && !$0.reason.isEmpty })
            }
            try stageChain.finish()
        }
    }

    @Test(arguments: chains)
    func runningOnItsOwnOutputChangesNothing(chain: Chain) throws {
        for seed in Self.seeds {
            var generator = ArticleGenerator(seed: seed, junk: true)
            let once = try TestSupport.run(generator.plainText(articles: 4), stages: try chain.make()).output
            let twice = try TestSupport.run(once, stages: try chain.make())
            #expect(twice.output == once, "seed \(seed)")
            var records = ArticleGenerator(seed: seed)
            let jsonOnce = try TestSupport.run(records.jsonLines(articles: 4), stages: try chain.make()).output
            #expect(try TestSupport.run(jsonOnce, stages: try chain.make()).output == jsonOnce, "seed \(seed) JSONL")
        }
    }

    @Test(arguments: chains)
    func sameInputGivesTheSameBytesWhateverTheReadSize(chain: Chain) throws {
        for seed in Self.seeds {
            var generator = ArticleGenerator(seed: seed, junk: true)
            let text = generator.plainText(articles: 3)
            let jsonl = generator.jsonLines(articles: 3)
            var explain = RecordOptions()
            explain.explain = true
            for (input, options) in [(text, RecordOptions()), (text, explain), (jsonl, explain)] {
                let reference = try TestSupport.run(input, stages: try chain.make(), options: options)
                for readSize in [1 << 16, 1, 3, 17] {
                    let again = try TestSupport.run(input, stages: try chain.make(), options: options, readSize: readSize)
                    #expect(again.output == reference.output, "seed \(seed) read size \(readSize)")
                    #expect(again.messages == reference.messages, "seed \(seed) read size \(readSize)")
                }
            }
        }
    }
}
