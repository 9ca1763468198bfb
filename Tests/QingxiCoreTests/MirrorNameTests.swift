import Foundation
import Testing
@testable import QingxiCore

/// Names too long for the output file system in `--layout mirror` (docs/robustness.md, "Long names"): shortened
/// deterministically with a hash suffix, the extension kept, reported on stderr and in the report; the run goes
/// on, and a resumed or repeated run gives the same names.
@Suite struct MirrorNameTests {
    static let long = String(repeating: "長", count: 91) + ".txt"  // 277 bytes

    @Test func longComponentsAreShortenedDeterministically() {
        let short = MirrorName.fitted("a.zip/d/" + Self.long, maxBytes: 255)
        let parts = short.split(separator: "/")
        #expect(parts.count == 3 && parts[0] == "a.zip" && parts[1] == "d")
        #expect(parts[2].utf8.count <= 255 && parts[2].hasSuffix(".txt") && parts[2].hasPrefix("長長長"))
        #expect(parts[2].contains("~"))
        #expect(MirrorName.fitted("a.zip/d/" + Self.long, maxBytes: 255) == short)
        let other = MirrorName.fitted("a.zip/d/" + String(repeating: "長", count: 92) + ".txt", maxBytes: 255)
        #expect(other != short)
        #expect(MirrorName.fitted("a/b.jsonl.gz", maxBytes: 255) == "a/b.jsonl.gz")
        #expect(MirrorName.shortened(String(repeating: "x", count: 300) + ".jsonl.gz", maxBytes: 255).hasSuffix(".jsonl.gz"))
    }

    @Test func aLongEntryNameNoLongerStopsAMirrorRun() throws {
        let dir = try BatchFixtures.folder()
        defer { BatchFixtures.remove(dir) }
        let zip = try BatchFixtures.zip([
            BatchFixtures.ZipEntry(name: "d/" + Self.long, data: Array("臺灣記者報導。\n".utf8)),
            BatchFixtures.ZipEntry(name: "d/short.txt", data: Array("第二篇。\n".utf8)),
        ])
        try BatchFixtures.write(zip, to: dir + "/in/a.zip")
        var options = BatchHarness.options([dir + "/in"], out: dir + "/out")
        options.layout = .mirror
        let result = try BatchHarness.run(options)
        #expect(result.report.stats.rejectCount == 0)
        let written = MirrorName.fitted("a.zip/d/" + Self.long, maxBytes: 255)
        #expect(try String(contentsOfFile: dir + "/out/" + written, encoding: .utf8) == "臺灣記者報導。\n")
        #expect(FileManager.default.fileExists(atPath: dir + "/out/a.zip/d/short.txt"))
        #expect(result.report.renamed == ["a.zip/d/\(Self.long) → \(written)"])
        #expect(result.messages.contains("a name longer than the output file system allows (255 bytes); written as \(written)"))
    }
}
