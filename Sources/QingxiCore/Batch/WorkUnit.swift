/// The piece of work batch schedules: a run of consecutive articles of one source (at most `maxBytes` of input
/// or `maxArticles` articles), or only rejects and counts. It passes through the pipeline's steps in order,
/// owned by one thread at a time (the scheduler's lock hands it over), hence `@unchecked Sendable`.
final class WorkUnit: @unchecked Sendable {
    static let maxBytes = 1 << 20
    static let maxArticles = 4096

    enum Mode { case process, replay }

    /// The unit's place in the run's sequence (set when the reader hands it out; skipped units get none).
    var seq = -1
    let position: UnitPosition
    let source: SourceRef?
    /// The first and last unit of its source (mirror files open and close on them).
    var startsSource = false
    var endsSource = false
    /// `.replay`: run through the stages only to rebuild cross-article state on `--resume`; nothing is written.
    var mode = Mode.process
    var raw: [RawArticle] = []
    var articles: [WorkArticle] = []
    var rejects: [Reject] = []
    var stats = BatchStats()
    /// The encoded output (JSONL or text, gzip-compressed when the target is) and its uncompressed size.
    var output: [UInt8] = []
    var outputPlainBytes = 0
    /// Input bytes read from disk when the unit was cut (for the progress meter).
    var diskBytesDone = 0

    init(position: UnitPosition, source: SourceRef?) {
        self.position = position
        self.source = source
    }

    /// Adds a reject to the unit and to its counts.
    func reject(_ reject: Reject) {
        rejects.append(reject)
        stats.count(reject)
    }
}
