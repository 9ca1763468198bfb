import Foundation
import Testing
@testable import QingxiCore

/// Hostile and damaged archives (issue 9): each becomes a reject with a reason naming the input, and every other
/// input is still read.
@Suite struct BatchArchiveTests {
    let good = BatchFixtures.TarEntry(name: "ok/good.txt", data: Array("好的文章。\n".utf8))

    @Test func entryPathsThatEscapeAreRefused() throws {
        let dir = try BatchFixtures.folder()
        defer { BatchFixtures.remove(dir) }
        let tar = BatchFixtures.tar([
            BatchFixtures.TarEntry(name: "../evil.txt", data: Array("壞\n".utf8)),
            BatchFixtures.TarEntry(name: "/etc/evil.txt", data: Array("壞\n".utf8)),
            BatchFixtures.TarEntry(name: "a/../../evil.txt", data: Array("壞\n".utf8)),
            good,
        ])
        try BatchFixtures.write(tar, to: dir + "/in/a.tar")
        var options = BatchHarness.options([dir + "/in"], out: dir + "/out")
        options.layout = .mirror
        let result = try BatchHarness.run(options)
        #expect(result.report.stats.rejects["refused"] == 3)
        let rejects = try BatchFixtures.rejectLines(dir + "/out")
        #expect(rejects.count == 3)
        #expect(rejects[0].contains("escapes the archive") && rejects[1].contains("absolute"))
        #expect(try String(contentsOfFile: dir + "/out/a.tar/ok/good.txt", encoding: .utf8) == "好的文章。\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/evil.txt"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/evil.txt"))
    }

    @Test func linkEntriesAndNestedArchivesAreRefusedNotFollowed() throws {
        let dir = try BatchFixtures.folder()
        defer { BatchFixtures.remove(dir) }
        let tar = BatchFixtures.tar([
            BatchFixtures.TarEntry(name: "link.txt", type: .symlink, link: "/etc/passwd"),
            BatchFixtures.TarEntry(name: "inner.zip", data: [1, 2, 3]),
            BatchFixtures.TarEntry(name: "photo.jpg", data: [1, 2, 3]),
            BatchFixtures.TarEntry(name: "dir/", type: .directory),
            good,
        ])
        try BatchFixtures.write(tar, to: dir + "/in/a.tar")
        let result = try BatchHarness.run(BatchHarness.options([dir + "/in"], out: dir + "/out"))
        #expect(result.report.stats.rejects["refused"] == 2)
        #expect(result.report.stats.rejects["skipped"] == 1)  // photo.jpg: named, not silently ignored
        #expect(result.report.stats.ignored == 0)
        #expect(result.report.stats.articlesOut == 1)
        let rejects = try BatchFixtures.rejectLines(dir + "/out")
        #expect(rejects[0].contains("link entry, not followed"))
        #expect(rejects.contains { $0.contains(#""input":"a.tar!photo.jpg","kind":"skipped""#) })
    }

    @Test func truncatedGzipTarAndZipAreRejectedAndTheRestIsRead() throws {
        let dir = try BatchFixtures.folder()
        defer { BatchFixtures.remove(dir) }
        let records = BatchFixtures.jsonl((0..<400).map { ("r\($0)", BatchFixtures.article($0)) })
        let gz = try BatchFixtures.gzip(Array(records.utf8))
        try BatchFixtures.write(Array(gz.prefix(gz.count / 2)), to: dir + "/in/1-cut.jsonl.gz")
        let tgz = try BatchFixtures.gzip(BatchFixtures.tar([good, BatchFixtures.TarEntry(name: "big.jsonl", data: Array(records.utf8))]))
        try BatchFixtures.write(Array(tgz.prefix(tgz.count - 200)), to: dir + "/in/2-cut.tar.gz")
        let plainTar = BatchFixtures.tar([good, good])
        try BatchFixtures.write(Array(plainTar.prefix(700)), to: dir + "/in/3-cut.tar")
        let zip = try BatchFixtures.zip([BatchFixtures.ZipEntry(name: "z.txt", data: Array("壓縮檔".utf8))])
        try BatchFixtures.write(Array(zip.prefix(zip.count - 10)), to: dir + "/in/4-cut.zip")
        try BatchFixtures.write("最後一篇\n", to: dir + "/in/5-last.txt")
        let result = try BatchHarness.run(BatchHarness.options([dir + "/in"], out: dir + "/out"))
        let rejects = try BatchFixtures.rejectLines(dir + "/out")
        #expect(result.report.stats.rejects["damaged"] == 4, "\(rejects)")
        #expect(rejects.contains { $0.contains("1-cut.jsonl.gz") && $0.contains("truncated") })
        #expect(rejects.contains { $0.contains("2-cut.tar.gz") && $0.contains("truncated") })
        #expect(rejects.contains { $0.contains("3-cut.tar") && $0.contains("truncated tar") })
        #expect(rejects.contains { $0.contains("4-cut.zip") && $0.contains("no end-of-central-directory") })
        let lines = try BatchFixtures.shardLines(dir + "/out")
        #expect(lines.last?.contains("最後一篇") == true)
        #expect(lines.contains { $0.contains("2-cut.tar.gz!ok/good.txt") })
    }

    @Test func gzipBombIsStoppedBeforeItExpands() throws {
        let dir = try BatchFixtures.folder()
        defer { BatchFixtures.remove(dir) }
        let member = try BatchFixtures.gzip([UInt8](repeating: 0x20, count: 16 << 20))
        var bomb: [UInt8] = []
        for _ in 0..<16 { bomb += member }  // 256 MiB of spaces from ~250 KB
        try BatchFixtures.write(bomb, to: dir + "/in/bomb.jsonl.gz")
        try BatchFixtures.write(Array(BatchFixtures.jsonl([("after", "炸彈之後")]).utf8), to: dir + "/in/z.jsonl")
        var options = BatchHarness.options([dir + "/in"], out: dir + "/out")
        options.maxRecordBytes = 1 << 20
        let started = Date()
        let result = try BatchHarness.run(options)
        #expect(Date().timeIntervalSince(started) < 20)
        let rejects = try BatchFixtures.rejectLines(dir + "/out")
        #expect(rejects.contains { $0.contains("decompression bomb stopped") }, "\(rejects)")
        #expect(result.report.stats.articlesOut == 1)
    }

    @Test func zipBombsLyingSizesAndOverlapsAreRefused() throws {
        let dir = try BatchFixtures.folder()
        defer { BatchFixtures.remove(dir) }
        let zeros = [UInt8](repeating: 0x41, count: 4 << 20)
        let liar = try BatchFixtures.zip([BatchFixtures.ZipEntry(name: "small.txt", data: zeros, declaredSize: 100)])
        try BatchFixtures.write(liar, to: dir + "/in/liar.zip")
        let overlap = try BatchFixtures.zip((0..<5).map { BatchFixtures.ZipEntry(name: "copy\($0).txt", data: Array("同一份資料".utf8)) },
                                            overlapAll: true)
        try BatchFixtures.write(overlap, to: dir + "/in/overlap.zip")
        let fine = try BatchFixtures.zip([BatchFixtures.ZipEntry(name: "a.txt", data: Array("存儲".utf8), deflate: false),
                                          BatchFixtures.ZipEntry(name: "b.jsonl", data: Array(BatchFixtures.jsonl([("b1", "壓縮")]).utf8))])
        try BatchFixtures.write(fine, to: dir + "/in/fine.zip")
        let result = try BatchHarness.run(BatchHarness.options([dir + "/in"], out: dir + "/out"), stages: BatchHarness.hans)
        let rejects = try BatchFixtures.rejectLines(dir + "/out")
        #expect(rejects.filter { $0.contains("overlaps the data of an earlier entry") }.count == 4, "\(rejects)")
        #expect(rejects.contains { $0.contains("liar.zip!small.txt") && $0.contains("over --max-record-bytes") == false })
        let lines = try BatchFixtures.shardLines(dir + "/out")
        #expect(lines == [#"{"id":"fine.zip!a.txt","text":"存储"}"#, #"{"id":"b1","text":"压缩"}"#,
                          #"{"id":"overlap.zip!copy0.txt","text":"同一份资料"}"#])
        #expect(result.report.stats.rejectCount == 5)
    }

    @Test func oversizedRecordsAndTextsAreRejectedWithoutHoldingThem() throws {
        let dir = try BatchFixtures.folder()
        defer { BatchFixtures.remove(dir) }
        let long = String(repeating: "長", count: 50_000)
        try BatchFixtures.write(BatchFixtures.jsonl([("a", "短"), ("b", long), ("c", "也短")]), to: dir + "/in/r.jsonl")
        try BatchFixtures.write(long, to: dir + "/in/t.txt")
        var options = BatchHarness.options([dir + "/in"], out: dir + "/out")
        options.maxRecordBytes = 10_000
        let result = try BatchHarness.run(options)
        #expect(result.report.stats.rejects["oversized"] == 2)
        #expect(try BatchFixtures.shardLines(dir + "/out").count == 2)
        #expect(try BatchFixtures.rejectLines(dir + "/out")[0].contains(#""line":2"#))
    }

    @Test func symlinkLoopsInInputFoldersAreReportedNotFollowed() throws {
        let dir = try BatchFixtures.folder()
        defer { BatchFixtures.remove(dir) }
        try BatchFixtures.write("一\n", to: dir + "/in/a/one.txt")
        try FileManager.default.createSymbolicLink(atPath: dir + "/in/a/loop", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: dir + "/in/b", withDestinationPath: "a")
        try FileManager.default.createSymbolicLink(atPath: dir + "/in/broken.txt", withDestinationPath: "nowhere.txt")
        var options = BatchHarness.options([dir + "/in"], out: dir + "/out")
        options.followLinks = true
        let result = try BatchHarness.run(options)
        #expect(result.report.stats.articlesOut == 1)
        #expect(result.report.stats.skippedLinks == 2)
        #expect(result.messages.contains("a/loop: symbolic link loop"))
        #expect(result.messages.contains("b: directory already read through another path"))
        #expect(result.report.stats.rejects["unreadable"] == 1)
    }

    @Test func linksInInputFoldersAreNotFollowedWithoutFollow() throws {
        let dir = try BatchFixtures.folder()
        defer { BatchFixtures.remove(dir) }
        try BatchFixtures.write("一\n", to: dir + "/in/a/one.txt")
        try BatchFixtures.write("外面的秘密。\n", to: dir + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: dir + "/in/a/up", withDestinationPath: "../..")
        try FileManager.default.createSymbolicLink(atPath: dir + "/in/leak.txt", withDestinationPath: dir + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: dir + "/in/broken.txt", withDestinationPath: "nowhere.txt")
        let result = try BatchHarness.run(BatchHarness.options([dir + "/in"], out: dir + "/out"))
        #expect(result.report.stats.articlesOut == 1)  // a/one.txt only
        #expect(result.report.stats.skippedLinks == 3)
        #expect(result.report.stats.rejectCount == 0)
        #expect(result.messages.contains("leak.txt: symbolic link, not followed (--follow follows links in folders)"))
        #expect(result.messages.contains("a/up: symbolic link, not followed"))
        let named = try BatchHarness.run(BatchHarness.options([dir + "/in/leak.txt"], out: dir + "/out2"))
        #expect(named.report.stats.articlesOut == 1)  // a link named on the command line is followed
    }

    @Test func aSmallTruncatedGzipKeepsTheRecordsBeforeTheDamage() throws {
        let dir = try BatchFixtures.folder()
        defer { BatchFixtures.remove(dir) }
        // Records that do not compress to nothing, so that half the gzip holds several whole ones.
        var state: UInt64 = 7
        let records = (1...20).map { n -> (String, String) in
            let text = (0..<60).map { _ -> String in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return String(Character(Unicode.Scalar(0x4E00 + UInt32(state >> 40) % 0x5000)!))
            }.joined()
            return ("r\(n)", text)
        }
        let gz = try BatchFixtures.gzip(Array(BatchFixtures.jsonl(records).utf8))
        try BatchFixtures.write(Array(gz[..<(gz.count / 2)]), to: dir + "/in/cut.jsonl.gz")
        let result = try BatchHarness.run(BatchHarness.options([dir + "/in"], out: dir + "/out"))
        let kept = try BatchFixtures.shardLines(dir + "/out")
        #expect(kept.count > 3 && kept.count < 20)  // the whole records before the damage (it was 0)
        let rejects = try BatchFixtures.rejectLines(dir + "/out")
        #expect(rejects.count == 1 && rejects[0].contains(#""line":\#(kept.count + 1),"kind":"damaged""#), "\(rejects)")
        #expect(result.report.stats.articlesIn == kept.count)
    }
}
