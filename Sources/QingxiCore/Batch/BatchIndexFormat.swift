/// `qingxi batch --format jsonl|es-bulk|text`: shards of index records instead of cleaned articles. Each worker
/// makes its own `IndexRecordBuilder` (builders are not thread-safe) with `makeBuilder`, and its own chain with
/// `makeStages(builder)`, so that the builder takes the term candidates its chain's keyword stage found (as
/// `clean --format` does); the records are encoded on the worker like articles, so the output is the same for
/// any `--jobs`.
public struct BatchIndexFormat: Sendable {
    public let encoder: IndexRecordEncoder
    /// A new builder for one worker.
    public let makeBuilder: @Sendable () throws -> IndexRecordBuilder
    /// One worker's chain, feeding `builder`.
    public let makeStages: @Sendable (IndexRecordBuilder) throws -> [Stage]

    public init(encoder: IndexRecordEncoder, makeBuilder: @escaping @Sendable () throws -> IndexRecordBuilder,
                makeStages: @escaping @Sendable (IndexRecordBuilder) throws -> [Stage]) {
        self.encoder = encoder
        self.makeBuilder = makeBuilder
        self.makeStages = makeStages
    }

    /// The shard file name extension for this format: `jsonl.gz`, `ndjson.gz` (es-bulk) or `txt.gz`.
    var shardExtension: String {
        switch encoder.format {
        case .jsonl: "jsonl.gz"
        case .esBulk: "ndjson.gz"
        case .text: "txt.gz"
        }
    }

    /// What goes into the resume fingerprint: a resumed run must write the same format.
    var fingerprint: String { "\(encoder.format.rawValue)\t\(encoder.indexName ?? "")" }
}
