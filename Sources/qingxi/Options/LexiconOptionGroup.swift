import ArgumentParser
import QingxiCore

/// Lexicon options shared by `keywords`, `df` and `tokens`.
struct LexiconOptionGroup: ParsableArguments {
    @Option(name: .customLong("lexicon"), help: "A policy-term file of your own, term<TAB>category per line (repeatable).")
    var lexiconFiles: [String] = []

    @Option(name: .customLong("outlets"), help: "A file of media outlet names, one per line (repeatable); their 《》 titles are not documents.")
    var outletFiles: [String] = []

    @Flag(name: .customLong("no-builtin-lexicon"), help: "Use only the --lexicon and --outlets files, not the shipped lists.")
    var noBuiltInLexicon = false

    /// The lexicon: the shipped lists (unless turned off), then the user's files.
    func lexicon(view: MatchingView) throws -> PolicyLexicon {
        var lexicon = noBuiltInLexicon ? PolicyLexicon(view: view) : try PolicyLexicon.builtIn(view: view)
        for file in lexiconFiles { try lexicon.loadTerms(file: file) }
        for file in outletFiles { try lexicon.loadOutlets(file: file) }
        return lexicon
    }
}

extension RecordOptionGroup {
    /// The output format the run will have: as given, else the input's (given, or detected from the first
    /// input file). Standard input cannot be looked at in advance; without --input-format or --output-format
    /// it counts as text.
    func resolvedOutputFormat() throws -> RecordFormat {
        if let format = outputFormat ?? inputFormat { return format }
        guard let first = files.first, first != "-" else { return .text }
        let byte = try LineReader(path: first).peekFirstSignificantByte()
        return byte == UInt8(ascii: "{") ? .jsonl : .text
    }
}

extension RecordOptionGroup {
    /// Runs `stages` with the record output going to `output` (e.g. /dev/null when a report stage prints
    /// something else than the records).
    func run(_ stages: [Stage], output: OutputWriter) throws {
        let runner = RecordRunner(options: recordOptions, chain: StageChain(stages), output: output,
                                  messages: MessageWriter())
        try runner.run()
    }
}
