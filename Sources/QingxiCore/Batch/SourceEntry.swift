/// One source of articles an input yields, open and ready to read: a top-level `.txt`/`.jsonl`/`.jsonl.gz`
/// file, or such an entry of an archive. `stream` already inflates gzip.
struct SourceEntry {
    var id: String
    var mirrorPath: String
    var form: SourceRef.Form
    var gzip: Bool
    var stream: ByteSource
    /// The uncompressed size when the container states it (file size, tar or ZIP header), so that an oversized
    /// text can be refused before it is read.
    var declaredSize: Int?
}

/// What an input yields next: a source, an entry refused with a reason, an entry of a type batch does not
/// read (counted as ignored), or a folder entry (nothing to count).
enum EntryOutcome {
    case entry(SourceEntry)
    case rejected(Reject)
    case ignored
    case folder
}

/// The sources of one input, in order. `next` throws `InputDamage` when the container itself is damaged; the
/// reader then rejects the rest of the input.
protocol EntryStream: AnyObject {
    func next() throws -> EntryOutcome?
}

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

/// Decides what an archive entry is by its checked path: a source, a refusal, or ignored. Shared by the tar
/// and ZIP readers.
struct ArchiveEntryFilter {
    let archiveID: String
    /// Refuse a second entry with the same path (with `--layout mirror` it would overwrite the first).
    let refuseDuplicates: Bool
    private(set) var seen: Set<String> = []

    init(archiveID: String, refuseDuplicates: Bool) {
        self.archiveID = archiveID
        self.refuseDuplicates = refuseDuplicates
    }

    enum Decision {
        case source(id: String, path: String, kind: BatchInput.Kind)
        case rejected(Reject)
        case ignored
    }

    /// `isLink` entries are never followed; `isFile` false means a directory or a special file.
    mutating func decide(rawPath: [UInt8], isFile: Bool, isLink: Bool) -> Decision {
        let path: String
        switch ArchivePath.validated(rawPath) {
        case .failure(let damage): return .rejected(Reject(input: archiveID, reason: damage.message, kind: .refused))
        case .success(let checked): path = checked
        }
        let id = archiveID + "!" + path
        guard let kind = BatchInput.Kind(fileName: path) else { return .ignored }
        if isLink { return .rejected(Reject(input: id, reason: "link entry, not followed", kind: .refused)) }
        guard isFile else { return .ignored }
        if kind.isArchive { return .rejected(Reject(input: id, reason: "archive inside an archive, not read (extract it first)", kind: .refused)) }
        if refuseDuplicates {
            guard seen.insert(path).inserted else { return .rejected(Reject(input: id, reason: "second entry with the same path, refused", kind: .refused)) }
        }
        return .source(id: id, path: path, kind: kind)
    }
}
