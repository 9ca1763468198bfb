import Foundation
import Testing

/// `qingxi batch` as a process: killed with SIGKILL at known points (`CrashPoint`) and resumed, it ends with output
/// byte-identical to an uninterrupted run; a real full disk (tmpfs) ends with exit 2 and a clear message.
@Suite(.serialized) struct BatchCLITests {
    static let sentences = ["縣政府今天召開會議，討論河道治理與水資源保護。", "记者从会上了解到，全年将完成十二项重点工程。",
                            "村民代表表示，新修的道路讓出行方便了許多。", "专家建议加强监督检查，确保资金用在实处。"]

    /// About `megabytes` MB of JSONL in four files (one gzipped, one in a tar.gz), a text file and a bad record.
    static func inputs(megabytes: Int) throws -> String {
        let dir = NSTemporaryDirectory() + "qx-batch-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/in/t", withIntermediateDirectories: true)
        var state: UInt64 = 42
        func pick() -> String {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return sentences[Int(state >> 33) % sentences.count]
        }
        let perFile = megabytes * 250_000
        for f in 0..<4 {
            var text = ""
            var i = 0
            while text.utf8.count < perFile {
                // Mostly paragraphs of their own (numbered), some repeated across articles (for stream dedup).
                let body = (0..<8).map { k in k < 6 ? "\(f)-\(i)-\(k)：" + pick() + pick() : pick() }.joined(separator: "\\n")
                text += "{\"id\":\"\(f)-\(i)\",\"text\":\"\(body)\"}\n"
                i += 1
            }
            if f == 1 { text += "{not json}\n" }
            try text.write(toFile: dir + (f == 3 ? "/in/t/p\(f).jsonl" : "/in/p\(f).jsonl"), atomically: true, encoding: .utf8)
        }
        try "單獨的文章。\n第二段。\n".write(toFile: dir + "/in/solo.txt", atomically: true, encoding: .utf8)
        try shell("cd '\(dir)/in' && gzip p2.jsonl && tar czf t.tar.gz t && rm -r t")
        return dir
    }

    @discardableResult
    static func shell(_ script: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func tree(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: folder)! where !relative.hasPrefix(".tmp") {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + relative))
            }
        }
        return files
    }

    /// Runs `qingxi batch` with convert and stream dedup (an in-order stage, so a resume replays it); with
    /// `killAfterCommits`, the run kills itself (SIGKILL) once it made that many commits, at the next unit it
    /// writes (`CrashPoint`: a crash inside a half-written commit group, at a known point).
    static func batch(_ arguments: [String], killAfterCommits: Int? = nil) throws -> Process {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["batch", "--quiet", "--shard-bytes", "300K", "--stages", "convert,dedup", "--scope", "stream"] + arguments
        process.standardError = FileHandle.nullDevice
        if let killAfterCommits {
            process.environment = ProcessInfo.processInfo.environment.merging(["QINGXI_TEST_KILL_AFTER_COMMIT": "\(killAfterCommits)"]) { $1 }
        }
        try process.run()
        return process
    }

    @Test func killedAtKnownPointsAndResumedGivesTheSameOutput() throws {
        let dir = try Self.inputs(megabytes: 8)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let reference = try Self.batch([dir + "/in", "--out", dir + "/ref", "--jobs", "2"])
        reference.waitUntilExit()
        #expect(reference.terminationStatus == 1)  // one malformed record: finished, with rejects
        let manifest = try String(contentsOfFile: dir + "/ref/manifest.jsonl", encoding: .utf8)
        let commits = manifest.split(separator: "\n").filter { $0.hasPrefix(#"{"commit""#) }.count
        #expect(commits > 5)
        // The first run dies before its first commit; each resumed run after a quarter of the commits, so that
        // kills land inside groups all through the job; --jobs alternates.
        var killAfter = 0
        var kills = 0
        var arguments = [dir + "/in", "--out", dir + "/cut"]
        while kills <= commits + 1 {
            let run = try Self.batch(arguments + ["--jobs", kills % 2 == 0 ? "2" : "1"], killAfterCommits: killAfter)
            run.waitUntilExit()
            if run.terminationReason == .exit {
                #expect(run.terminationStatus == 1)
                break
            }
            #expect(run.terminationStatus == SIGKILL)
            kills += 1
            killAfter = max(1, commits / 4)
            arguments = [dir + "/in", "--out", dir + "/cut", "--resume"]
        }
        #expect(kills >= 4)
        let expected = try Self.tree(dir + "/ref")
        #expect(expected.keys.filter { $0.hasPrefix("part-") }.count > 5)
        let got = try Self.tree(dir + "/cut")
        #expect(got.keys.sorted() == expected.keys.sorted())
        #expect(got == expected)
    }

    @Test func exitCodesAndSummary() throws {
        let dir = NSTemporaryDirectory() + "qx-batch-cli-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try "後來\n".write(toFile: dir + "/in/a.txt", atomically: true, encoding: .utf8)
        let ok = try CLIRunner.run(["batch", dir + "/in", "--out", dir + "/out", "--report", dir + "/report.json"])
        #expect(ok.status == 0)
        #expect(ok.stderr.contains("qingxi batch: 1 articles in, 1 out"))
        let report = try String(contentsOfFile: dir + "/report.json", encoding: .utf8)
        #expect(report.hasPrefix(#"{"output":""#) && report.contains(#""articles_out":1"#))
        let again = try CLIRunner.run(["batch", dir + "/in", "--out", dir + "/out"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("--resume"))
        try Data([0xB2, 0xE2, 0xCA, 0xD4, 0x0A]).write(to: URL(fileURLWithPath: dir + "/in/gbk.txt"))
        let rejected = try CLIRunner.run(["batch", dir + "/in", "--out", dir + "/out2"])
        #expect(rejected.status == 1)
        #expect(rejected.stderr.contains("gbk.txt: invalid UTF-8 at byte 1"))
        let usage = try CLIRunner.run(["batch", dir + "/missing", "--out", dir + "/out3"])
        #expect(usage.status == 2)
    }

    static let canMountTmpfs: Bool = {
        guard getuid() == 0 else { return false }
        let point = NSTemporaryDirectory() + "qx-mount-probe-\(getpid())"
        try? FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: point) }
        guard (try? shell("mount -t tmpfs -o size=64k tmpfs '\(point)' 2>/dev/null")) == 0 else { return false }
        _ = try? shell("umount '\(point)'")
        return true
    }()

    /// A real ENOSPC (a 48 KB tmpfs as the output folder; root only): exit 2, the message says what happened and
    /// what to do, and after freeing space --resume completes the output as an uninterrupted run would.
    @Test(.enabled(if: canMountTmpfs)) func fullDiskEndsClearlyAndResumes() throws {
        let dir = try Self.inputs(megabytes: 4)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let reference = try Self.batch([dir + "/in", "--out", dir + "/ref"])
        reference.waitUntilExit()
        try FileManager.default.createDirectory(atPath: dir + "/small", withIntermediateDirectories: true)
        #expect(try Self.shell("mount -t tmpfs -o size=48k tmpfs '\(dir)/small'") == 0)
        defer { _ = try? Self.shell("umount '\(dir)/small'") }
        let chain = ["--stages", "convert,dedup", "--scope", "stream"]
        let full = try CLIRunner.run(["batch", "--shard-bytes", "300K", dir + "/in", "--out", dir + "/small/out"] + chain)
        #expect(full.status == 2)
        #expect(full.stderr.contains("No space left on device") && full.stderr.contains("--resume"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/small/out/.tmp").isEmpty)
        try Self.shell("mount -o remount,size=64m '\(dir)/small'")
        let resumed = try CLIRunner.run(["batch", "--shard-bytes", "300K", dir + "/in", "--out", dir + "/small/out", "--resume"] + chain)
        #expect(resumed.status == 1)
        #expect(try Self.tree(dir + "/small/out") == Self.tree(dir + "/ref"))
    }
}
