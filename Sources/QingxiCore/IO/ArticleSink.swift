/// Receives each article as it leaves the last stage, in place of the record layer's own printers: the hook
/// through which `--format jsonl|es-bulk|text` writes index records and `qingxi index` fills its database, on
/// the same readers, error handling and summary as every other command.
///
/// The record layer calls `article` once per article, in input order, with the paragraphs the last stage
/// emitted (blank ones included) and the input record for JSON Lines; then `finish` once, after the stages
/// have finished and before the output is flushed. Articles are told the JSONL output format (stages that
/// annotate for JSONL annotate).
public protocol ArticleSink: AnyObject {
    func article(_ article: Article, paragraphs: [Paragraph], record: JSONRecord?) throws
    func finish() throws
}

/// Collects an article's paragraphs and hands the finished article to an `ArticleSink`.
final class SinkPrinter: ArticlePrinter {
    private let sink: ArticleSink
    private var paragraphs: [Paragraph] = []

    init(sink: ArticleSink) {
        self.sink = sink
    }

    func begin(_ article: Article) throws {
        paragraphs.removeAll(keepingCapacity: true)
    }

    func paragraph(_ paragraph: Paragraph) throws {
        paragraphs.append(paragraph)
    }

    func end(_ article: Article, record: JSONRecord?) throws {
        try sink.article(article, paragraphs: paragraphs, record: record)
    }
}
