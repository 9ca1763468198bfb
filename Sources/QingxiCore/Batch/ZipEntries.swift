/// The sources inside a ZIP file, in central-directory order (see `ZipReader`, `ArchiveEntryFilter`). An entry
/// that cannot be opened (encrypted, unsupported method, overlapping data) is rejected and the next one read.
final class ZipEntries: EntryStream {
    private let reader: ZipReader
    private var filter: ArchiveEntryFilter
    private let limit: InflatingSource.ExpansionLimit
    private let archiveMirror: String

    init(_ input: BatchInput, file: FileByteSource, limit: InflatingSource.ExpansionLimit, refuseDuplicates: Bool) throws {
        reader = try ZipReader(file: file, what: input.id)
        filter = ArchiveEntryFilter(archiveID: input.id, refuseDuplicates: refuseDuplicates)
        self.limit = limit
        archiveMirror = input.id
    }

    func next() throws -> EntryOutcome? {
        guard let entry = try reader.next() else { return nil }
        if entry.isDirectory { return .folder }
        switch filter.decide(rawPath: entry.path, isFile: true, isLink: false) {
        case .ignored: return .ignored
        case .rejected(let reject): return .rejected(reject)
        case .source(let id, let path, let kind):
            do {
                let data = try reader.open(entry, limit: limit)
                let gzip = kind == .jsonlGzip
                let stream: ByteSource = gzip ? try InflatingSource(data, format: .gzip, limit: limit, what: id) : data
                return .entry(SourceEntry(id: id, mirrorPath: archiveMirror + "/" + path, form: kind == .text ? .text : .jsonl,
                                          gzip: gzip, stream: stream, declaredSize: gzip ? nil : entry.size))
            } catch let damage as InputDamage {
                return .rejected(Reject(input: id, reason: damage.message, kind: .damaged))
            }
        }
    }
}
