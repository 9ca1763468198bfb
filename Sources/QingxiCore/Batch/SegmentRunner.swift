/// Runs a sub-chain over every article of a unit: the paragraphs that come out replace the article's
/// paragraphs. A stage that throws `QingxiError.badData` rejects that article (the message names it); other
/// errors end the run.
final class SegmentRunner {
    private let chain: StageChain

    init(_ stages: ArraySlice<Stage>) {
        chain = StageChain(Array(stages))
    }

    func run(_ unit: WorkUnit) throws {
        var kept: [WorkArticle] = []
        kept.reserveCapacity(unit.articles.count)
        for var item in unit.articles {
            var out: [Paragraph] = []
            out.reserveCapacity(item.paragraphs.count)
            do {
                try chain.begin(item.article)
                for paragraph in item.paragraphs {
                    try chain.process(paragraph, of: item.article) { out.append($0) }
                }
                try chain.end(item.article) { out.append($0) }
            } catch let error as QingxiError {
                guard case .badData(_, _, let message) = error else { throw error }
                let reject = Reject(input: item.article.file, line: item.article.line, reason: message, kind: .malformed)
                unit.reject(reject)
                continue
            }
            item.paragraphs = out
            kept.append(item)
        }
        unit.articles = kept
    }

    /// Ends the run in every stage of the sub-chain.
    func finish() throws {
        try chain.finish()
    }
}
