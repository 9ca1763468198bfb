/// The state of one article as it passes through the stages: where it came from, its title, and what the
/// stages learned about it. The paragraphs themselves are not stored here; they stream through the stages
/// (see `Stage`), so that memory does not grow with the size of a plain-text article.
///
/// A stage adds to `meta` (bylines, sources), `removed` (its audit trail) and `annotations` (anything else,
/// e.g. `keywords`); the JSONL printer writes all three under the single key `qingxi`, the text printer sends
/// `removed` and `meta` to stderr when asked.
public final class Article {
    /// The record's `id` field (JSONL) or `FILE#N` (plain text, N-th article of the stream).
    public let id: String
    /// The input's display name (`-` or `<stdin>` for standard input).
    public let file: String
    /// The 1-based input line where the article starts.
    public let line: Int
    /// The title (JSONL `title` field); plain text has none: its first line is its first paragraph.
    public var title: String?
    /// Metadata found by stages, in the order found (`editor`, `source`, …). A key may repeat.
    public var meta: [(key: String, value: String)] = []
    /// Paragraphs taken out, with stage and reason. Appended once per removed line (nine lines in ten of a page
    /// dump): unchecked, which spares each append a run-time exclusivity check (an article is used by one
    /// thread at a time).
    @exclusivity(unchecked) public var removed: [Removal] = []
    /// Further results by key, in insertion order; a later set of the same key replaces the earlier one.
    public private(set) var annotations: [(key: String, value: JSONValue)] = []
    /// True when the run explains itself (`--explain`): stages then also record what they changed.
    public internal(set) var tracing = false
    /// Paragraphs a stage changed (with `tracing` only), e.g. converted characters.
    public var changes: [Removal] = []
    /// The format the run writes (set by the record layer), for stages whose result depends on it.
    public internal(set) var outputFormat: RecordFormat = .text
    /// What an earlier qingxi run recorded under `qingxi` (JSONL input that already went through a stage).
    public var previous: JSONValue?

    public init(id: String, file: String, line: Int, title: String? = nil) {
        self.id = id
        self.file = file
        self.line = line
        self.title = title
    }

    /// Sets an annotation, replacing an earlier value under the same key.
    public func annotate(_ key: String, _ value: JSONValue) {
        if let index = annotations.firstIndex(where: { $0.key == key }) {
            annotations[index].value = value
        } else {
            annotations.append((key, value))
        }
    }

    /// Records that a stage changed a paragraph (kept in the output); `detail` says how.
    public func recordChange(_ paragraph: Paragraph, stage: String, detail: String) {
        changes.append(Removal(stage: stage, paragraph: paragraph, reason: detail))
    }

    /// Records a removal (the paragraph is then not emitted by the stage).
    public func recordRemoval(_ paragraph: Paragraph, stage: String, reason: String) {
        removed.append(Removal(stage: stage, paragraph: paragraph, reason: reason))
    }
}
