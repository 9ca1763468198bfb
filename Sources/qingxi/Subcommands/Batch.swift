import ArgumentParser
import QingxiCore
#if canImport(Glibc)
import Glibc
#endif

/// `qingxi batch INPUT... --out DIR`: `qingxi clean`'s chain (same stage options) over whole folders and archives,
/// in parallel, resumable. Options and wiring only; the work is `BatchRunner` in QingxiCore.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Clean folders and archives (.txt, .jsonl/.ndjson, .jsonl.gz/.ndjson.gz/.json.gz, .tar, .tar.gz, .zip) into JSONL shards or a mirrored tree.",
        discussion: """
            Output is identical for any --jobs. Files are written under temporary names and renamed when complete; \
            OUT/manifest.jsonl records what is finished, and --resume continues an interrupted run with the same \
            result as an uninterrupted one. Rejected input (undecodable, malformed, oversized, damaged archives, \
            refused entries) is listed in OUT/rejects/ with reasons. See docs/batch.md.
            """
    )

    @Argument(help: "Input files and folders (folders are read recursively, in sorted order); '-' reads JSONL from standard input.")
    var inputs: [String]

    @Option(help: "The output folder (created; must be empty unless --resume).")
    var out: String

    @Option(help: "shards: OUT/part-NNNNN.jsonl.gz (index records with --format); mirror: cleaned files at the inputs' relative paths.")
    var layout: BatchLayout = .shards

    @Option(name: .customLong("shard-bytes"), help: "Uncompressed JSONL per shard (mirror: output between checkpoints), e.g. 128M.")
    var shardBytes: ByteCount = ByteCount(128 << 20)

    @Option(name: .customLong("gzip-level"), help: "zlib level of the gzip output, 1 (fastest) to 9 (smallest).")
    var gzipLevel = 3

    @Option(help: "Worker threads (default: all cores). The output does not depend on it.")
    var jobs: Int = BatchOptions.availableCores

    @Flag(help: "Continue the run recorded in OUT/manifest.jsonl (same inputs and options).")
    var resume = false

    @Flag(help: "No progress and no summary on stderr.")
    var quiet = false

    @Flag(help: "Follow symbolic links inside input folders (loop-safe). Without it they are named and not read.")
    var follow = false

    @Flag(name: .customLong("skip-unknown"), help: "Files of types batch does not read (named on stderr, in OUT/rejects/ and the report) do not make the run fail.")
    var skipUnknown = false

    @Option(help: "Also write the summary as JSON to this file.")
    var report: String?

    @Option(help: "utf-8 (default), auto (detect GB18030/GBK, Big5, UTF-16 with ICU), or a charset name ICU knows.")
    var encoding = "utf-8"

    @Option(name: .customLong("max-record-bytes"), help: "Reject a JSONL line or text file longer than this (e.g. 64M).")
    var maxRecordBytes: ByteCount = ByteCount(64 << 20)

    @Option(name: .customLong("text-field"), help: "The JSONL field holding the article text (a dotted path reaches into objects: doc.body).")
    var textField = "text"

    @Option(name: .customLong("id-field"), help: "The JSONL field holding the article id (a dotted path reaches into objects: meta.id).")
    var idField = "id"

    @Flag(help: "Keep the removal trail under qingxi.removed, and articles the stages emptied.")
    var explain = false

    @OptionGroup(title: "chain (as qingxi clean)") var chain: CleanOptionGroup
    @OptionGroup(title: "index records (as qingxi clean)") var indexFormat: IndexFormatOptionGroup

    func validate() throws {
        if let problem = InputEncoding(encoding).problem { throw ValidationError(problem) }
        if indexFormat.format != nil && explain {
            throw ValidationError("--format writes index records, which carry no removal trail; drop --explain")
        }
    }

    func run() throws {
        var options = BatchOptions()
        options.inputs = inputs
        options.output = out
        options.layout = layout
        options.shardBytes = shardBytes.value
        options.jobs = jobs
        options.gzipLevel = gzipLevel
        options.resume = resume
        options.followLinks = follow
        options.quiet = quiet
        options.reportPath = report
        options.encoding = InputEncoding(encoding)
        options.maxRecordBytes = maxRecordBytes.value
        options.textField = textField
        options.idField = idField
        options.explain = explain
        var clean = chain.cleanOptions
        if let encoder = indexFormat.encoder {
            clean.tokens = false  // the record builder makes the tokens itself
            let chain = clean
            options.indexFormat = BatchIndexFormat(encoder: encoder, makeBuilder: {
                try IndexRecordBuilder(lexicon: try IndexRecordBuilder.lexicon(chain, view: try ScriptConverter.matchingView()),
                                       textIsSimplified: IndexRecordBuilder.chainSimplifies(chain))
            }, makeStages: { builder in
                // Elasticsearch keeps one document per _id: a repeated id would silently replace an article.
                let ids: [Stage] = encoder.format == .esBulk ? [UniqueIDStage(purpose: "--format es-bulk")] : []
                return ids + (try CleanPipeline.stages(chain, recordBuilder: builder))
            })
        }
        options.chainDescription = String(describing: clean)
        let runner = BatchRunner(options: options, makeStages: { try CleanPipeline.stages(clean) }, messages: MessageWriter())
        let report = try runner.run()
        // Exit 1: the run finished, but some input was rejected (bad input data, listed in OUT/rejects/), or
        // skipped as a type batch does not read (unless --skip-unknown).
        let skipped = report.stats.rejects[Reject.Kind.skipped.rawValue] ?? 0
        if report.stats.rejectCount - skipped > 0 || (skipped > 0 && !skipUnknown) { Glibc.exit(1) }
    }
}

/// A byte count argument: digits with an optional K, M or G suffix.
struct ByteCount: ExpressibleByArgument {
    var value: Int
    init(_ value: Int) { self.value = value }
    init?(argument: String) {
        guard let value = BatchOptions.byteCount(argument) else { return nil }
        self.value = value
    }
    var defaultValueDescription: String {
        value % (1 << 20) == 0 ? "\(value >> 20)M" : value % (1 << 10) == 0 ? "\(value >> 10)K" : "\(value)"
    }
}

extension BatchLayout: ExpressibleByArgument {}
