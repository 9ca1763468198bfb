/// Writes articles as they leave the last stage, in the chosen output format.
protocol ArticlePrinter: AnyObject {
    func begin(_ article: Article) throws
    func paragraph(_ paragraph: Paragraph) throws
    func end(_ article: Article, record: JSONRecord?) throws
}

/// Turns a finished article into the text a report-style command prints for it (`qingxi keywords` in text
/// mode prints term lines, not the article).
public typealias TextReport = (Article) -> [UInt8]

/// Plain text: one paragraph a line, articles separated by a form-feed line. `--explain` sends each removal to
/// stderr as `FILE:LINE: STAGE: removed ¶N (REASON): TEXT`; `--meta` sends `key<TAB>value` lines.
///
/// An article left with no line at all (every paragraph removed) is not printed: plain text cannot hold an
/// empty article (two form feeds in a row read back as one separator), and printing one would make a second
/// run change the output. JSONL keeps such a record.
final class TextPrinter: ArticlePrinter {
    private let output: OutputWriter
    private let messages: MessageWriter
    private let options: RecordOptions
    private let report: TextReport?
    /// Articles that printed at least one line.
    private var printed = 0
    private var articleHasOutput = false

    /// With `report`, each article is printed as what `report` makes of it (e.g. keyword lines) instead of
    /// its paragraphs.
    init(output: OutputWriter, messages: MessageWriter, options: RecordOptions, report: TextReport? = nil) {
        self.output = output
        self.messages = messages
        self.options = options
        self.report = report
    }

    func begin(_ article: Article) throws {
        beginArticle()
        if report != nil { return try startLine() }  // a report is separated even when empty
        if let title = article.title, !title.isEmpty {
            try startLine()
            try output.write(title)
            try output.write(byte: 0x0A)
        }
    }

    /// A new article starts; its separator is written with its first line (`startLine`).
    func beginArticle() {
        articleHasOutput = false
    }

    /// Call before writing a line of the current article: writes the separator before the first line of every
    /// article but the first printed.
    func startLine() throws {
        guard !articleHasOutput else { return }
        if printed > 0 { try output.write([0x0C, 0x0A]) }
        printed += 1
        articleHasOutput = true
    }

    func paragraph(_ paragraph: Paragraph) throws {
        guard report == nil else { return }
        try startLine()
        try output.write(paragraph.text.utf8)
        try output.write(byte: 0x0A)
    }

    func end(_ article: Article, record: JSONRecord?) throws {
        if let report { try output.write(report(article)) }
        if options.explain { explain(article) }
        if options.printMeta {
            for (key, value) in article.meta { messages.line("\(key)\t\(value)") }
        }
    }
}

extension TextPrinter {
    /// The trace of one article on stderr: what each stage changed and removed, in paragraph order, then the
    /// policy terms found (when the keywords stage ran).
    func explain(_ article: Article) {
        let events = (article.changes.map { ($0, "changed") } + article.removed.map { ($0, "removed") })
            .enumerated().sorted { ($0.element.0.paragraph, $0.offset) < ($1.element.0.paragraph, $1.offset) }.map(\.element)
        for (e, verb) in events {
            let text = verb == "removed" ? ": \(e.text)" : ""
            messages.line("\(article.file):\(e.line): \(e.stage): \(verb) ¶\(e.paragraph) (\(e.reason))\(text)")
        }
        if case .array(let terms)? = article.annotations.first(where: { $0.key == "keywords" })?.value {
            let names = terms.compactMap { $0["term"]?.stringValue }
            if !names.isEmpty { messages.line("\(article.file):\(article.line): keywords: \(names.joined(separator: ", "))") }
        }
    }
}

/// JSON Lines: the input record with its text (and title) replaced and qingxi's findings under `qingxi`;
/// plain-text input becomes `{"id": …, "text": …}` records.
final class JSONLinesPrinter: ArticlePrinter {
    private let output: OutputWriter
    private let options: RecordOptions
    private var text: [UInt8] = []
    private var first = true

    init(output: OutputWriter, options: RecordOptions) {
        self.output = output
        self.options = options
    }

    func begin(_ article: Article) throws {
        text.removeAll(keepingCapacity: true)
        first = true
    }

    func paragraph(_ paragraph: Paragraph) throws {
        if !first { text.append(0x0A) }
        first = false
        text.append(contentsOf: paragraph.text.utf8)
    }

    func end(_ article: Article, record: JSONRecord?) throws {
        let qingxi = AnnotationMerger.merged(previous: article.previous, article: article, explain: options.explain)
        if let record {
            try output.write(record.rewritten(text: text, title: article.title, qingxi: qingxi))
        } else {
            var fields: [(String, JSONValue)] = [("id", .string(article.id))]
            if let title = article.title { fields.append(("title", .string(title))) }
            var encoded: [UInt8] = []
            text.withUnsafeBufferPointer { JSONString.encode(bytes: $0, into: &encoded) }
            fields.append((options.textField, .raw(encoded)))
            if let qingxi { fields.append(("qingxi", qingxi)) }
            try output.write(JSONValue.object(fields).encoded())
        }
        try output.write(byte: 0x0A)
    }
}
