import ArgumentParser
import QingxiCore

/// `qingxi tokens`: search-index tokens with policy terms kept whole.
struct Tokens: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cut text into search-index tokens (ICU word break), keeping policy terms whole, space-joined.",
        discussion: """
            Text: each paragraph becomes its token line (simplified script). JSONL: the text is left as it is and \
            qingxi.tokens holds the article's tokens.
            """
    )

    @OptionGroup var lexiconOptions: LexiconOptionGroup
    @OptionGroup var records: RecordOptionGroup

    func run() throws {
        let view = try ScriptConverter.matchingView()
        try records.run([try SearchTokenizer(lexicon: try lexiconOptions.lexicon(view: view), view: view, mode: .byOutputFormat)])
    }
}
