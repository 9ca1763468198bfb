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

    @OptionGroup var dedup: DedupOptionGroup

    @Flag(name: .customLong("emit-keys"), help: "Write key<TAB>article<TAB>paragraph lines instead of the text.")
    var emitKeys = false

    @Option(help: ArgumentHelp("Remove the occurrences listed in this file (key<TAB>article<TAB>paragraph lines).", valueName: "file"))
    var drop: String?

    @OptionGroup var records: RecordOptionGroup

    func run() throws {
        var options = dedup.options
        if drop != nil { options.scope = .stream }
        let fold = ParagraphKeyMaker.ScriptFold.table(try .icuTraditionalToSimplified())
        if emitKeys {
            let keys = OutputWriter(fd: 1, name: "<stdout>")
            let emitter = try KeyEmitter(options: options, fold: fold) { try keys.write($0) }
            var recordOptions = records.recordOptions
            recordOptions.uniqueIDsNeededBy = "--emit-keys"
            try RecordRunner(options: recordOptions, chain: StageChain([emitter]),
                             output: try OutputWriter(path: "/dev/null"), messages: MessageWriter()).run()
            return try keys.flush()
        }
        let dropList = try drop.map { try DropList(file: $0) }
        try records.run([try ParagraphDeduplicator(options: options, fold: fold, dropList: dropList)],
                        uniqueIDsNeededBy: drop == nil ? nil : "--drop")
    }
}

extension DedupOptions.Scope: ExpressibleByArgument {}
extension DedupOptions.NearArticleAction: ExpressibleByArgument {}
