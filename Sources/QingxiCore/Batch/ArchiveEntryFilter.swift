/// Decides what an archive entry is by its checked path: a source, a refusal, a skipped file of a type batch does
/// not read (named as a `skipped` reject), or ignored (directories, special files, links of other types). Shared by the tar
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
        guard let kind = BatchInput.Kind(fileName: path) else {
            guard isFile && !isLink else { return .ignored }
            return .rejected(Reject(input: id, reason: BatchInput.Kind.skipReason(fileName: path), kind: .skipped))
        }
        if isLink { return .rejected(Reject(input: id, reason: "link entry, not followed", kind: .refused)) }
        guard isFile else { return .ignored }
        if kind.isArchive { return .rejected(Reject(input: id, reason: "archive inside an archive, not read (extract it first)", kind: .refused)) }
        if refuseDuplicates {
            guard seen.insert(path).inserted else { return .rejected(Reject(input: id, reason: "second entry with the same path, refused", kind: .refused)) }
        }
        return .source(id: id, path: path, kind: kind)
    }
}
