#if canImport(Glibc)
import Glibc
#endif

/// `--layout mirror`: one output file per source, at the source's relative path (`a/b.txt`, `c.jsonl.gz`;
/// archive entries under the archive's path: `x.tar.gz/dir/e.txt`), cleaned `.txt` for text files and JSONL
/// (gzip when the source was) for JSONL. Each file is written under `.tmp/` and renamed into place when its
/// source ends; a source that yielded no article (rejected whole) leaves no file.
///
/// Commits come at source boundaries once `commitBytes` of output gathered, with one `syncfs` for all the
/// group's files. A path that clashes with another input's output (the same path, or a file where a folder is
/// needed) makes the later source a reject. (Within one run: a clash with a file committed before a resume is
/// not seen; only overlapping command-line folders can cause one.)
final class MirrorOutput: BatchOutput {
    private let tracker: CommitTracker
    private let commitBytes: Int
    private var current: OutputFile?
    private var currentArticles = 0
    /// What the current source's units counted as written (articles, paragraphs, bytes out): taken back when
    /// the source is refused, so that each of its articles counts once (in and refused), not also out.
    private var currentOut = (articles: 0, paragraphs: 0, bytes: 0)
    private var groupBytes = 0
    /// Paths placed in this run: a second source landing on one of them is rejected instead of overwriting it.
    private var placed: Set<String> = []
    /// The longest name the output file system holds (`MirrorName`), and the names shortened in this run
    /// (`from → to`, for the report; each is also reported on stderr).
    private let nameMax: Int
    private(set) var renamed: [String] = []
    private let messages: MessageWriter?

    init(tracker: CommitTracker, commitBytes: Int, messages: MessageWriter?) {
        self.tracker = tracker
        self.commitBytes = commitBytes
        self.messages = messages
        let limit = pathconf(tracker.directory.path, Int32(_PC_NAME_MAX))
        nameMax = limit > 0 ? limit : 255
    }

    var stats: BatchStats { tracker.stats }

    func write(_ unit: WorkUnit) throws {
        guard unit.mode == .process else { return }
        if let source = unit.source {
            if unit.startsSource {
                current = try tracker.directory.temporaryFile()
                currentArticles = 0
                currentOut = (0, 0, 0)
            }
            try current?.write(unit.output)
            currentArticles += unit.stats.articlesIn
            currentOut.articles += unit.stats.articlesOut
            currentOut.paragraphs += unit.stats.paragraphsOut
            currentOut.bytes += unit.stats.bytesOut
            if unit.endsSource { try place(source, unit) }
        }
        try tracker.note(unit)
        if current == nil && groupBytes >= commitBytes { try commit() }
    }

    func finish() throws -> BatchStats {
        try commit()
        try tracker.complete()
        return tracker.stats
    }

    private func commit() throws {
        try tracker.commit(files: [], syncAll: true)
        groupBytes = 0
    }

    /// Renames the finished file into place, or drops it when the source gave no article.
    private func place(_ source: SourceRef, _ unit: WorkUnit) throws {
        guard let file = current else { return }
        current = nil
        guard currentArticles > 0 else {
            try file.close()
            unlink(file.path)
            return
        }
        if source.gzip && file.size == 0 { try file.write(try GzipCompressor().member([])) }
        groupBytes += file.size
        let target = MirrorName.fitted(source.mirrorPath, maxBytes: nameMax)
        if target != source.mirrorPath {
            renamed.append("\(source.mirrorPath) → \(target)")
            messages?.line("qingxi: \(source.id): a name longer than the output file system allows (\(nameMax) bytes); written as \(target)")
        }
        do {
            guard placed.insert(target).inserted else { throw PathConflict(path: target) }
            try tracker.directory.commit(file, as: target, sync: false)
        } catch let conflict as PathConflict {
            unlink(file.path)
            let reject = Reject(input: source.id, reason: "output path clashes with another input's: \(conflict.path)", kind: .refused)
            unit.reject(reject)
            // Earlier units of this source were counted already: their share comes off this last one.
            unit.stats.articlesOut -= currentOut.articles
            unit.stats.paragraphsOut -= currentOut.paragraphs
            unit.stats.bytesOut -= currentOut.bytes
        }
    }
}
