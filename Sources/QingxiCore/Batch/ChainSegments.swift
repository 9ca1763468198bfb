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
