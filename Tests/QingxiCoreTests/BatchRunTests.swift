import Foundation
import Testing
@testable import QingxiCore

/// `qingxi batch` end to end in-process: mixed inputs, determinism across --jobs, cross-article stages in input
/// order, rejects, mirror layout, resume after an interrupted run.
@Suite struct BatchRunTests {
    /// A folder mixing .txt, .jsonl.gz, a tar.gz, a zip and a GB18030 file, plus a malformed record.
    static func mixedFolder(records: Int = 300) throws -> String {
        let dir = try BatchFixtures.folder("mixed")
        let input = dir + "/in"
        try BatchFixtures.write("經理發現了問題。\n後來於是並且解決。\n", to: input + "/a-first.txt")
        let news = BatchFixtures.jsonl((0..<records).map { ("n\($0)", BatchFixtures.article($0)) }) + "{\"id\": broken}\n"
        try BatchFixtures.write(try BatchFixtures.gzip(Array(news.utf8)), to: input + "/b/news.jsonl.gz")
        let tar = BatchFixtures.tar([
            BatchFixtures.TarEntry(name: "t/one.txt", data: Array(BatchFixtures.article(9001).utf8)),
            BatchFixtures.TarEntry(name: "t/more.jsonl", data: Array(BatchFixtures.jsonl([("t1", "臺灣記者報導")]).utf8)),
        ])
        try BatchFixtures.write(try BatchFixtures.gzip(tar), to: input + "/c/archive.tar.gz")
        let zip = try BatchFixtures.zip([BatchFixtures.ZipEntry(name: "z/zipped.txt", data: Array(BatchFixtures.article(9002).utf8))])
        try BatchFixtures.write(zip, to: input + "/d.zip")
        let gb = try BatchFixtures.run("/bin/sh", ["-c", "printf '縣政府召開會議，討論河道治理。\\n與會人員實地察看。\\n' | iconv -f UTF-8 -t GB18030 | od -An -tx1"])
        try BatchFixtures.write(gb.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { UInt8($0, radix: 16)! }, to: input + "/e-gb18030.txt")
        try BatchFixtures.write("不讀的檔案", to: input + "/notes.md")
        return dir
    }

    @Test func mixedFolderGivesEveryArticleOnceInInputOrder() throws {
        let dir = try Self.mixedFolder(records: 5)
        defer { BatchFixtures.remove(dir) }
        var options = BatchHarness.options([dir + "/in"], out: dir + "/out")
        options.encoding = .auto
        let result = try BatchHarness.run(options, stages: BatchHarness.hans)
        let lines = try BatchFixtures.shardLines(dir + "/out")
        let ids = lines.map { try? JSONValue.parse($0)["id"]?.stringValue }
        #expect(ids == ["a-first.txt", "n0", "n1", "n2", "n3", "n4", "c/archive.tar.gz!t/one.txt", "t1", "d.zip!z/zipped.txt", "e-gb18030.txt"])
        #expect(lines[0] == #"{"id":"a-first.txt","text":"经理发现了问题。\n后来于是并且解决。"}"#)
        #expect(lines.last == #"{"id":"e-gb18030.txt","text":"县政府召开会议，讨论河道治理。\n与会人员实地察看。"}"#)
        #expect(result.report.stats.articlesIn == 10 && result.report.stats.articlesOut == 10)
        #expect(result.report.stats.rejects == ["malformed": 1, "skipped": 1])
        #expect(result.report.stats.ignored == 0)
        let reject = try BatchFixtures.rejectLines(dir + "/out")
        #expect(reject.count == 2 && reject[0].hasPrefix(#"{"input":"notes.md","kind":"skipped","reason":"not a file batch reads"#))
        #expect(reject.last?.hasPrefix(#"{"input":"b/news.jsonl.gz","line":6,"kind":"malformed""#) == true)
        #expect(result.report.skipped.count == 1 && result.report.skipped[0].hasPrefix("notes.md: "))
        #expect(result.messages.contains("b/news.jsonl.gz:6"))
        #expect(result.report.orderedCPUSeconds > 0 && result.report.parallelCPUSeconds > 0)
        #expect(result.messages.contains("% in input order"))
    }

    @Test func outputIsIdenticalForAnyNumberOfJobs() throws {
        let dir = try Self.mixedFolder(records: 12_000)
        defer { BatchFixtures.remove(dir) }
        var trees: [[String: Data]] = []
        for jobs in [1, 2, 3] {
            var options = BatchHarness.options([dir + "/in"], out: dir + "/out\(jobs)", jobs: jobs)
            options.encoding = .auto
            options.shardBytes = 300_000
            options.explain = true
            _ = try BatchHarness.run(options) { try BatchHarness.hans() + [SeenBeforeStage()] }
            trees.append(try BatchFixtures.tree(dir + "/out\(jobs)"))
        }
        #expect(trees[0].keys.filter { $0.hasPrefix("part-") }.count > 5)
        #expect(trees[0] == trees[1])
        #expect(trees[0] == trees[2])
    }

    /// A cross-article stage sees the articles in input order: batch gives what one `StageChain` run over the
    /// same records gives (the record layer, as `qingxi clean` reads them).
    @Test func crossArticleStagesKeepTheFirstInInputOrder() throws {
        let dir = try BatchFixtures.folder()
        defer { BatchFixtures.remove(dir) }
        var files: [String] = []
        for f in 0..<3 {
            let records = BatchFixtures.jsonl((0..<4000).map { ("f\(f)-\($0)", BatchFixtures.article($0 % 700 + f)) })
            let path = dir + "/in/part\(f).jsonl"
            try BatchFixtures.write(records, to: path)
            files.append(path)
        }
        var options = BatchHarness.options([dir + "/in"], out: dir + "/out", jobs: 2)
        options.explain = true
        let result = try BatchHarness.run(options) { try BatchHarness.hans() + [SeenBeforeStage()] }
        let expected = try Self.chainLines(files, chain: try BatchHarness.hans() + [SeenBeforeStage()])
        let lines = try BatchFixtures.shardLines(dir + "/out")
        #expect(lines.count == expected.count)
        #expect(BatchFixtures.firstDifference(lines, expected) == nil)
        #expect(result.report.stats.duplicates > 1000)
        #expect(result.report.stats.removed.keys.contains("dedup: seen"))
    }

    /// The JSONL lines one chain (with `--explain`) writes over `files` read one after another, as the record
    /// layer reads them: what batch must write whatever its `--jobs`.
    static func chainLines(_ files: [String], chain: [Stage]) throws -> [String] {
        var options = RecordOptions()
        options.explain = true
        let inputs = try files.map { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
        var lines: [String] = []
        for input in inputs {
            lines += try TestSupport.run(input, stages: chain, options: options).output.split(separator: "\n").map(String.init)
        }
        return lines
    }

    /// The whole `clean` chain with stream dedup and near-duplicate articles: batch with two workers writes what
    /// one chain gives over the same files in order (the record layer, as `qingxi clean a b c` reads them).
    @Test func batchEqualsCleanWithStreamDedup() throws {
        let dir = try BatchFixtures.folder()
        defer { BatchFixtures.remove(dir) }
        var files: [String] = []
        for f in 0..<3 {
            let records = BatchFixtures.jsonl((0..<600).map { ("f\(f)-\($0)", "責任編輯：王某\n" + BatchFixtures.article($0 % 200 + f, paragraphs: 9)) })
            files.append(dir + "/in/p\(f).jsonl")
            try BatchFixtures.write(records, to: files.last!)
        }
        var clean = CleanOptions()
        clean.dedup.scope = .stream
        clean.dedup.nearArticles = 0.8
        var options = BatchHarness.options([dir + "/in"], out: dir + "/out", jobs: 2)
        options.explain = true
        let result = try BatchHarness.run(options) { try CleanPipeline.stages(clean) }
        let expected = try Self.chainLines(files, chain: try CleanPipeline.stages(clean))
        let lines = try BatchFixtures.shardLines(dir + "/out")
        #expect(lines.count == expected.count)
        #expect(BatchFixtures.firstDifference(lines, expected) == nil)
        #expect(result.report.stats.removed["dedup: seen"]! > 500)
        #expect(result.report.stats.removed["strip: editor"] == 1800)
    }

    @Test func mirrorLayoutWritesEachSourceAtItsPath() throws {
        let dir = try Self.mixedFolder(records: 3)
        defer { BatchFixtures.remove(dir) }
        var options = BatchHarness.options([dir + "/in"], out: dir + "/out", jobs: 2)
        options.layout = .mirror
        options.encoding = .auto
        _ = try BatchHarness.run(options, stages: BatchHarness.hans)
        let tree = try BatchFixtures.tree(dir + "/out")
        #expect(Set(tree.keys) == [".qingxi/manifest.jsonl", "a-first.txt", "b/news.jsonl.gz", "c/archive.tar.gz/t/one.txt",
                                   "c/archive.tar.gz/t/more.jsonl", "d.zip/z/zipped.txt", "e-gb18030.txt",
                                   ".qingxi/rejects/rejects-00000.jsonl", ".qingxi/.lock"])
        #expect(String(decoding: tree["a-first.txt"]!, as: UTF8.self) == "经理发现了问题。\n后来于是并且解决。\n")
        #expect(String(decoding: tree["c/archive.tar.gz/t/more.jsonl"]!, as: UTF8.self) == #"{"id":"t1","text":"台湾记者报导"}"# + "\n")
        let unzipped = try BatchFixtures.run("/bin/sh", ["-c", "gzip -dc '\(dir)/out/b/news.jsonl.gz' | wc -l"])
        #expect(unzipped.trimmingCharacters(in: .whitespacesAndNewlines) == "3")
    }

    @Test func resumingAfterAFailureGivesTheUninterruptedOutput() throws {
        for crossArticle in [false, true] {
            let dir = try Self.mixedFolder(records: 6000)
            defer { BatchFixtures.remove(dir) }
            func options(_ out: String) -> BatchOptions {
                var options = BatchHarness.options([dir + "/in"], out: dir + out, jobs: 2)
                options.shardBytes = 200_000
                options.encoding = .auto
                return options
            }
            let extra: () -> [Stage] = { crossArticle ? [SeenBeforeStage()] : [] }
            _ = try BatchHarness.run(options("/whole")) { try BatchHarness.hans() + extra() }
            #expect(throws: QingxiError.self) {
                _ = try BatchHarness.run(options("/cut")) { try BatchHarness.hans() + [FailingStage(after: 2500)] + extra() }
            }
            let committed = try String(contentsOfFile: dir + "/cut/manifest.jsonl", encoding: .utf8)
            #expect(!committed.contains("complete"))
            var again = options("/cut")
            again.resume = true
            let resumed = try BatchHarness.run(again) { try BatchHarness.hans() + extra() }
            #expect(resumed.report.resumed)
            #expect(try BatchFixtures.tree(dir + "/whole") == BatchFixtures.tree(dir + "/cut"))
            let done = try BatchHarness.run(again) { try BatchHarness.hans() + extra() }
            #expect(done.report.alreadyComplete && done.report.stats == resumed.report.stats)
        }
    }

    /// ENOSPC at every stage of writing (shards, rejects, manifest): a clear error, no temporary files left,
    /// every file the manifest names complete, and --resume gives the uninterrupted output.
    @Test func aFullDiskStopsCleanlyAndResumeCompletesTheOutput() throws {
        let dir = try Self.mixedFolder(records: 3000)
        defer { BatchFixtures.remove(dir) }
        func options(_ out: String) -> BatchOptions {
            var options = BatchHarness.options([dir + "/in"], out: dir + out, jobs: 2)
            options.shardBytes = 100_000
            options.encoding = .auto
            return options
        }
        _ = try BatchHarness.run(options("/whole"), stages: BatchHarness.hans)
        let whole = try BatchFixtures.tree(dir + "/whole")
        let total = whole.values.reduce(0) { $0 + $1.count }
        for (index, budget) in [150, total / 4, total / 2, total * 3 / 4, total - 300].enumerated() {
            var full = options("/full\(index)")
            full.diskBudget = budget
            do {
                _ = try BatchHarness.run(full, stages: BatchHarness.hans)
                Issue.record("a budget of \(budget) bytes did not run out")
            } catch let error as QingxiError {
                #expect(error.description.contains("No space left on device"))
                #expect(error.description.contains("--resume"))
            }
            let tmp = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/full\(index)/.tmp")) ?? []
            #expect(tmp.isEmpty)
            let manifest = (try? String(contentsOfFile: dir + "/full\(index)/manifest.jsonl", encoding: .utf8)) ?? ""
            for line in manifest.split(separator: "\n").dropFirst() {
                for name in try JSONValue.parse(String(line))["files"].map(Self.strings) ?? [] {
                    #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/full\(index)/" + name)) == whole[name])
                }
            }
            var again = options("/full\(index)")
            again.resume = true
            _ = try BatchHarness.run(again, stages: BatchHarness.hans)
            #expect(try BatchFixtures.tree(dir + "/full\(index)") == whole)
        }
    }

    static func strings(_ value: JSONValue) -> [String] {
        guard case .array(let items) = value else { return [] }
        return items.compactMap(\.stringValue)
    }

    /// The output folder inside an input folder is never read as input, so a resumed run sees the same inputs.
    @Test func anOutputFolderInsideTheInputsIsNotRead() throws {
        let dir = try Self.mixedFolder(records: 3)
        defer { BatchFixtures.remove(dir) }
        var options = BatchHarness.options([dir + "/in"], out: dir + "/in/out")
        options.encoding = .auto
        options.reportPath = dir + "/in/report.json"
        let first = try BatchHarness.run(options)
        options.resume = true
        let again = try BatchHarness.run(options)
        #expect(again.report.alreadyComplete)
        #expect(again.report.stats == first.report.stats)
        #expect(first.report.stats.sources == 6)
    }

    /// A crash while the manifest header was being written leaves a line without its newline: resuming starts
    /// afresh instead of refusing the folder.
    @Test func aTornManifestHeaderStartsAfresh() throws {
        let dir = try Self.mixedFolder(records: 3)
        defer { BatchFixtures.remove(dir) }
        var options = BatchHarness.options([dir + "/in"], out: dir + "/out")
        options.encoding = .auto
        _ = try BatchHarness.run(options)
        let whole = try BatchFixtures.tree(dir + "/out")
        BatchFixtures.remove(dir + "/out")
        try BatchFixtures.write(#"{"qingxi":"batch","vers"#, to: dir + "/out/manifest.jsonl")
        options.resume = true
        _ = try BatchHarness.run(options)
        #expect(try BatchFixtures.tree(dir + "/out") == whole)
    }

    @Test func aUsedOutputFolderNeedsResumeAndTheSameInputs() throws {
        let dir = try Self.mixedFolder(records: 3)
        defer { BatchFixtures.remove(dir) }
        var options = BatchHarness.options([dir + "/in"], out: dir + "/out")
        options.encoding = .auto
        _ = try BatchHarness.run(options)
        #expect(throws: QingxiError.self) { try BatchHarness.run(options) }
        options.resume = true
        options.explain = true
        #expect(throws: QingxiError.self) { try BatchHarness.run(options) }
        var other = BatchHarness.options([dir + "/in/a-first.txt"], out: dir + "/in")
        other.resume = false
        #expect(throws: QingxiError.self) { try BatchHarness.run(other) }
    }
}

/// Passes everything through, but fails the run (as an I/O error would) after `after` articles.
final class FailingStage: Stage {
    let name = "failing"
    let after: Int
    var seen = 0
    init(after: Int) { self.after = after }

    func begin(_ article: Article) throws {
        seen += 1
        if seen > after { throw QingxiError.io(file: "<test>", message: "simulated failure") }
    }

    func process(_ paragraph: Paragraph, of article: Article, emit: (Paragraph) throws -> Void) throws {
        try emit(paragraph)
    }
}

extension JSONValue {
    /// Parses one JSON object line (tests).
    static func parse(_ line: String) throws -> JSONValue {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { JSONScanner.value($0, 0..<$0.count) }
    }
}
