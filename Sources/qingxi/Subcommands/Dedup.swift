import ArgumentParser
import QingxiCore

/// `qingxi dedup`: removes repeated paragraphs (inside an article, or across a stream) and near-duplicate
/// articles, keeping the first occurrence. All logic is in QingxiCore (`ParagraphDeduplicator`, `KeyEmitter`).
struct Dedup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove repeated paragraphs and near-duplicate articles, keeping the first occurrence.",
        discussion: """
            Paragraphs match on a key: simplified script, full-width folded, space and punctuation dropped, case \
            folded, digits kept. --scope article (default) removes repeats inside each article; --scope stream \
            also removes paragraphs of at least --min-chars key characters seen in an earlier article. \
            --emit-keys and --drop FILE split stream dedup into two passes around a global group-by \
            (see docs/dedup.md).
            """
    )

    @Option(help: "article: repeats inside each article; stream: also paragraphs seen in earlier articles.")
    var scope: DedupOptions.Scope = .article

    @Option(help: ArgumentHelp("In-article near-duplicate threshold on character 3-gram overlap (0 turns it off).", valueName: "threshold"))
    var near = 0.9

    @Option(name: .customLong("min-chars"), help: ArgumentHelp("Stream scope: shorter keys are never removed as seen elsewhere.", valueName: "n"))
    var minChars = 10

    @Flag(name: .customLong("fold-digits"), help: "Treat every digit as 0 (template hunting; off: figures make news differ).")
    var foldDigits = false

    @Option(help: ArgumentHelp("Stream scope with a fixed-size Bloom filter of this false-positive rate instead of an exact set.", valueName: "rate"))
    var bloom: Double?

    @Option(help: ArgumentHelp("Distinct paragraphs expected in the stream (sizes --bloom; presizes the exact set).", valueName: "n"))
    var expected: Int?

    @Option(name: .customLong("near-articles"), help: ArgumentHelp("Also find near-duplicate articles at this MinHash similarity (e.g. 0.8).", valueName: "threshold"))
    var nearArticles: Double?

    @Option(name: .customLong("article-action"),
            help: "drop or mark near-duplicate articles (default: drop for text output, mark for JSONL).")
    var articleAction: DedupOptions.NearArticleAction?

    @Flag(name: .customLong("emit-keys"), help: "Write key<TAB>article<TAB>paragraph lines instead of the text.")
    var emitKeys = false

    @Option(help: ArgumentHelp("Remove the occurrences listed in this file (key<TAB>article<TAB>paragraph lines).", valueName: "file"))
    var drop: String?

    @OptionGroup var records: RecordOptionGroup

    func run() throws {
        var options = DedupOptions()
        options.scope = bloom != nil || drop != nil ? .stream : scope
        options.near = near > 0 ? near : nil
        options.minChars = minChars
        options.foldDigits = foldDigits
        options.bloomRate = bloom
        options.expected = expected
        options.nearArticles = nearArticles
        options.nearArticleAction = try articleAction ?? (outputFormat() == .jsonl ? .mark : .drop)
        let fold = ParagraphKeyMaker.ScriptFold.table(try .icuTraditionalToSimplified())
        if emitKeys {
            let keys = OutputWriter(fd: 1, name: "<stdout>")
            let emitter = try KeyEmitter(options: options, fold: fold) { try keys.write($0) }
            try RecordRunner(options: records.recordOptions, chain: StageChain([emitter]),
                             output: try OutputWriter(path: "/dev/null"), messages: MessageWriter()).run()
            return try keys.flush()
        }
        let dropList = try drop.map { try DropList(file: $0) }
        try records.run([try ParagraphDeduplicator(options: options, fold: fold, dropList: dropList)])
    }

    /// The output format as the record layer will choose it: the option, else the input format, else what
    /// the first input file starts with (standard input cannot be peeked here: text is assumed).
    private func outputFormat() throws -> RecordFormat {
        if let format = records.outputFormat ?? records.inputFormat { return format }
        guard let first = records.files.first, first != "-" else { return .text }
        return try LineReader(path: first).peekFirstSignificantByte() == UInt8(ascii: "{") ? .jsonl : .text
    }
}

extension DedupOptions.Scope: ExpressibleByArgument {}
extension DedupOptions.NearArticleAction: ExpressibleByArgument {}
