/// `OUT/part-NNNNN.jsonl.gz` (`.ndjson.gz`, `.txt.gz` for index records in those formats): the units' gzip members concatenated in input order. A shard is closed before a
/// unit that would take it over `shardBytes` of uncompressed JSONL (a shard holds at least one unit), then
/// committed. Shard boundaries depend only on the output, never on `--jobs` or timing.
final class ShardOutput: BatchOutput {
    private let tracker: CommitTracker
    private let shardBytes: Int
    private let fileExtension: String
    private var shard: OutputFile?
    private var shardPlainBytes = 0

    init(tracker: CommitTracker, shardBytes: Int, fileExtension: String = "jsonl.gz") {
        self.tracker = tracker
        self.shardBytes = shardBytes
        self.fileExtension = fileExtension
    }

    var stats: BatchStats { tracker.stats }

    func write(_ unit: WorkUnit) throws {
        guard unit.mode == .process else { return }
        if unit.outputPlainBytes > 0 && shardPlainBytes > 0 && shardPlainBytes + unit.outputPlainBytes > shardBytes {
            try commit()
        }
        if !unit.output.isEmpty {
            if shard == nil { shard = try tracker.directory.temporaryFile() }
            try shard!.write(unit.output)
            shardPlainBytes += unit.outputPlainBytes
        }
        try tracker.note(unit)
    }

    func finish() throws -> BatchStats {
        try commit()
        try tracker.complete()
        return tracker.stats
    }

    private func commit() throws {
        var files: [String] = []
        if let shard {
            let name = "part-\(String(tracker.nextShard).leftPadded(to: 5)).\(fileExtension)"
            try tracker.directory.commit(shard, as: name)
            tracker.nextShard += 1
            files.append(name)
        }
        shard = nil
        shardPlainBytes = 0
        try tracker.commit(files: files, syncAll: false)
    }
}
