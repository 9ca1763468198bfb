/// A step of the pipeline: sees each article's paragraphs in order and emits the ones it keeps (changed or not).
///
/// Contract, shared by every stage:
/// - `begin` is called once per article before its first paragraph; `end` once after its last, and may emit
///   paragraphs the stage held back (a stage that needs the whole article buffers in `process` and emits
///   in `end`).
/// - Every paragraph that goes in either comes out (through `emit`, in input order) or is recorded in
///   `article.removed` with a reason. Nothing disappears without a trace.
/// - A stage is deterministic and idempotent: running it on its own output changes nothing.
/// - Stages are not thread-safe; a parallel driver makes one chain per worker.
public protocol Stage: AnyObject {
    /// Short name used in traces and `--explain` ("convert", "strip").
    var name: String { get }
    func begin(_ article: Article) throws
    func process(_ paragraph: Paragraph, of article: Article, emit: (Paragraph) throws -> Void) throws
    func end(_ article: Article, emit: (Paragraph) throws -> Void) throws
    /// Called once after the last article of the run (e.g. to report totals). Default: nothing.
    func finish() throws
}

extension Stage {
    public func begin(_ article: Article) throws {}
    public func end(_ article: Article, emit: (Paragraph) throws -> Void) throws {}
    public func finish() throws {}
}
