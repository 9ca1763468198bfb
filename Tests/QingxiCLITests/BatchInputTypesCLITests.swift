import Foundation
@testable import QingxiCore
import Testing

/// What `qingxi batch` reads and what it skips (docs/robustness.md, "Files batch does not read"): the common
/// JSONL spellings (`.ndjson`, `.json.gz`, `.ndjson.gz`) are read; gzip under any name is inflated; every
/// skipped file is named on stderr, in `OUT/rejects/` and in `--report`, and makes the run exit 1 unless
/// `--skip-unknown`; a report that cannot be written is exit 2.
@Suite struct BatchInputTypesCLITests {
    static let record = #"{"id":"ID","text":"縣政府今天召開會議，討論河道治理。"}"# + "\n"

    func records(_ id: String) -> [UInt8] { Array(Self.record.replacingOccurrences(of: "ID", with: id).utf8) }

    func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "qx-batch-types-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        return dir
    }

    func write(_ bytes: [UInt8], _ path: String) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

    func ids(inShardsOf out: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("part-") }.sorted()
        var ids: [String] = []
        for name in names {
            let r = try CLIRunner.run(["convert", "--to", "hans", out + "/" + name])  // the filters inflate gzip
            for line in r.text.split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                ids.append(object?["id"] as? String ?? "?")
            }
        }
        return ids
    }

    @Test func commonJSONLSpellingsAreReadAndGzipIsFoundByContent() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write(records("nd"), dir + "/in/a.ndjson")
        try write(try GzipCompressor().member(records("dolma")), dir + "/in/b.json.gz")
        try write(try GzipCompressor().member(records("ndgz")), dir + "/in/c.ndjson.gz")
        try write(try GzipCompressor().member(records("misnamed")), dir + "/in/d.jsonl")  // gzip under a plain name
        let r = try CLIRunner.run(["batch", dir + "/in", "--out", dir + "/out", "--jobs", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try ids(inShardsOf: dir + "/out") == ["nd", "dolma", "ndgz", "misnamed"])
    }

    @Test func skippedFilesAreNamedAndFailTheRunUnlessSkipUnknown() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write(records("ok"), dir + "/in/a.jsonl")
        try write([0x28, 0xB5, 0x2F, 0xFD, 0, 0, 0, 0], dir + "/in/b.jsonl.zst")
        try write(Array("notes".utf8), dir + "/in/c.doc")
        let report = dir + "/report.json"
        let r = try CLIRunner.run(["batch", dir + "/in", "--out", dir + "/out", "--report", report])
        #expect(r.status == 1)
        #expect(r.stderr.contains("qingxi: b.jsonl.zst: zstd-compressed; batch reads gzip (.jsonl.gz) only: decompress it first (skipped)"))
        #expect(r.stderr.contains("qingxi: c.doc: not a file batch reads ("))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        let skipped = json?["skipped"] as? [String] ?? []
        #expect(skipped.count == 2 && skipped[0].hasPrefix("b.jsonl.zst: ") && skipped[1].hasPrefix("c.doc: "))
        let rejects = try String(contentsOfFile: dir + "/out/rejects/rejects-00000.jsonl", encoding: .utf8)
        #expect(rejects.contains(#""input":"b.jsonl.zst","kind":"skipped""#))
        let tolerated = try CLIRunner.run(["batch", dir + "/in", "--out", dir + "/out2", "--skip-unknown"])
        #expect(tolerated.status == 0)
        #expect(tolerated.stderr.contains("c.doc: not a file batch reads"))  // still named
        #expect(try ids(inShardsOf: dir + "/out2") == ["ok"])
    }

    @Test func zstdDataUnderAJSONLNameIsRejectedNotReadAsText() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write([0x28, 0xB5, 0x2F, 0xFD, 0, 0, 0, 0] + Array(repeating: 0x41, count: 64), dir + "/in/a.jsonl")
        let r = try CLIRunner.run(["batch", dir + "/in", "--out", dir + "/out", "--skip-unknown"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("a.jsonl: zstd-compressed data (by its magic bytes)"), "\(r.stderr)")
        #expect(r.stderr.contains("(rejected: damaged)"))
    }

    @Test func anUnwritableReportIsAnIOError() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write(records("ok"), dir + "/in/a.jsonl")
        let r = try CLIRunner.run(["batch", dir + "/in", "--out", dir + "/out", "--quiet", "--report", dir + "/no/such/dir/r.json"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no/such/dir/r.json: error: No such file or directory"))
    }
}
