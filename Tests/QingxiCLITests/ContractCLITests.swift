import Foundation
@testable import QingxiCore
import Testing

/// The smaller command-line contracts of issue 16 (docs/robustness.md, "Smaller contracts"): `--version`;
/// usage errors for an unknown `--encoding` and an `--expected` no machine holds; `search` exits 1 without hits
/// and refuses oversized queries; a read-only index is searchable; `batch -` reads standard input; escaped lone
/// surrogates are warned about like invalid UTF-8.
@Suite struct ContractCLITests {
    static let archive = "corpus/index/news-archive.jsonl"

    @Test func versionIsPrinted() throws {
        let r = try CLIRunner.run(["--version"])
        #expect(r.status == 0)
        #expect(r.text.hasPrefix("qingxi "))
    }

    @Test func unknownEncodingAndHugeExpectedAreUsageErrors() throws {
        for command in [["clean"], ["batch", "-", "--out", NSTemporaryDirectory() + "qx-never-\(UUID().uuidString)"]] {
            let r = try CLIRunner.run(command + ["--encoding", "x-unknown"], stdin: "")
            #expect(r.status == 2, "\(command)")
            #expect(r.stderr.contains("--encoding x-unknown: not a charset ICU knows"), "\(r.stderr)")
        }
        let huge = try CLIRunner.run(["dedup", "--scope", "stream", "--expected", "1000000000000000000"], stdin: "甲\n")
        #expect(huge.status == 2)
        #expect(huge.stderr.contains("--expected 1000000000000000000 needs about"))
        let bloom = try CLIRunner.run(["dedup", "--bloom", "0.001", "--expected", "100000000000000"], stdin: "甲\n")
        #expect(bloom.status == 2 && bloom.stderr.contains("for the Bloom filter"))
    }

    @Test func searchExitsOneWithoutHitsAndCapsQueries() throws {
        let db = NSTemporaryDirectory() + "qx-contract-\(UUID().uuidString).sqlite"
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + s) } }
        #expect(try CLIRunner.run(["index", "--db", db, Self.archive]).status == 0)
        #expect(try CLIRunner.run(["search", "--db", db, "河长制"]).status == 0)
        let none = try CLIRunner.run(["search", "--db", db, "碳达峰"])
        #expect(none.status == 1 && none.text.isEmpty)
        #expect(try CLIRunner.run(["search", "--db", db, "--queries", "-"], stdin: "碳达峰\n河长制\n").status == 0)
        #expect(try CLIRunner.run(["search", "--db", db, "--queries", "-"], stdin: "碳达峰\n").status == 1)
        let long = try CLIRunner.run(["search", "--db", db, String(repeating: "河", count: 1_001)])
        #expect(long.status == 2)
        #expect(long.stderr.contains("query of 1001 characters and 1 word(s): at most 1000 characters and 64 words"))
        let words = try CLIRunner.run(["search", "--db", db, "--queries", "-"], stdin: "河长制\n" + Array(repeating: "河", count: 65).joined(separator: " ") + "\n")
        #expect(words.status == 2 && words.stderr.contains("<stdin>: query 2: query of"))
    }

    @Test func aReadOnlyIndexIsSearchable() throws {
        let folder = NSTemporaryDirectory() + "qx-readonly-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer {
            chmod(folder, 0o755)
            try? FileManager.default.removeItem(atPath: folder)
        }
        let db = folder + "/index.sqlite"
        #expect(try CLIRunner.run(["index", "--db", db, Self.archive]).status == 0)
        chmod(db, 0o444)
        chmod(folder, 0o555)
        // Root may write anything: search as an unprivileged user then (runuser), else as ourselves.
        let asUser = getuid() == 0 ? "/usr/sbin/runuser -u nobody -- " : ""
        guard getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else { return }
        let r = try CLIRunner.shell("\(asUser)\"$QX\" search --db '\(db)' 河长制; echo \"exit $?\"")
        #expect(r.text.contains("河长制") && r.text.hasSuffix("exit 0\n"), "\(r.text)")
        #expect(!FileManager.default.fileExists(atPath: db + "-shm"))
        #expect(SearchIndexStore.writable(db) == (getuid() == 0))
    }

    @Test func batchReadsStandardInput() throws {
        let out = NSTemporaryDirectory() + "qx-batch-stdin-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let records = #"{"id":"a","text":"臺灣記者報導。"}"# + "\n" + #"{"text":"無編號的文章。"}"# + "\n"
        let r = try CLIRunner.run(["batch", "-", "--out", out, "--to", "hans", "--stages", "convert"],
                                  stdin: Data(try GzipCompressor().member(Array(records.utf8))))
        #expect(r.status == 0, "\(r.stderr)")
        let shard = try CLIRunner.run(["convert", "--to", "hans", out + "/part-00000.jsonl.gz"])
        #expect(shard.text == #"{"id":"a","text":"台湾记者报导。"}"# + "\n" + #"{"id":"<stdin>:2","text":"无编号的文章。"}"# + "\n")
        let resume = try CLIRunner.run(["batch", "-", "--out", out, "--resume"], stdin: records)
        #expect(resume.status == 2 && resume.stderr.contains("standard input cannot be read again"))
    }

    @Test func loneSurrogatesAreWarnedAboutLikeInvalidUTF8() throws {
        let input = #"{"text":"甲\ud800乙"}"# + "\n" + #"{"text":"\ud83d\ude00好"}"# + "\n"
        let r = try CLIRunner.run(["convert", "--to", "hans"], stdin: input)
        #expect(r.status == 0)
        #expect(r.text.contains("甲\u{FFFD}乙") && r.text.contains("😀好"))
        #expect(r.stderr.contains(#"<stdin>:1: warning: 1 lone surrogate escape(s) (\ud800–\udfff without its pair) in the text, replaced with U+FFFD"#))
        #expect(!r.stderr.contains("<stdin>:2"))
        #expect(r.stderr.contains("1 record(s) with lone surrogate escapes repaired with U+FFFD"))
        let strict = try CLIRunner.run(["convert", "--to", "hans", "--strict"], stdin: input)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("<stdin>:1: error: 1 lone surrogate escape(s)"))
    }
}
