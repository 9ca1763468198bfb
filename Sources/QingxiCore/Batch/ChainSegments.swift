/// A stage chain cut into runs of stages for batch: runs of stages that may be copied per worker (parallel)
/// and runs of stages that must see every article in input order (`CrossArticleStage`), in chain order.
///
/// Each run processes a whole article before the next run starts on it, so a stage's `begin` sees what the
/// earlier runs did to the article (in `StageChain`, every `begin` comes before the first paragraph). Stages
/// that only read their own state in `begin`, as the stage contract expects, behave the same either way.
struct ChainSegments: Equatable {
    struct Segment: Equatable {
        var stages: Range<Int>
        var ordered: Bool
    }

    let segments: [Segment]

    init(_ stages: [Stage]) {
        var segments: [Segment] = []
        for (index, stage) in stages.enumerated() {
            let ordered = stage.needsInputOrder
            if let last = segments.last, last.ordered == ordered {
                segments[segments.count - 1].stages = last.stages.lowerBound..<(index + 1)
            } else {
                segments.append(Segment(stages: index..<(index + 1), ordered: ordered))
            }
        }
        self.segments = segments
    }

    var hasOrderedStages: Bool { segments.contains { $0.ordered } }
}

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
