import ArgumentParser
import QingxiCore

/// `qingxi index --db FILE [INPUT...]`: cleans articles and stores them in an SQLite FTS5 index.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or update an SQLite full-text index (FTS5) of cleaned articles, for `qingxi search`.",
        discussion: """
            Inputs are raw articles (text or JSONL), run through the clean chain (the options of `qingxi clean`), \
            or JSONL that `qingxi clean` already wrote (records with qingxi.keywords pass through as they are; \
            --no-clean takes every input as clean). An id already in the index is updated, never duplicated. \
            Records are committed in batches, one transaction each: an interrupted run leaves the database \
            consistent, and running it again completes it. Exit codes: 0 ok; 1 bad input data or a damaged \
            database; 2 usage, a database that is not a qingxi index, locked, or unreadable. See docs/index.md.
            """
    )

    @Option(help: ArgumentHelp("The index file (created when missing).", valueName: "file"))
    var db: String

    @Flag(name: .customLong("no-clean"), help: "The inputs are cleaned already: index them as they are.")
    var noClean = false

    @Option(name: .customLong("batch-size"), help: ArgumentHelp("Records per transaction.", valueName: "n"))
    var batchSize = 1_000

    @Option(name: .customLong("busy-timeout"), help: ArgumentHelp("Milliseconds to wait for another process's lock.", valueName: "ms"))
    var busyTimeout: Int32 = 5_000

    @Flag(help: "No summary line on standard error.")
    var quiet = false

    @OptionGroup(title: "clean") var clean: CleanOptionGroup
    @OptionGroup var records: RecordOptionGroup

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1") }
        if records.outputFormat != nil { throw ValidationError("index writes a database, not --output-format") }
    }

    func run() throws {
        var options = clean.cleanOptions
        options.tokens = false  // the record builder makes the tokens itself
        let store = try SearchIndexStore.openForWriting(path: db, busyTimeout: busyTimeout)
        let lexicon = try IndexLexicon.resolve(try IndexLexicon(options: options), in: store)
        let builder = try IndexRecordBuilder(lexicon: try lexicon.load(view: try ScriptConverter.matchingView()),
                                             textIsSimplified: !noClean && IndexRecordBuilder.chainSimplifies(options))
        let writer = try SearchIndexWriter(store: store, builder: builder, batchSize: batchSize)
        let stages: [Stage] = noClean ? [] : [CleanedArticleBypass(try CleanPipeline.stages(options, recordBuilder: builder))]
        try records.run(stages, sink: writer, uniqueIDsNeededBy: "index")
        guard !quiet else { return }
        let c = writer.counts
        MessageWriter().line("qingxi: index: \(c.added) added, \(c.updated) updated, \(c.unchanged) unchanged, "
                             + "\(c.emptied) empty after cleaning; \(try store.articleCount()) article(s) in \(db)")
    }
}
