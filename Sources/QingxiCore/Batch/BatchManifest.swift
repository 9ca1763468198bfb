/// `OUT/manifest.jsonl`: what a batch run has finished, appended one line per commit and flushed to disk after
/// the files it names, so that `--resume` trusts exactly what is complete.
///
/// Lines: a header (`{"qingxi":"batch","version":1,"layout":…,"fingerprint":…}`), then one per commit
/// (`{"commit":N,"after":{"input":I,"unit":U},"next_shard":S,"files":[…],"stats":{…}}`: every unit up to
/// position (I, U) is in files that are complete on disk), then `{"complete":true,"stats":{…}}` at the end.
/// Nothing in it depends on time or `--jobs`, so an interrupted-and-resumed run leaves the same manifest as an
/// uninterrupted one. A line cut by a crash (no final newline, or not parseable) and anything after it are
/// dropped when the run resumes. The fingerprint (inputs with sizes and times, output-relevant options) must
/// match, or resuming is refused.
final class BatchManifest {
    struct Commit: Equatable {
        var number: Int
        var after: UnitPosition
        var nextShard: Int
        var stats: BatchStats
    }

    static let name = "manifest.jsonl"
    private let file: OutputFile
    private(set) var lastCommit: Commit?
    private(set) var completeStats: BatchStats?
    /// An earlier run's manifest was opened (`--resume`).
    private(set) var resumed = false

    /// Opens the manifest of `directory`: a fresh one for a new run (the folder must be empty), or the
    /// earlier run's when `resume` is set (a folder without a manifest starts afresh).
    init(directory: OutputDirectory, fingerprint: String, layout: String, resume: Bool) throws {
        let path = directory.path + "/" + directory.state + Self.name
        let header = JSONValue.object([("qingxi", .string("batch")), ("version", .int(1)), ("layout", .string(layout)),
                                       ("fingerprint", .string(fingerprint))]).encoded()
        if let existing = FileBytes.read(path) {
            guard resume else {
                throw QingxiError.usage("\(directory.path) holds an earlier batch run: add --resume to continue it, or choose an empty folder")
            }
            let lines = Self.completeLines(existing)
            if lines.isEmpty {
                // Killed while writing the header: nothing was committed, start afresh.
                file = try OutputFile(path: path, budget: directory.budget)
                try file.write(header + [0x0A])
                try file.sync()
                resumed = true
                return
            }
            guard let first = lines.first, first.bytes == header else {
                throw QingxiError.usage("\(directory.path) holds a batch run of other inputs or options (the fingerprint differs): rerun that same command with --resume, or choose an empty folder")
            }
            file = try OutputFile(path: path, append: true, budget: directory.budget)
            resumed = true
            var valid = first.end
            for line in lines.dropFirst() {
                guard read(line.bytes) else { break }
                valid = line.end
            }
            if valid < existing.count { file.truncate(to: valid) }
        } else {
            let left = directory.contents()
            guard left.isEmpty else {
                throw QingxiError.usage("\(directory.path) is not empty and holds no batch manifest: choose an empty folder")
            }
            file = try OutputFile(path: path, budget: directory.budget)
            try file.write(header + [0x0A])
            try file.sync()
        }
    }

    /// Records a commit: `files` are already complete under their final names.
    func append(_ commit: Commit, files: [String]) throws {
        let line = JSONValue.object([
            ("commit", .int(commit.number)),
            ("after", .object([("input", .int(commit.after.input)), ("unit", .int(commit.after.unit))])),
            ("next_shard", .int(commit.nextShard)),
            ("files", .array(files.map { .string($0) })),
            ("stats", commit.stats.json),
        ])
        try appendLine(line)
        lastCommit = commit
    }

    func markComplete(_ stats: BatchStats) throws {
        try appendLine(.object([("complete", .bool(true)), ("stats", stats.json)]))
        completeStats = stats
    }

    private func appendLine(_ value: JSONValue) throws {
        let before = file.size
        do {
            try file.write(value.encoded() + [0x0A])
            try file.sync()
        } catch {
            file.truncate(to: before)
            throw error
        }
    }

    /// Reads one commit or completion line; false when it cannot be read.
    private func read(_ bytes: [UInt8]) -> Bool {
        let fields: [JSONScanner.Field]
        do {
            fields = try bytes.withUnsafeBufferPointer { buffer throws(JSONScanner.SyntaxError) in try JSONScanner.topLevelFields(of: buffer) }
        } catch {
            return false
        }
        let value = bytes.withUnsafeBufferPointer { JSONScanner.value($0, 0..<$0.count) }
        guard let stats = value["stats"] else { return false }
        if fields.contains(where: { $0.key == "complete" }) {
            completeStats = BatchStats(json: stats)
            return true
        }
        guard let number = Self.int(value["commit"]), let after = value["after"], let input = Self.int(after["input"]),
              let unit = Self.int(after["unit"]), let nextShard = Self.int(value["next_shard"]) else { return false }
        lastCommit = Commit(number: number, after: UnitPosition(input: input, unit: unit), nextShard: nextShard,
                            stats: BatchStats(json: stats))
        return true
    }

    private static func int(_ value: JSONValue?) -> Int? {
        if case .raw(let bytes)? = value { return Int(String(decoding: bytes, as: UTF8.self)) }
        if case .int(let n)? = value { return n }
        return nil
    }

    /// The lines that end with a newline (without it), with the offset just past each.
    private static func completeLines(_ bytes: [UInt8]) -> [(bytes: [UInt8], end: Int)] {
        var lines: [(bytes: [UInt8], end: Int)] = []
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append((Array(bytes[start..<i]), i + 1))
            start = i + 1
        }
        return lines
    }
}
