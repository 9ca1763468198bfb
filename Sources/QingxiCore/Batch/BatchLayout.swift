/// The output layout of `qingxi batch`.
public enum BatchLayout: String, Sendable, CaseIterable {
    /// `OUT/part-NNNNN.jsonl.gz`, size-bounded (`shardBytes`).
    case shards
    /// A tree of cleaned files at the inputs' relative paths.
    case mirror
}
