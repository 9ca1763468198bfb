import ArgumentParser
import QingxiCore

/// Input and output options every stage command shares (the record layer).
struct RecordOptionGroup: ParsableArguments {
    @Argument(help: "Input files (plain text or JSON Lines); '-' or none reads standard input.")
    var files: [String] = []

    @Option(name: .customLong("input-format"), help: "text or jsonl (default: detected, JSONL when the first byte is '{').")
    var inputFormat: RecordFormat?

    @Option(name: .customLong("output-format"), help: "text or jsonl (default: the input's format).")
    var outputFormat: RecordFormat?

    @Option(name: .customLong("text-field"), help: "The JSONL field holding the article text (a dotted path reaches into objects: doc.body).")
    var textField = "text"

    @Option(name: .customLong("id-field"), help: "The JSONL field holding the article id (a dotted path reaches into objects: meta.id).")
    var idField = "id"

    @Option(name: .customLong("missing-id"), help: ArgumentHelp(
        "A JSONL record without an id is named by its position (FILE:LINE) or by its content (qx- and a hash of its text, the same in every run and shard).",
        valueName: "position|content"))
    var missingID: MissingIDPolicy = .position

    @Flag(help: "Invalid UTF-8 is an error (exit 1) instead of being replaced with U+FFFD and reported.")
    var strict = false

    @Option(name: .customLong("on-error"), help: "fail: a malformed record ends the run (exit 1); skip: it is set aside in --rejects and counted.")
    var onError: ErrorPolicy = .fail

    @Option(help: "Where skipped records are written verbatim (default: standard error).")
    var rejects: String?

    @Option(name: .customLong("max-record-bytes"), help: ArgumentHelp(
        "A JSONL record or text line longer than this is not loaded: an error (exit 1), or with --on-error skip "
        + "set aside (copied to --rejects FILE) and counted. Digits with K, M or G.", valueName: "bytes"))
    var maxRecordBytes = ByteCount(RecordOptions.defaultMaxRecordBytes)

    @Option(help: "Input encoding: utf-8, auto (GB18030/GBK or Big5 detected by ICU per input), or an ICU charset name.")
    var encoding = "utf-8"

    @Option(name: .customLong("on-duplicate-id"), help: ArgumentHelp(
        "Where ids must be unique (--emit-keys, --drop, index, --format es-bulk): fail (exit 1 naming both records), "
        + "keep-first (skip later records with the id), or rename (ID#2, ID#3…).", valueName: "policy"))
    var onDuplicateID: DuplicateIDPolicy = .fail

    @Flag(help: "Report every removal: on stderr (text) or under qingxi.removed (JSONL).")
    var explain = false

    enum ErrorPolicy: String, ExpressibleByArgument, CaseIterable { case fail, skip }

    func validate() throws {
        if maxRecordBytes.value < 1 || maxRecordBytes.value > 1 << 30 {
            throw ValidationError("--max-record-bytes must be between 1 and 1G, got \(maxRecordBytes.value)")
        }
        if let problem = InputEncoding(encoding).problem { throw ValidationError(problem) }
    }

    var recordOptions: RecordOptions {
        var options = RecordOptions()
        options.inputs = files
        options.inputFormat = inputFormat
        options.outputFormat = outputFormat
        options.textField = textField
        options.strict = strict
        options.skipMalformed = onError == .skip
        options.rejectsPath = rejects
        options.explain = explain
        options.maxRecordBytes = maxRecordBytes.value
        options.encoding = InputEncoding(encoding)
        options.duplicateIDs = onDuplicateID
        options.idField = idField
        options.missingIDs = missingID
        return options
    }

    /// Runs `stages` over the inputs and writes the records to `output` (default: standard output), or hands
    /// the finished articles to `sink` when one is given.
    func run(_ stages: [Stage], printMeta: Bool = false, textReport: TextReport? = nil,
             output: OutputWriter = OutputWriter(fd: 1, name: "<stdout>"), sink: ArticleSink? = nil,
             uniqueIDsNeededBy: String? = nil) throws {
        var options = recordOptions
        options.printMeta = printMeta
        options.uniqueIDsNeededBy = uniqueIDsNeededBy
        let runner = RecordRunner(options: options, chain: StageChain(stages), output: output, messages: MessageWriter(),
                                  textReport: textReport, sink: sink)
        try runner.run()
    }
}

extension RecordFormat: ExpressibleByArgument {}
extension DuplicateIDPolicy: ExpressibleByArgument {}
extension MissingIDPolicy: ExpressibleByArgument {}
extension ScriptDirection: ExpressibleByArgument {}
extension SourceRegion: ExpressibleByArgument {}
