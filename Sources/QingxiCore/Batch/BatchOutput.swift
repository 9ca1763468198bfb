/// Where the batch writer (the pipeline's last, ordered step) puts units: JSONL shards or a mirrored tree.
/// Units arrive in input order; `.replay` units are not written. `finish` commits the rest and marks the run
/// complete; it returns the run's counts.
protocol BatchOutput: AnyObject {
    func write(_ unit: WorkUnit) throws
    func finish() throws -> BatchStats
    /// Counts so far (manifest counts of an earlier run included).
    var stats: BatchStats { get }
}
