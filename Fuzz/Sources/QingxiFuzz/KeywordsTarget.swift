import QingxiCore

/// Keyword extraction (`PolicyTermExtractor` with the built-in lexicon and ranker) and search tokens
/// (`SearchTokenizer`, annotate mode) through the record layer, as `qingxi keywords --tokens` runs them.
///
/// Flags: bit 0 JSONL input (else text). Invariants: 1…64-byte reads give the same terms and tokens; every
/// ranked term has a count of at least 1, a finite positive score and a non-empty term; the extractor keeps
/// every paragraph (it only annotates).
final class KeywordsTarget: FuzzTarget {
    let harness = RecordHarness()
    /// Built once: neither stage keeps anything from one article to the next, and building them costs far more
    /// than a run (the lexicon's term finder, ICU's word breaker).
    let stages: [Stage]

    init() throws {
        let view = try ScriptConverter.matchingView()
        let lexicon = try PolicyLexicon.builtIn(view: view)
        stages = [try PolicyTermExtractor(lexicon: lexicon, view: view),
                  try SearchTokenizer(lexicon: lexicon, view: view, mode: .annotate)]
    }

    func run(_ input: FuzzInput) {
        let options = RecordOptions.fuzzing(format: input.flag(0) ? .jsonl : .text)
        let make = { [stages] in stages }
        let found = harness.run(input.payload, options: options, capture: true, makeStages: make)
        FuzzCheck.same(found, harness.run(input.payload, options: options.reading(input.smallReadSize), capture: true, makeStages: make),
                       "keywords: chunked == whole")
        guard found.error == nil, let summary = found.summary else { return }
        FuzzCheck.require(summary.paragraphsOut == summary.paragraphsIn, "keywords: a paragraph was dropped")
        for term in found.articles.flatMap(\.terms) {
            FuzzCheck.require(!term.term.isEmpty && term.count >= 1 && term.score.isFinite && term.score > 0,
                              "keywords: malformed term \(term)")
        }
    }
}
