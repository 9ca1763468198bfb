import Foundation
import Testing

/// Repeated article ids where ids must be unique (docs/robustness.md, "Duplicate ids"): `--emit-keys`, `--drop`,
/// `index` and `--format es-bulk` stop with exit 1 naming both records, unless `--on-duplicate-id keep-first`
/// (later records skipped, warned, counted) or `rename` (`ID#2`, the same in both dedup passes). An ambiguous
/// drop list (one occurrence listed with two keys) is refused: nothing is blanked by it.
@Suite struct DuplicateIDCLITests {
    static let shared = "会议强调，要压实各级林长责任，确保工作落实到位。"
    static let input = [
        #"{"id":"x","text":"\#(shared)"}"#,
        #"{"id":"y","text":"第二篇文章的内容完全不同，讲的是别的事情。"}"#,
        #"{"id":"x","text":"\#(shared)\n另一段落的内容也很长，和第一篇并不相同。"}"#,
    ].joined(separator: "\n") + "\n"

    func temporary(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "qx-dupid-\(UUID().uuidString)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func emitKeysStopsNamingBothRecords() throws {
        let r = try CLIRunner.run(["dedup", "--emit-keys"], stdin: Self.input)
        #expect(r.status == 1)
        #expect(r.stderr.contains(#"<stdin>:3: error: id "x" repeats the article at <stdin>:1; --emit-keys needs unique ids"#), "\(r.stderr)")
        #expect(r.stderr.contains("--on-duplicate-id keep-first|rename"))
    }

    @Test func keepFirstSkipsAndRenameRenames() throws {
        let kept = try CLIRunner.run(["dedup", "--emit-keys", "--on-duplicate-id", "keep-first"], stdin: Self.input)
        #expect(kept.status == 0)
        #expect(kept.text.split(separator: "\n").map { $0.split(separator: "\t")[1] } == ["x", "y"])
        #expect(kept.stderr.contains(#"<stdin>:3: warning: id "x" repeats the article at <stdin>:1; record skipped"#))
        #expect(kept.stderr.contains("1 record(s) with a repeated id skipped"))
        let renamed = try CLIRunner.run(["dedup", "--emit-keys", "--on-duplicate-id", "rename"], stdin: Self.input)
        #expect(renamed.status == 0)
        #expect(renamed.text.split(separator: "\n").map { $0.split(separator: "\t")[1] } == ["x", "y", "x#2", "x#2"])
        #expect(renamed.stderr.contains(#"renamed "x#2" (--on-duplicate-id rename)"#))
    }

    @Test func dropWithRenameRemovesOnlyTheRepeatAndNeverBlanksAnArticle() throws {
        let file = try temporary(Self.input)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let failed = try CLIRunner.run(["dedup", "--drop", "/dev/null", file])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains(#"\#(file):3: error: id "x" repeats the article at \#(file):1; --drop needs unique ids"#))
        // Pass 1 with rename, the group-by (the second occurrence of each key), pass 2 with the same policy.
        let keys = try CLIRunner.run(["dedup", "--emit-keys", "--on-duplicate-id", "rename", file])
        var firstSeen: Set<Substring> = []
        let repeats = keys.text.split(separator: "\n").filter { !firstSeen.insert($0.split(separator: "\t")[0]).inserted }
        #expect(repeats.count == 1 && repeats[0].hasSuffix("\tx#2\t1"))
        let list = try temporary(repeats.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(atPath: list) }
        let dropped = try CLIRunner.run(["dedup", "--drop", list, "--on-duplicate-id", "rename", file])
        #expect(dropped.status == 0, "\(dropped.stderr)")
        let texts = try dropped.text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }.map { $0["text"] as? String ?? "?" }
        #expect(texts == [Self.shared, "第二篇文章的内容完全不同，讲的是别的事情。", "另一段落的内容也很长，和第一篇并不相同。"])
    }

    @Test func anAmbiguousDropListIsRefused() throws {
        let keys = try CLIRunner.run(["dedup", "--emit-keys", "--on-duplicate-id", "keep-first"], stdin: Self.input)
        let line = keys.text.split(separator: "\n")[0]  // key<TAB>x<TAB>1
        let other = String(repeating: "0", count: 32) + "\tx\t1"
        let list = try temporary("\(line)\n\(other)\n")
        defer { try? FileManager.default.removeItem(atPath: list) }
        let r = try CLIRunner.run(["dedup", "--drop", list], stdin: #"{"id":"x","text":"\#(Self.shared)"}"# + "\n")
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(list):2: error: article x ¶1 is listed at line 1 with another key: the list is ambiguous"))
        #expect(r.text.isEmpty)
    }

    @Test func indexAndEsBulkStopOnARepeatedID() throws {
        let db = NSTemporaryDirectory() + "qx-dupid-\(UUID().uuidString).sqlite"
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + s) } }
        let index = try CLIRunner.run(["index", "--db", db], stdin: Self.input)
        #expect(index.status == 1)
        #expect(index.stderr.contains(#"<stdin>:3: error: id "x" repeats the article at <stdin>:1; index needs unique ids"#))
        let renamed = try CLIRunner.run(["index", "--db", db, "--on-duplicate-id", "rename"], stdin: Self.input)
        #expect(renamed.status == 0)
        #expect(renamed.stderr.contains("3 article(s) in"))
        let bulk = try CLIRunner.run(["clean", "--format", "es-bulk"], stdin: Self.input)
        #expect(bulk.status == 1)
        #expect(bulk.stderr.contains("--format es-bulk needs unique ids"))
        let jsonl = try CLIRunner.run(["clean", "--format", "jsonl"], stdin: Self.input)
        #expect(jsonl.status == 0)  // plain records: ids are the user's business
    }
}

/// `batch --format es-bulk` over inputs that share an id: the later record is rejected naming both (batch goes
/// on past bad records), exit 1, whatever `--jobs`.
@Suite struct BatchDuplicateIDCLITests {
    @Test func esBulkShardsStopAtARepeatedID() throws {
        let dir = NSTemporaryDirectory() + "qx-batch-dupid-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try (#"{"id":"x","text":"會議強調，要壓實各級林長責任。"}"# + "\n").write(toFile: dir + "/in/a.jsonl", atomically: true, encoding: .utf8)
        try (#"{"id":"y","text":"第二篇。"}"# + "\n" + #"{"id":"x","text":"另一篇文章。"}"# + "\n")
            .write(toFile: dir + "/in/b.jsonl", atomically: true, encoding: .utf8)
        for jobs in ["1", "2"] {
            let r = try CLIRunner.run(["batch", dir + "/in", "--out", dir + "/out" + jobs, "--format", "es-bulk", "--jobs", jobs])
            #expect(r.status == 1)
            #expect(r.stderr.contains(#"b.jsonl:2: id "x" repeats the article at a.jsonl:1; --format es-bulk needs unique ids"#), "\(r.stderr)")
            #expect(r.stderr.contains("2 articles in, 2 out") || r.stderr.contains("3 articles in, 2 out"), "\(r.stderr)")
        }
        let jsonl = try CLIRunner.run(["batch", dir + "/in", "--out", dir + "/out3", "--format", "jsonl", "--quiet"])
        #expect(jsonl.status == 0)
    }
}
