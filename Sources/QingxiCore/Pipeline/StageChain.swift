/// Runs stages one after another inside one process: what stage N emits is what stage N+1 receives, exactly as
/// if the single-stage commands were piped together. The last stage's paragraphs go to `sink`.
public final class StageChain {
    public let stages: [Stage]

    public init(_ stages: [Stage]) {
        self.stages = stages
    }

    /// Starts an article in every stage.
    public func begin(_ article: Article) throws {
        for stage in stages { try stage.begin(article) }
    }

    /// Feeds one paragraph to the first stage.
    public func process(_ paragraph: Paragraph, of article: Article, sink: (Paragraph) throws -> Void) throws {
        try feed(paragraph, from: 0, article, sink)
    }

    /// Ends the article in every stage, in order, so that what an earlier stage releases at the end still
    /// passes through the later ones before they end.
    public func end(_ article: Article, sink: (Paragraph) throws -> Void) throws {
        for index in stages.indices {
            try stages[index].end(article) { try feed($0, from: index + 1, article, sink) }
        }
    }

    /// Tells every stage the run is over.
    public func finish() throws {
        for stage in stages { try stage.finish() }
    }

    private func feed(_ p: Paragraph, from index: Int, _ article: Article, _ sink: (Paragraph) throws -> Void) throws {
        guard index < stages.count else { return try sink(p) }
        try stages[index].process(p, of: article) { try feed($0, from: index + 1, article, sink) }
    }
}
