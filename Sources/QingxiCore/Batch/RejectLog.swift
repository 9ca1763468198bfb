/// The rejects of the current commit group, written as JSON lines to a temporary file and committed with the
/// group as `rejects/rejects-NNNNN.jsonl` (NNNNN = commit number; no file when the group had none). The first
/// `shownLimit` rejects of the run are also reported on stderr.
final class RejectLog {
    private let directory: OutputDirectory
    private let messages: MessageWriter?
    private var file: OutputFile?
    private var shown = 0
    static let shownLimit = 20

    init(directory: OutputDirectory, messages: MessageWriter?) {
        self.directory = directory
        self.messages = messages
    }

    func add(_ rejects: [Reject]) throws {
        for reject in rejects {
            if file == nil { file = try directory.temporaryFile() }
            try file!.write(reject.jsonLine + [0x0A])
            show(reject)
        }
    }

    /// Renames the group's rejects into place; returns their relative path, or nil when there were none.
    func commit(number: Int, sync: Bool) throws -> String? {
        guard let current = file else { return nil }
        file = nil
        let name = "rejects/rejects-\(String(number).leftPadded(to: 5)).jsonl"
        try directory.commit(current, as: name, sync: sync)
        return name
    }

    private func show(_ reject: Reject) {
        guard let messages else { return }
        shown += 1
        if shown <= Self.shownLimit {
            messages.line("qingxi: \(reject.message) (rejected: \(reject.kind.rawValue))")
        } else if shown == Self.shownLimit + 1 {
            messages.line("qingxi: more rejects: see \(directory.path)/rejects/")
        }
    }
}
