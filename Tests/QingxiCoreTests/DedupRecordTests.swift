import Foundation
import Testing
@testable import QingxiCore

/// `dedup` through the real record layer (reader, runner, printers), as the CLI runs it.
@Suite struct DedupRecordTests {
    static func input() throws -> String {
        let meeting = try DedupGoldenTests.read("\(DedupGoldenTests.corpus)/input/dedup-county-meeting.txt")
        let figures = try DedupGoldenTests.read("\(DedupGoldenTests.corpus)/input/dedup-figures.txt")
        let near = DedupNearArticleTests.article(3)
        return meeting + "\u{0C}\n" + figures + "\u{0C}\n" + meeting.replacingOccurrences(of: "县", with: "縣")
            + "\u{0C}\n" + near.joined(separator: "\n") + "\n\u{0C}\n" + (near + ["（本报记者 宋雨桐）"]).joined(separator: "\n") + "\n"
    }

    static func stage(_ configure: (inout DedupOptions) -> Void = { _ in }) throws -> ParagraphDeduplicator {
        var options = DedupOptions()
        options.scope = .stream
        options.nearArticles = 0.8
        configure(&options)
        return try ParagraphDeduplicator(options: options, fold: try DedupHarness.cliFold)
    }

    @Test(arguments: [1, 2, 7, 1 << 16])
    func byteByByteFeedingGivesTheWholeInputResult(readSize: Int) throws {
        var options = RecordOptions()
        options.explain = true
        let whole = try TestSupport.run(try Self.input(), stages: [try Self.stage()], options: options)
        let fed = try TestSupport.run(try Self.input(), stages: [try Self.stage()], options: options, readSize: readSize)
        #expect(fed.output == whole.output)
        #expect(fed.messages == whole.messages)
    }

    @Test func everyRemovedParagraphIsExplained() throws {
        var options = RecordOptions()
        options.explain = true
        let input = try Self.input()
        let result = try TestSupport.run(input, stages: [try Self.stage()], options: options)
        let explained = result.messages.split(separator: "\n").filter { $0.contains(": dedup: removed ¶") }
        let inputLines = input.split(separator: "\n", omittingEmptySubsequences: false).filter { $0 != "\u{0C}" }.count - 1
        let outputLines = result.output.split(separator: "\n", omittingEmptySubsequences: false).filter { $0 != "\u{0C}" }.count - 1
        #expect(explained.count == inputLines - outputLines)
        #expect(explained.contains { $0.contains("(seen in article INPUT)") })
        #expect(explained.contains { $0.contains("(near-duplicate article of INPUT#4 (") })
    }

    @Test func jsonLinesMarksANearDuplicateArticleAndListsRemovals() throws {
        let near = DedupNearArticleTests.article(4)
        func record(_ id: String, _ lines: [String]) -> String {
            let text = String(decoding: JSONValue.string(lines.joined(separator: "\n")).encoded(), as: UTF8.self)
            return #"{"id":"\#(id)","text":\#(text)}"#
        }
        let input = [record("a", near), record("b", near + ["（本报记者 宋雨桐）"]), record("c", ["此外，县里还将组织专家对全县病险水库开展一次拉网式排查。", "此外，县里还将组织专家对全县病险水库开展一次拉网式排查。"])].joined(separator: "\n") + "\n"
        var options = RecordOptions()
        options.explain = true
        let result = try TestSupport.run(input, stages: [try Self.stage { $0.nearArticleAction = .mark }], options: options)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1].contains(#""duplicate_of":{"article":"a","similarity":"#))
        #expect(lines[1].contains(#""reason":"seen in article a""#))
        #expect(lines[2].contains(#""reason":"duplicate of ¶1""#))
        #expect(!lines[0].contains("duplicate_of"))
    }
}
