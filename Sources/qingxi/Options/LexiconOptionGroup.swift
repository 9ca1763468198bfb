import ArgumentParser
import QingxiCore
#if canImport(Glibc)
import Glibc
#endif

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
    /// input). Standard input is looked at only when it is a regular file (`< file`), without moving its
    /// offset; a pipe cannot be looked at in advance and counts as text unless --input-format says otherwise.
    func resolvedOutputFormat() throws -> RecordFormat {
        if let format = outputFormat ?? inputFormat { return format }
        guard let first = files.first, first != "-" else { return Self.standardInputFormat() }
        let byte = try LineReader(path: first).peekFirstSignificantByte()
        return byte == UInt8(ascii: "{") ? .jsonl : .text
    }

    private static func standardInputFormat() -> RecordFormat {
        var info = stat()
        guard fstat(0, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .text }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = pread(0, &bytes, bytes.count, 0)
        guard count > 0 else { return .text }
        let significant = bytes[0..<count].drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
        return significant == UInt8(ascii: "{") ? .jsonl : .text
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
