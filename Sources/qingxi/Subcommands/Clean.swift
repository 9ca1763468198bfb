import ArgumentParser
import QingxiCore

/// `qingxi clean`: the whole chain in one process — convert → strip → dedup → keywords.
struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The whole pipeline on text or JSONL: convert, strip boilerplate, drop duplicates, find policy terms.",
        discussion: """
            The output equals piping the single-stage commands with the same options. Plain-text output is the \
            cleaned text (keywords appear in the --explain trace); JSONL output carries meta, keywords and, with \
            --explain, the removals and changes under "qingxi". With --format, each article becomes an index \
            record (id, title, text, text_hans, tokens, keywords, meta, fingerprint) instead: see docs/index.md.
            """
    )

    @OptionGroup var clean: CleanOptionGroup

    @Flag(help: "Text mode: print the metadata strip extracted as key<TAB>value lines on standard error.")
    var meta = false

    @OptionGroup(title: "index records") var indexFormat: IndexFormatOptionGroup
    @OptionGroup var records: RecordOptionGroup

    func validate() throws {
        if indexFormat.format != nil && records.outputFormat != nil {
            throw ValidationError("--format writes index records; it does not combine with --output-format")
        }
    }

    /// The chain's options from the command line.
    var cleanOptions: CleanOptions { clean.cleanOptions }

    func run() throws {
        guard let encoder = indexFormat.encoder else {
            return try records.run(try CleanPipeline.stages(cleanOptions), printMeta: meta)
        }
        var options = cleanOptions
        options.tokens = false  // the record builder makes the tokens itself
        let builder = try IndexRecordBuilder(lexicon: try IndexRecordBuilder.lexicon(options, view: try ScriptConverter.matchingView()),
                                             textIsSimplified: IndexRecordBuilder.chainSimplifies(options))
        let output = OutputWriter(fd: 1, name: "<stdout>")
        let printer = IndexRecordPrinter(builder: builder, encoder: encoder, output: output)
        // Elasticsearch keeps one document per _id: a repeated id would silently replace an article.
        try records.run(try CleanPipeline.stages(options, recordBuilder: builder), output: output, sink: printer,
                        uniqueIDsNeededBy: encoder.format == .esBulk ? "--format es-bulk" : nil)
    }
}
