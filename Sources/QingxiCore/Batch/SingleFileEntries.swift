/// A top-level file that is itself one source.
final class SingleFileEntries: EntryStream {
    private var entry: SourceEntry?

    init(_ input: BatchInput, file: FileByteSource, limit: InflatingSource.ExpansionLimit) throws {
        let gzip = input.kind == .jsonlGzip
        let stream: ByteSource = gzip ? try InflatingSource(file, format: .gzip, limit: limit, what: input.id) : file
        entry = SourceEntry(id: input.id, mirrorPath: input.id, form: input.kind == .text ? .text : .jsonl, gzip: gzip,
                            stream: stream, declaredSize: gzip ? nil : input.size)
    }

    func next() throws -> EntryOutcome? {
        defer { entry = nil }
        return entry.map { .entry($0) }
    }
}
