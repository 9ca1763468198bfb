import Foundation

/// Runs the built `qingxi` binary (the one `swift test` builds next to the test bundle) as a subprocess.
enum CLIRunner {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["QINGXI_BIN"] { return URL(fileURLWithPath: path) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        }
        for candidate in [dir, dir.deletingLastPathComponent(), dir.deletingLastPathComponent().deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("qingxi")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return dir.appendingPathComponent("qingxi")
    }()

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs `qingxi ARGS` with `stdin` as standard input (through temporary files: no threads needed).
    static func run(_ arguments: [String], stdin: Data = Data()) throws -> Result {
        let base = NSTemporaryDirectory() + "qx-cli-\(UUID().uuidString)"
        defer { for suffix in [".in", ".err"] { try? FileManager.default.removeItem(atPath: base + suffix) } }
        try stdin.write(to: URL(fileURLWithPath: base + ".in"))
        FileManager.default.createFile(atPath: base + ".err", contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repoRoot
        let output = Pipe()
        process.standardInput = FileHandle(forReadingAtPath: base + ".in")
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: base + ".err")
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errors = (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? ""
        return Result(status: process.terminationStatus, stdout: out, stderr: errors)
    }

    static func run(_ arguments: [String], stdin: String) throws -> Result {
        try run(arguments, stdin: Data(stdin.utf8))
    }

    /// Runs a shell pipeline (for `| head -1` style checks); `$QX` is the binary.
    static func shell(_ script: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.environment = ["QX": binary.path, "PATH": "/usr/bin:/bin"]
        process.currentDirectoryURL = repoRoot
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: out, stderr: "")
    }
}
