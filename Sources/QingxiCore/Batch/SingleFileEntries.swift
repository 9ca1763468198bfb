/// A top-level file that is itself one source. Its first bytes decide, not only its name: gzip data under any
/// name is inflated, and zstd, bzip2 or xz data is refused as damaged input (`Compression`), so compressed bytes
/// are never read as text.
final class SingleFileEntries: EntryStream {
    private var entry: SourceEntry?

    init(_ input: BatchInput, file: FileByteSource, limit: InflatingSource.ExpansionLimit) throws {
        let sample = PrefixedSource.sample(file, count: Compression.magicLength)
        let found = Compression.detect(try sample.prefix())
        if let found, !found.isReadable { throw InputDamage(found.refusal(input.id)) }
        let gzip = input.kind == .jsonlGzip || found == .gzip
        let stream: ByteSource = gzip ? try InflatingSource(sample, format: .gzip, limit: limit, what: input.id) : sample
        entry = SourceEntry(id: input.id, mirrorPath: input.id, form: input.kind == .text ? .text : .jsonl, gzip: gzip,
                            stream: stream, declaredSize: gzip ? nil : input.size)
    }

    func next() throws -> EntryOutcome? {
        defer { entry = nil }
        return entry.map { .entry($0) }
    }
}
