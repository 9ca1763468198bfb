/// The output layout of `qingxi batch`.
public enum BatchLayout: String, Sendable, CaseIterable {
    /// `OUT/part-NNNNN.jsonl.gz`, size-bounded (`shardBytes`).
    case shards
    /// A tree of cleaned files at the inputs' relative paths.
    case mirror

    /// Where batch keeps its own files (manifest, rejects, temporary files), relative to OUT, with a final `/`.
    /// In the mirror layout OUT holds the inputs' own tree, so batch's files go in `.qingxi/`, a name no input
    /// may take (an input `manifest.jsonl` or `rejects/…` would otherwise replace batch's); shards are all
    /// batch's own names, so its files stay at the top.
    public var stateFolder: String {
        switch self {
        case .shards: return ""
        case .mirror: return Self.reservedFolder + "/"
        }
    }

    /// The top-level name reserved for batch in the mirror layout.
    public static let reservedFolder = ".qingxi"
}
