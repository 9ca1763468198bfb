import ArgumentParser
import QingxiCore

/// `qingxi keywords`: the policy terms each article names, ranked.
struct Keywords: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the policy terms each article names (systems, mechanisms, plans, campaigns, laws, documents).",
        discussion: """
            Text output: term<TAB>score<TAB>count<TAB>kind lines per article, articles separated by a form-feed \
            line. JSONL output: the record with qingxi.keywords = [{"term","score","count","kind","forms"}]. \
            Terms are in simplified script whatever the input's script; forms are as written. See docs/keywords.md.
            """
    )

    @OptionGroup var keywordOptions: KeywordOptionGroup
    @OptionGroup var lexiconOptions: LexiconOptionGroup
    @OptionGroup var records: RecordOptionGroup

    func run() throws {
        let view = try ScriptConverter.matchingView()
        let lexicon = try lexiconOptions.lexicon(view: view)
        let table = try keywordOptions.dfFile.map { try DocumentFrequencyTable.load(file: $0) }
        let ranker = KeywordRanker(top: keywordOptions.top, minimumScore: keywordOptions.minScore, documentFrequencies: table)
        var stages: [Stage] = [try PolicyTermExtractor(lexicon: lexicon, view: view, ranker: ranker)]
        if keywordOptions.tokens { stages.append(try SearchTokenizer(lexicon: lexicon, view: view, mode: .annotate)) }
        // Text output is the term lines of each article, not its paragraphs; JSONL output is the record.
        try records.run(stages, textReport: { Array(RankedTerm.tsvLines(RankedTerm.terms(of: $0)).utf8) })
    }
}
