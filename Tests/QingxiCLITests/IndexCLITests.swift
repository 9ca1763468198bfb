import Foundation
import QingxiCore
import Testing

/// `qingxi index`, `qingxi search` and `clean --format` through the binary: output, exit codes (0 ok; 1 bad
/// data or a damaged database; 2 usage, a non-qingxi, missing or locked database), and a killed index run.
@Suite struct IndexCLITests {
    static let archive = "corpus/index/news-archive.jsonl"

    func temporaryDatabase() -> String { NSTemporaryDirectory() + "qx-cli-index-\(UUID().uuidString).sqlite" }

    func remove(_ database: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
    }

    func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
    }

    @Test func indexThenSearchInBothScripts() throws {
        let db = temporaryDatabase()
        defer { remove(db) }
        let index = try CLIRunner.run(["index", "--db", db, Self.archive])
        #expect(index.status == 0, "\(index.stderr)")
        #expect(index.stderr.contains("6 added, 0 updated, 0 unchanged"))
        let hant = try CLIRunner.run(["search", "--db", db, "--json", "河長制"])
        #expect(hant.status == 0)
        let hits = try jsonLines(hant.text)
        #expect(Set(hits.compactMap { $0["id"] as? String }) == ["hz-001", "tw-002", "hz-005"])
        #expect(hits.allSatisfy { ($0["snippet"] as? String)?.contains("**河长制**") == true })
        #expect((hits.first?["meta"] as? [String: Any])?.keys.sorted() == ["date", "editor", "reporter", "source"])
        let hans = try CLIRunner.run(["search", "--db", db, "河长制", "--limit", "1", "--mark", "<b>,</b>"])
        #expect(hans.text.hasPrefix("1. "))
        #expect(hans.text.contains("<b>河长制</b>"))
        let again = try CLIRunner.run(["index", "--db", db, Self.archive])
        #expect(again.stderr.contains("0 added, 0 updated, 6 unchanged"))
        #expect(again.stderr.contains("6 article(s) in"))
    }

    @Test func searchFiltersAndQueriesFromStandardInput() throws {
        let db = temporaryDatabase()
        defer { remove(db) }
        #expect(try CLIRunner.run(["index", "--db", db, "--quiet", Self.archive]).status == 0)
        let filtered = try CLIRunner.run(["search", "--db", db, "--json", "--source", "新華社", "--collapse", "河长制"])
        #expect(try jsonLines(filtered.text).count == 1)
        let keyword = try CLIRunner.run(["search", "--db", db, "--json", "--keyword", "清河縣林長巡林制度", "会议"])
        #expect(try jsonLines(keyword.text).compactMap { $0["id"] as? String } == ["lz-006"])
        let many = try CLIRunner.run(["search", "--db", db, "--json", "--queries", "-"], stdin: "村长\n\n乡村振兴\n")
        #expect(try jsonLines(many.text).map { "\($0["query"] ?? "")=\($0["id"] ?? "")" } == ["村长=mix-004", "乡村振兴=xc-003"])
        let none = try CLIRunner.run(["search", "--db", db, "碳达峰"])
        #expect(none.status == 1 && none.text.isEmpty && none.stderr.contains("no article matches"))  // grep's convention
    }

    @Test func cleanWritesElasticsearchBulkLines() throws {
        let r = try CLIRunner.run(["clean", "--format", "es-bulk", "--index", "news", Self.archive])
        #expect(r.status == 0)
        let lines = try jsonLines(r.text)
        #expect(lines.count == 12)
        for pair in stride(from: 0, to: lines.count, by: 2) {
            let action = lines[pair]["index"] as? [String: Any]
            #expect(action?["_index"] as? String == "news")
            #expect(action?["_id"] as? String == lines[pair + 1]["id"] as? String)
            #expect(lines[pair + 1]["tokens"] is String && lines[pair + 1]["fingerprint"] is String)
        }
        #expect(try CLIRunner.run(["clean", "--format", "jsonl", "--output-format", "text", Self.archive]).status == 2)
        #expect(try CLIRunner.run(["clean", "--format", "jsonl", "--index", "news", Self.archive]).status == 2)
        #expect(try CLIRunner.run(["clean", "--format", "xml", Self.archive]).status == 2)
    }

    /// `batch --format` writes the records `clean --format` writes, into shards named for the format, the same for
    /// any `--jobs`; it refuses the mirror layout and --explain.
    @Test(arguments: ["jsonl", "es-bulk"]) func batchWritesTheIndexRecordsCleanWrites(format: String) throws {
        let expected = try CLIRunner.run(["clean", "--format", format, "--index", "news", Self.archive].filter { format == "es-bulk" || $0 != "--index" && $0 != "news" })
        #expect(expected.status == 0)
        var shards: [String] = []
        for jobs in ["1", "2"] {
            let out = NSTemporaryDirectory() + "qx-cli-batch-format-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: out) }
            var arguments = ["batch", "--quiet", "--jobs", jobs, "--format", format, "--out", out, Self.archive]
            if format == "es-bulk" { arguments += ["--index", "news"] }
            let run = try CLIRunner.run(arguments)
            #expect(run.status == 0, "\(run.stderr)")
            let name = format == "es-bulk" ? "part-00000.ndjson.gz" : "part-00000.jsonl.gz"
            let unzipped = try CLIRunner.shell("gzip -dc '\(out)/\(name)'")
            #expect(unzipped.status == 0)
            shards.append(unzipped.text)
        }
        #expect(shards[0] == expected.text)
        #expect(shards[1] == expected.text)
        let out = NSTemporaryDirectory() + "qx-cli-batch-format-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(try CLIRunner.run(["batch", "--format", format, "--layout", "mirror", "--out", out, Self.archive]).status == 2)
        #expect(try CLIRunner.run(["batch", "--format", format, "--explain", "--out", out, Self.archive]).status == 2)
    }

    @Test func badDatabasesAndQueriesExitWithDocumentedCodes() throws {
        let missing = temporaryDatabase()
        let r = try CLIRunner.run(["search", "--db", missing, "河长制"])
        #expect(r.status == 2 && r.stderr.contains("no such index"))
        let garbage = temporaryDatabase()
        defer { remove(garbage) }
        try Data(String(repeating: "不是数据库", count: 300).utf8).write(to: URL(fileURLWithPath: garbage))
        let damaged = try CLIRunner.run(["search", "--db", garbage, "河长制"])
        #expect(damaged.status == 1 && damaged.stderr.contains("\(garbage): error: not a usable SQLite database"))
        #expect(try CLIRunner.run(["index", "--db", garbage, Self.archive]).status == 1)
        let other = temporaryDatabase()
        defer { remove(other) }
        try SQLiteDatabase(path: other, mode: .readWriteCreate).execute("CREATE TABLE t (x)")
        let foreign = try CLIRunner.run(["index", "--db", other, Self.archive])
        #expect(foreign.status == 2 && foreign.stderr.contains("not a qingxi index"))
        let db = temporaryDatabase()
        defer { remove(db) }
        #expect(try CLIRunner.run(["index", "--db", db, "--quiet", Self.archive]).status == 0)
        #expect(try CLIRunner.run(["search", "--db", db, ""]).stderr.contains("the query is empty"))
        #expect(try CLIRunner.run(["search", "--db", db]).status == 2)
        #expect(try CLIRunner.run(["search", "--db", db, "，。"]).status == 2)
        let holder = try SQLiteDatabase(path: db, mode: .readWriteCreate)
        try holder.execute("BEGIN IMMEDIATE")
        let locked = try CLIRunner.run(["index", "--db", db, "--busy-timeout", "100", Self.archive])
        #expect(locked.status == 2 && locked.stderr.contains("locked"))
        #expect(try CLIRunner.run(["search", "--db", db, "村长"]).status == 0)  // readers go on (WAL)
        try holder.execute("ROLLBACK")
    }

    @Test func aKilledIndexRunLeavesAConsistentDatabaseThatARerunCompletes() throws {
        let count = 10_000
        let input = NSTemporaryDirectory() + "qx-cli-kill-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: input) }
        let lines = (1...count).map { #"{"id":"k\#($0)","text":"第\#($0)号河段：全面推行河长制，落实巡河责任。"}"# }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: input))
        let db = temporaryDatabase()
        defer { remove(db) }
        // The run kills itself (SIGKILL) right after its third transaction (`CrashPoint`), not after a guessed sleep.
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["index", "--db", db, "--batch-size", "50", "--quiet", input]
        process.environment = ProcessInfo.processInfo.environment.merging(["QINGXI_TEST_KILL_AFTER_COMMIT": "3"]) { $1 }
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        let survivors = try articleCount(db)
        #expect(survivors == 150)
        try SQLiteDatabase(path: db, mode: .readWriteCreate).execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        let rerun = try CLIRunner.run(["index", "--db", db, input])
        #expect(rerun.status == 0)
        #expect(rerun.stderr.contains("\(count - survivors) added, 0 updated, \(survivors) unchanged"))
        #expect(try articleCount(db) == count)
    }

    func articleCount(_ db: String) throws -> Int {
        Int(try SQLiteDatabase(path: db, mode: .readOnly).integer("SELECT count(*) FROM articles") ?? 0)
    }
}
