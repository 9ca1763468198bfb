/// Drives a stage chain over inputs: reads each input (plain text or JSON Lines), turns it into articles and
/// paragraphs, feeds them through the chain and hands what comes out to one printer.
///
/// Streaming: plain text flows paragraph by paragraph (memory does not grow with the size of an article that
/// a stage does not hold back); JSON Lines holds one record at a time. Nothing is lost silently: invalid UTF-8
/// is replaced and reported with file and line (or is an error under `strict`); a malformed record, or one over
/// `maxRecordBytes` (never loaded whole), ends the run with an error naming file:line, or under
/// `skipMalformed` is written verbatim to the rejects stream and counted in the summary (see
/// `RecordRunner+SetAside`, `RecordRunner+Decoding`).
public final class RecordRunner {
    let options: RecordOptions
    let chain: StageChain
    let output: OutputWriter
    let messages: MessageWriter
    var printer: ArticlePrinter?
    var rejects: OutputWriter?
    public internal(set) var summary = RunSummary()
    static let maxWarnings = 20

    let textReport: TextReport?
    /// When set, receives the finished articles instead of a printer (see `ArticleSink`).
    let sink: ArticleSink?
    /// Fixed by the first input: every article is told it (`Article.outputFormat`).
    var outputFormat = RecordFormat.text
    /// The decoder of the input being read, when its charset is not UTF-8 (`RecordOptions.encoding`).
    var inputDecoder: ICUTextDecoder?
    var textDecoding: TextDecoding?
    var invalidLinesInInput = 0
    var legacyHintGiven = false
    /// Whether the warning about made-up article ids (`RecordOptions.uniqueIDsNeededBy`) was given.
    var madeUpIDReported = false
    /// The display names of the inputs opened so far (the last is being read), and the ids seen in them
    /// (`claimID`).
    var inputNames: [String] = []
    var articleIDs = ArticleIDRegistry()

    /// `textReport`, when given, replaces the paragraphs in plain-text output (see `TextReport`); `sink`, when
    /// given, takes every finished article instead of the text or JSONL printer.
    public init(options: RecordOptions, chain: StageChain, output: OutputWriter, messages: MessageWriter,
                textReport: TextReport? = nil, sink: ArticleSink? = nil) {
        self.options = options
        self.sink = sink
        self.textReport = textReport
        self.chain = chain
        self.output = output
        self.messages = messages
    }

    /// Processes every input in order, then ends the stages and flushes the output; returns the summary.
    @discardableResult
    public func run() throws -> RunSummary {
        for path in options.inputs.isEmpty ? ["-"] : options.inputs {
            let reader = path == "-" ? LineReader(fd: 0, name: "<stdin>", readSize: options.readSize)
                : try LineReader(path: path, readSize: options.readSize)
            reader.maxLineBytes = options.maxRecordBytes
            inputNames.append(reader.name)
            if let compression = try reader.detectCompression(), !compression.isReadable {
                summary.inputsSetAside += 1
                messages.line("qingxi: \(reader.name): error: \(compression.refusal(reader.name)); input skipped")
                continue
            }
            if let mark = try reader.utf16ByteOrderMark() {
                summary.inputsSetAside += 1
                messages.line("qingxi: \(reader.name): error: UTF-16 text (byte order mark \(mark)); qingxi reads UTF-8: "
                    + "convert it first (iconv -f UTF-16 -t UTF-8) or use qingxi batch --encoding auto; input skipped")
                continue
            }
            try chooseCharset(reader)
            let format = try options.inputFormat ?? (reader.peekFirstSignificantByte() == UInt8(ascii: "{") ? .jsonl : .text)
            if printer == nil {
                outputFormat = sink != nil ? .jsonl : options.outputFormat ?? format
                printer = makePrinter(outputFormat)
            }
            switch format {
            case .text where fastConverter != nil && inputDecoder == nil: try convertPlainTextFast(reader, fastConverter!)
            case .text where fastStripper != nil: try stripPlainTextFast(reader, fastStripper!)
            case .text: try readPlainText(reader)
            case .jsonl: try readJSONLines(reader)
            }
        }
        try chain.finish()
        try sink?.finish()
        try output.flush()
        try rejects?.flush()
        reportSummary()
        if summary.inputsSetAside > 0 { throw QingxiError.inputsSetAside(count: summary.inputsSetAside) }
        return summary
    }

    /// A lone converter writing plain text can skip paragraphs and `String`s altogether (bytes in, bytes out).
    private var fastConverter: ScriptConverter? {
        guard chain.stages.count == 1, let converter = chain.stages[0] as? ScriptConverter,
              printer is TextPrinter, textReport == nil, !options.explain, !options.printMeta else { return nil }
        return converter
    }

    private func makePrinter(_ format: RecordFormat) -> ArticlePrinter {
        if let sink { return SinkPrinter(sink: sink) }
        switch format {
        case .text: return TextPrinter(output: output, messages: messages, options: options, report: textReport)
        case .jsonl: return JSONLinesPrinter(output: output, options: options)
        }
    }

    /// Runs one article whose paragraphs are already known (JSON Lines records).
    func runArticle(_ article: Article, paragraphs: [Paragraph], record: JSONRecord?) throws {
        guard let printer else { return }
        summary.articles += 1
        article.outputFormat = outputFormat
        article.tracing = options.explain
        try chain.begin(article)
        try printer.begin(article)
        let sink: (Paragraph) throws -> Void = { [unowned self] p in
            summary.paragraphsOut += 1
            try printer.paragraph(p)
        }
        for p in paragraphs {
            summary.paragraphsIn += 1
            try chain.process(p, of: article, sink: sink)
        }
        try chain.end(article, sink: sink)
        try printer.end(article, record: record)
    }

    private func reportSummary() {
        var parts: [String] = []
        if summary.invalidUTF8Lines > 0 {
            parts.append("\(summary.invalidUTF8Lines) line(s) with invalid UTF-8 repaired with U+FFFD")
        }
        if summary.loneSurrogateRecords > 0 {
            parts.append("\(summary.loneSurrogateRecords) record(s) with lone surrogate escapes repaired with U+FFFD")
        }
        if summary.rejected > 0 {
            parts.append("\(summary.rejected) malformed record(s) set aside in \(options.rejectsPath ?? "<stderr>")")
        }
        if let duplicates = duplicateIDSummary { parts.append(duplicates) }
        if summary.oversized > 0 {
            parts.append("\(summary.oversized) record(s) over --max-record-bytes set aside"
                + (options.rejectsPath.map { " in \($0)" } ?? " (not copied: no --rejects FILE)"))
        }
        if !parts.isEmpty { messages.line("qingxi: summary: \(summary.articles) article(s); " + parts.joined(separator: "; ")) }
    }
}
