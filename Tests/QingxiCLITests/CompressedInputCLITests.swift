import Foundation
@testable import QingxiCore
import Testing

/// Compressed input to the filters and `index` (docs/robustness.md, "Compressed input"): gzip is inflated, from a
/// file or standard input; zstd, bzip2 and xz are recognised by their magic bytes and refused (exit 1, the input
/// named, the others processed); a truncated gzip keeps the lines before the damage and names the line. Never
/// are compressed bytes read as text.
@Suite struct CompressedInputCLITests {
    static let records = #"{"id":"a","text":"清河縣召開會議。"}"# + "\n" + #"{"id":"b","text":"第二篇報道。"}"# + "\n"

    /// The first bytes of each refused format (enough for `Compression.detect`), followed by junk.
    static let magics: [(String, [UInt8])] = [
        ("zstd", [0x28, 0xB5, 0x2F, 0xFD, 0x04, 0x58, 0x00, 0x00, 0x00, 0x00]),
        ("bzip2", Array("BZh9".utf8) + [0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 0x00]),
        ("xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00, 0x04, 0xE6, 0xD6]),
    ]

    func temporaryFile(_ bytes: [UInt8], suffix: String) throws -> String {
        let path = NSTemporaryDirectory() + "qx-compressed-\(UUID().uuidString)\(suffix)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func gzipIsInflatedForEveryFilterFromFilesAndStdin() throws {
        let gz = try GzipCompressor().member(Array(Self.records.utf8))
        let path = try temporaryFile(gz, suffix: ".jsonl.gz")
        defer { try? FileManager.default.removeItem(atPath: path) }
        for command in [["clean"], ["strip"], ["dedup"], ["keywords"], ["convert", "--to", "hans"]] {
            let plain = try CLIRunner.run(command, stdin: Self.records)
            let fromFile = try CLIRunner.run(command + [path])
            let fromStdin = try CLIRunner.run(command, stdin: Data(gz))
            #expect(fromFile.status == 0 && fromStdin.status == 0, "\(command): \(fromFile.stderr)")
            #expect(fromFile.stdout == plain.stdout, "\(command)")
            #expect(fromStdin.stdout == plain.stdout, "\(command)")
            #expect(fromFile.stderr.isEmpty && fromStdin.stderr.isEmpty, "\(command): \(fromStdin.stderr)")
        }
        let text = try CLIRunner.run(["convert", "--to", "hans"], stdin: Data(try GzipCompressor().member(Array("臺灣\n".utf8))))
        #expect(text.text == "台湾\n")  // plain text through the byte-level converter, too
    }

    @Test func zstdBzip2AndXzAreRefusedNamingTheInput() throws {
        let good = try temporaryFile(Array(Self.records.utf8), suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(atPath: good) }
        for (name, magic) in Self.magics {
            let bad = try temporaryFile(magic, suffix: ".jsonl.\(name)")
            defer { try? FileManager.default.removeItem(atPath: bad) }
            let r = try CLIRunner.run(["clean", bad, good])
            #expect(r.status == 1)
            #expect(r.stderr.contains("\(bad): error: \(name)-compressed data (by its magic bytes)"), "\(r.stderr)")
            #expect(r.stderr.contains("input skipped"))
            #expect(!r.stderr.contains("invalid UTF-8"))
            #expect(r.text.split(separator: "\n").count == 2)  // the other input was processed
            let stdin = try CLIRunner.run(["strip"], stdin: Data(magic))
            #expect(stdin.status == 1 && stdin.text.isEmpty)
            #expect(stdin.stderr.contains("<stdin>: error: \(name)-compressed data"))
        }
    }

    @Test func truncatedGzipKeepsTheLinesBeforeTheDamage() throws {
        let lines = (1...2000).map { #"{"id":"\#($0)","text":"第\#($0)篇報道，內容各不相同：\#($0 * 7919)。"}"# + "\n" }
        let gz = try GzipCompressor().member(Array(lines.joined().utf8))
        let r = try CLIRunner.run(["convert", "--to", "hans"], stdin: Data(gz[..<(gz.count / 2)]))
        #expect(r.status == 1)
        let kept = r.text.split(separator: "\n")
        #expect(kept.count > 100 && kept.count < 2000)
        #expect(r.stderr.contains("<stdin>:\(kept.count + 1): error: gzip data: truncated after"), "\(r.stderr)")
        #expect(r.stderr.contains("the \(kept.count) line(s) before it were read"))
    }

    @Test func indexReadsGzipAndRefusesZstd() throws {
        let db = NSTemporaryDirectory() + "qx-compressed-\(UUID().uuidString).sqlite"
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + s) } }
        let gz = try temporaryFile(try GzipCompressor().member(Array(Self.records.utf8)), suffix: ".jsonl.gz")
        let zst = try temporaryFile(Self.magics[0].1, suffix: ".jsonl.zst")
        defer { for p in [gz, zst] { try? FileManager.default.removeItem(atPath: p) } }
        let index = try CLIRunner.run(["index", "--db", db, gz])
        #expect(index.status == 0, "\(index.stderr)")
        #expect(index.stderr.contains("2 added"))
        let refused = try CLIRunner.run(["index", "--db", db, zst])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("zstd-compressed data"))
    }
}
