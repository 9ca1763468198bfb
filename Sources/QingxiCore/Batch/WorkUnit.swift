/// Where a unit stands in the input: the index of the top-level input (in `UnitReader`'s list) and the unit's
/// number within it. Units are cut the same way on every run, so a position names the same articles again on
/// `--resume`.
public struct UnitPosition: Sendable, Equatable, Comparable {
    public var input: Int
    public var unit: Int

    public static func < (a: UnitPosition, b: UnitPosition) -> Bool {
        (a.input, a.unit) < (b.input, b.unit)
    }
}

/// One file or archive entry that articles come from: the owner of a run of consecutive units.
public final class SourceRef: Sendable {
    public enum Form: Sendable { case text, jsonl }
    /// Article id (`.txt`) or id prefix (`file.jsonl:LINE` when a record has no id): the relative path, or
    /// `archive!entry`.
    public let id: String
    public let form: Form
    /// The source was gzip-compressed (a mirrored copy is compressed too).
    public let gzip: Bool
    /// The charset chosen for the whole source (JSONL under `--encoding`); nil: UTF-8, or decided per text.
    public let charset: String?
    /// Its relative output path with `--layout mirror`.
    public let mirrorPath: String

    init(id: String, form: Form, gzip: Bool, charset: String?, mirrorPath: String) {
        self.id = id
        self.form = form
        self.gzip = gzip
        self.charset = charset
        self.mirrorPath = mirrorPath
    }
}

/// An article as read, before decoding: a whole text file, or one JSONL line.
struct RawArticle {
    var bytes: [UInt8]
    /// The JSONL line (1 for a text file).
    var line: Int
}

/// What a worker made of one article: the article and its paragraphs after the stages run so far.
struct WorkArticle {
    var article: Article
    var paragraphs: [Paragraph]
    var record: JSONRecord?
}

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
