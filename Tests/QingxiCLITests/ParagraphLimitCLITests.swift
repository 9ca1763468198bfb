import Foundation
import Testing
import QingxiCore

/// The limit of paragraphs per article (`Paragraph.maxPerArticle`, docs/robustness.md "Memory bounds"): the
/// mechanism that keeps memory bounded for records made of line breaks. Plain text past the limit continues as
/// a new article (every line still written, one warning per break); a JSONL record or a batch article past it
/// is refused with a message, as a malformed record is. Peak RSS is measured by `scripts/check-hostile --big`,
/// not here (it depends on the machine).
@Suite struct ParagraphLimitCLITests {
    static let limit = Paragraph.maxPerArticle
    /// 甲, then `limit` empty lines, then 乙: `limit + 2` lines, one more than an article may hold.
    static let overLimit = "甲\n" + String(repeating: "\n", count: limit) + "乙\n"

    @Test(arguments: ["clean", "strip", "dedup", "keywords"])
    func plainTextPastTheLimitContinuesAsANewArticle(command: String) throws {
        let r = try CLIRunner.run([command], stdin: Self.overLimit)
        #expect(r.status == 0)
        #expect(r.stderr.contains("<stdin>:\(Self.limit + 1): warning: article of more than \(Self.limit) lines"))
        #expect(r.text.contains("\u{0C}\n"))  // the article break the limit made
        guard command != "keywords" else { return }  // its text output is the keywords, one line per article
        #expect(r.text.hasPrefix("甲\n") && r.text.hasSuffix("乙\n"))  // nothing lost at either end
    }

    @Test func plainTextUnderTheLimitIsOneArticle() throws {
        let input = "甲\n" + String(repeating: "\n", count: Self.limit - 2) + "乙\n"
        let r = try CLIRunner.run(["strip"], stdin: input)
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(!r.text.contains("\u{0C}"))
    }

    static func record(_ id: String, _ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\n", with: "\\n")
        return "{\"id\":\"\(id)\",\"text\":\"\(escaped)\"}\n"
    }

    @Test func jsonRecordPastTheLimitEndsTheRunOrIsSetAside() throws {
        let input = Self.record("big", Self.overLimit) + Self.record("ok", "会议强调，要压实各级林长责任。")
        let failed = try CLIRunner.run(["clean"], stdin: input)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("<stdin>:1: error: text of more than \(Self.limit) lines, over the limit of paragraphs per article"))
        let rejects = NSTemporaryDirectory() + "qx-limit-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: rejects) }
        let skipped = try CLIRunner.run(["clean", "--on-error", "skip", "--rejects", rejects], stdin: input)
        #expect(skipped.status == 0)
        #expect(skipped.text.contains("\"id\":\"ok\"") && !skipped.text.contains("\"id\":\"big\""))
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == Self.record("big", Self.overLimit))
    }

    @Test func batchRefusesAnArticlePastTheLimitAndCountsItOnce() throws {
        let dir = NSTemporaryDirectory() + "qx-limit-batch-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try (Self.record("big", Self.overLimit) + Self.record("ok", "会议强调。")).write(toFile: dir + "/in/a.jsonl",
                                                                                    atomically: true, encoding: .utf8)
        try Self.overLimit.write(toFile: dir + "/in/t.txt", atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["batch", dir + "/in", "--out", dir + "/out", "--jobs", "1"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("a.jsonl:1: text of more than \(Self.limit) lines"))
        #expect(r.stderr.contains("t.txt: text of more than \(Self.limit) lines"))
        #expect(r.stderr.contains("1 articles in, 1 out"))
        #expect(r.stderr.contains("rejects: 2 (oversized 2)"))
    }

    @Test func splitStopsOneParagraphPastItsLimit() {
        let bytes = Array(String(repeating: "\n", count: 50).utf8)
        let capped = bytes.withUnsafeBufferPointer { Paragraph.split($0, line: 1, limit: 10) }
        #expect(capped.count == 11)
        let whole = bytes.withUnsafeBufferPointer { Paragraph.split($0, line: 1) }
        #expect(whole.count == 51)
    }
}
