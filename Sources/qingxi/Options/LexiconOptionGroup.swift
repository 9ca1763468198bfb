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
