import Foundation
@testable import QingxiCore

/// Helpers shared by the core tests: the repository's corpus folder, temporary files, and running a stage
/// chain through the real record layer (reader, runner, printer) on bytes.
enum TestSupport {
    /// The repository root, found from this file's path (tests read corpus/ in place).
    static let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func corpus(_ path: String) -> URL { repoRoot.appendingPathComponent("corpus").appendingPathComponent(path) }

    static func temporaryFile(_ bytes: [UInt8], suffix: String = ".txt") throws -> String {
        let path = NSTemporaryDirectory() + "qingxi-test-\(UUID().uuidString)\(suffix)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    struct RunResult {
        var output: String
        var messages: String
        var summary: RunSummary
    }

    /// Runs `stages` over `input` through the record layer, reading `readSize` bytes at a time.
    static func run(_ input: String, stages: [Stage], options: RecordOptions = RecordOptions(), readSize: Int = 1 << 16) throws -> RunResult {
        try run(Array(input.utf8), stages: stages, options: options, readSize: readSize)
    }

    static func run(_ input: [UInt8], stages: [Stage], options: RecordOptions = RecordOptions(), readSize: Int = 1 << 16) throws -> RunResult {
        try run(inputs: [input], stages: stages, options: options, readSize: readSize)
    }

    /// Runs `stages` over several inputs in one run; file names in output and messages read INPUT, INPUT2, …
    static func run(inputs: [[UInt8]], stages: [Stage], options: RecordOptions = RecordOptions(), readSize: Int = 1 << 16) throws -> RunResult {
        let paths = try inputs.map { try temporaryFile($0) }
        let inputPath = paths[0]
        let outputPath = inputPath + ".out"
        let messagesPath = inputPath + ".err"
        defer { for p in paths + [outputPath, messagesPath] { try? FileManager.default.removeItem(atPath: p) } }
        var options = options
        options.inputs = paths
        options.readSize = readSize
        let messagesFD = open(messagesPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(messagesFD) }
        var summary = RunSummary()
        do {
            let output = try OutputWriter(path: outputPath)
            let runner = RecordRunner(options: options, chain: StageChain(stages), output: output,
                                      messages: MessageWriter(fd: messagesFD))
            summary = try runner.run()
        }
        let output = try String(contentsOfFile: outputPath, encoding: .utf8)
        let messages = (try? String(contentsOfFile: messagesPath, encoding: .utf8)) ?? ""
        func names(_ text: String) -> String {
            paths.enumerated().reversed().reduce(text) { $0.replacingOccurrences(of: $1.element, with: $1.offset == 0 ? "INPUT" : "INPUT\($1.offset + 1)") }
        }
        return RunResult(output: names(output), messages: names(messages), summary: summary)
    }

    /// A deterministic pseudo-random generator (SplitMix64) for generated test inputs.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
