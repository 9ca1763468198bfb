/// The sources inside a tar or tar.gz archive, in archive order (see `TarReader`, `ArchiveEntryFilter`).
final class TarEntries: EntryStream {
    private let reader: TarReader
    private var filter: ArchiveEntryFilter
    private let limit: InflatingSource.ExpansionLimit
    private let archiveMirror: String

    init(_ input: BatchInput, file: FileByteSource, limit: InflatingSource.ExpansionLimit, refuseDuplicates: Bool) throws {
        let stream: ByteSource = input.kind == .tarGzip ? try InflatingSource(file, format: .gzip, limit: limit, what: input.id) : file
        reader = TarReader(stream, what: input.id)
        filter = ArchiveEntryFilter(archiveID: input.id, refuseDuplicates: refuseDuplicates)
        self.limit = limit
        archiveMirror = input.id
    }

    func next() throws -> EntryOutcome? {
        guard let (entry, body) = try reader.next() else { return nil }
        let isLink: Bool
        switch entry.kind {
        case .symlink, .hardlink: isLink = true
        default: isLink = false
        }
        if entry.kind == .directory { return .folder }
        switch filter.decide(rawPath: entry.path, isFile: entry.kind == .file, isLink: isLink) {
        case .ignored: return .ignored
        case .rejected(let reject): return .rejected(reject)
        case .source(let id, let path, let kind):
            let gzip = kind == .jsonlGzip
            let stream: ByteSource = gzip ? try InflatingSource(body, format: .gzip, limit: limit, what: id) : body
            return .entry(SourceEntry(id: id, mirrorPath: archiveMirror + "/" + path, form: kind == .text ? .text : .jsonl,
                                      gzip: gzip, stream: stream, declaredSize: gzip ? nil : entry.size))
        }
    }
}
