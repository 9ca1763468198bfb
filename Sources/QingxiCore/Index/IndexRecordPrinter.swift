/// The `ArticleSink` behind `--format jsonl|es-bulk|text`: builds each finished article's `IndexRecord` and
/// writes it to the output. Articles the stages left empty are not written; they are counted in `emptied`.
public final class IndexRecordPrinter: ArticleSink {
    private let builder: IndexRecordBuilder
    private let encoder: IndexRecordEncoder
    private let output: OutputWriter
    private var buffer: [UInt8] = []
    public private(set) var written = 0
    public private(set) var emptied = 0

    public init(builder: IndexRecordBuilder, encoder: IndexRecordEncoder, output: OutputWriter) {
        self.builder = builder
        self.encoder = encoder
        self.output = output
    }

    public func article(_ article: Article, paragraphs: [Paragraph], record: JSONRecord?) throws {
        guard let indexRecord = try builder.record(for: article, paragraphs: paragraphs, record: record) else {
            emptied += 1
            return
        }
        buffer.removeAll(keepingCapacity: true)
        encoder.append(indexRecord, to: &buffer)
        try output.write(buffer)
        written += 1
    }

    public func finish() throws {}
}
