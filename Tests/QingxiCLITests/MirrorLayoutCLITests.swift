import Foundation
import Testing

/// `--layout mirror` keeps batch's own files out of the inputs' tree (docs/robustness.md, "Mirror layout"): the
/// manifest, rejects and temporary files live in `OUT/.qingxi/`; inputs named `manifest.jsonl`, `rejects/…` or
/// `.tmp/…` are mirrored like any other, an input under `.qingxi/` is refused, and `--resume` still works.
@Suite struct MirrorLayoutCLITests {
    func write(_ text: String, _ path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func inputsNamedLikeBatchFilesAreMirroredWithoutReplacingThem() throws {
        let dir = NSTemporaryDirectory() + "qx-mirror-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write(#"{"id":"m","text":"臺灣記者報導。"}"# + "\n", dir + "/in/manifest.jsonl")
        try write(#"{"id":"r","text":"會議強調。"}"# + "\n", dir + "/in/rejects/rejects-00000.jsonl")
        try write("暫存的文章。\n", dir + "/in/.tmp/a.txt")
        try write("保留的名字。\n", dir + "/in/.qingxi/b.txt")
        let args = ["batch", dir + "/in", "--out", dir + "/out", "--layout", "mirror", "--to", "hans", "--stages", "convert"]
        let r = try CLIRunner.run(args)
        #expect(r.status == 1)  // the input under .qingxi/ was refused
        #expect(r.stderr.contains(".qingxi/b.txt: would be written into .qingxi/, where batch keeps its own files"), "\(r.stderr)")
        #expect(try String(contentsOfFile: dir + "/out/manifest.jsonl", encoding: .utf8) == #"{"id":"m","text":"台湾记者报导。"}"# + "\n")
        #expect(try String(contentsOfFile: dir + "/out/rejects/rejects-00000.jsonl", encoding: .utf8).contains("会议强调"))
        #expect(try String(contentsOfFile: dir + "/out/.tmp/a.txt", encoding: .utf8) == "暂存的文章。\n")
        let manifest = try String(contentsOfFile: dir + "/out/.qingxi/manifest.jsonl", encoding: .utf8)
        #expect(manifest.hasPrefix(#"{"qingxi":"batch""#) && manifest.contains(#""complete":true"#))
        #expect(try String(contentsOfFile: dir + "/out/.qingxi/rejects/rejects-00000.jsonl", encoding: .utf8).contains(#""kind":"refused""#))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/.qingxi/.tmp"))  // removed after a complete run
        let again = try CLIRunner.run(args + ["--resume"])
        #expect(again.status == 1 && again.stderr.contains("already complete"), "\(again.stderr)")
    }

    /// A tar holding `x.txt` and `x.txt/y.txt`: the second cannot be mirrored (a file stands where its folder
    /// would be), so it is refused, and the summary counts it in and refused, not also out.
    @Test func anArticleRefusedForAPathClashIsNotCountedOut() throws {
        let dir = NSTemporaryDirectory() + "qx-mirror-clash-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("乙文。\n", dir + "/b/x.txt")
        try write("甲文。\n", dir + "/a/x.txt/y.txt")
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = ["cf", dir + "/in/t.tar", "-C", dir + "/b", "x.txt", "-C", dir + "/a", "x.txt/y.txt"]
        try tar.run()
        tar.waitUntilExit()
        let r = try CLIRunner.run(["batch", dir + "/in", "--out", dir + "/out", "--layout", "mirror", "--jobs", "1"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("t.tar!x.txt/y.txt: output path clashes with another input's"), "\(r.stderr)")
        #expect(r.stderr.contains("2 articles in, 1 out; 2 paragraphs in, 1 out"), "\(r.stderr)")
        #expect(r.stderr.contains("rejects: 1 (refused 1)"))
        #expect(try String(contentsOfFile: dir + "/out/t.tar/x.txt", encoding: .utf8) == "乙文。\n")
    }
}
