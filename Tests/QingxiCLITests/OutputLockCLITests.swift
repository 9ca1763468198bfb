import Foundation
import Testing

/// Two batch runs on one OUT (docs/robustness.md, "Concurrent runs"): the second stops with exit 2 naming the
/// first's pid, and touches nothing; once the first is gone, the folder is usable again.
@Suite struct OutputLockCLITests {
    @Test func aSecondRunOnTheSameOutputStops() throws {
        let dir = NSTemporaryDirectory() + "qx-lock-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        try (#"{"id":"a","text":"臺灣記者報導。"}"# + "\n").write(toFile: dir + "/a.jsonl", atomically: true, encoding: .utf8)
        // This process plays the first run: it holds the lock as batch does (a POSIX write lock on OUT/.lock).
        let fd = open(dir + "/out/.lock", O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0)
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        #expect(fcntl(fd, F_SETLK, &lock) == 0)
        let second = try CLIRunner.run(["batch", dir + "/a.jsonl", "--out", dir + "/out"])
        #expect(second.status == 2)
        #expect(second.stderr.contains("\(dir)/out is being written by another qingxi batch (pid \(getpid()))"), "\(second.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/manifest.jsonl"))
        close(fd)  // the first run ends
        let after = try CLIRunner.run(["batch", dir + "/a.jsonl", "--out", dir + "/out", "--quiet"])
        #expect(after.status == 0, "\(after.stderr)")
    }
}
