/// The rejects of the current commit group, written as JSON lines to a temporary file and committed with the
/// group as `rejects/rejects-NNNNN.jsonl` (NNNNN = commit number; no file when the group had none). The first
/// `shownLimit` rejects of the run are also reported on stderr, and every skipped file (`Reject.Kind.skipped`).
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
        let name = directory.state + "rejects/rejects-\(String(number).leftPadded(to: 5)).jsonl"
        try directory.commit(current, as: name, sync: sync)
        return name
    }

    private func show(_ reject: Reject) {
        guard let messages else { return }
        if reject.kind == .skipped {  // every one is named: a skipped file is input the user may think was read
            messages.line("qingxi: \(reject.message) (skipped)")
            return
        }
        shown += 1
        if shown <= Self.shownLimit {
            messages.line("qingxi: \(reject.message) (rejected: \(reject.kind.rawValue))")
        } else if shown == Self.shownLimit + 1 {
            messages.line("qingxi: more rejects: see \(directory.path)/rejects/")
        }
    }

    /// The skipped files (`Reject.Kind.skipped`) recorded in the committed reject files in `folder` (OUT's
    /// `rejects/`), in commit order: `input: reason` each. Read back from disk so that a resumed run names those
    /// of earlier runs too.
    static func skipped(in folder: String) -> [String] {
        guard let names = InputDiscovery.sortedNames(folder) else { return [] }
        var found: [String] = []
        for name in names where name.hasSuffix(".jsonl") {
            guard let bytes = FileBytes.read(folder + "/" + name) else { continue }
            for line in bytes.split(separator: 0x0A) {
                guard let record = try? JSONRecord(line: Array(line), textField: "reason", file: name, lineNumber: 0),
                      record.stringField("kind") == Reject.Kind.skipped.rawValue else { continue }
                found.append("\(record.stringField("input") ?? "?"): \(record.text)")
            }
        }
        return found
    }
}
