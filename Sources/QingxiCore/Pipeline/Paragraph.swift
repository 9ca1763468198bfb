/// One paragraph of an article: one line of plain text, or one `\n`-separated line of a JSONL record's text.
///
/// Blank lines are paragraphs too (with empty `text`), so that an article's layout survives a stage that
/// removes nothing. `number` and `line` never change as a paragraph travels through stages: they are how
/// `--explain` and error messages point back into the input.
public struct Paragraph: Sendable, Equatable {
    /// The paragraph's text, without its line terminator. Setting it clears the caches below.
    public var text: String {
        didSet {
            isViewSimplified = false
            scalars = nil
        }
    }
    /// 1-based position among the article's input paragraphs, blank ones included.
    public var number: Int
    /// 1-based line of the input file where the paragraph stands (for JSONL: the record's line).
    public var line: Int
    /// True when `text` is known to be its own matching-view conversion: the chain's default-mode T→S stage
    /// made it, found no scalar in it that a second conversion could change, and no stage changed it since.
    /// Later stages then skip converting it again. A cache, not content: `==` ignores it; setting `text` clears it.
    public var isViewSimplified = false
    /// The Unicode scalar values of `text`, when a stage has decoded them since `text` last changed (the convert
    /// stage keeps what its fixed-point scan decoded): strip, dedup and keywords read them instead of decoding
    /// the text again. A cache, like `isViewSimplified`.
    public internal(set) var scalars: [UInt32]?

    public init(text: String, number: Int, line: Int) {
        self.text = text
        self.number = number
        self.line = line
    }

    /// Same text, number and line (`isViewSimplified` and `scalars` are caches and do not count).
    public static func == (a: Paragraph, b: Paragraph) -> Bool {
        a.text == b.text && a.number == b.number && a.line == b.line
    }

    /// Splits text on line breaks (LF, CRLF, a lone CR) into paragraphs numbered from 1, on bytes: splitting a
    /// `String` by `Character` is several times slower.
    /// `validated`: `utf8` is known to be well-formed, and so is each piece (cut at ASCII bytes): the strings are
    /// made without checking it again.
    /// `limit`: stop after `limit + 1` paragraphs, so that a caller refusing an article longer than the limit
    /// (`Paragraph.maxPerArticle`) never holds more than that: a paragraph costs a few hundred bytes across the
    /// stages, so 32 million line breaks would take gigabytes.
    public static func split(_ utf8: UnsafeBufferPointer<UInt8>, line: Int, validated: Bool = false,
                             limit: Int = .max) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var start = 0
        var i = 0
        func add(_ end: Int) {
            let piece = UnsafeBufferPointer(rebasing: utf8[start..<end])
            let text = validated ? String(knownValidUTF8: piece) : String(decoding: piece, as: UTF8.self)
            paragraphs.append(Paragraph(text: text, number: paragraphs.count + 1, line: line))
        }
        // Line breaks found eight bytes at a time, as the line reader finds them: a paragraph is hundreds of bytes.
        while let next = LineReader.firstBreak(in: utf8, from: i, to: utf8.count) {
            i = next
            add(i)
            if paragraphs.count > limit { return paragraphs }
            i += (utf8[i] == 0x0D && i + 1 < utf8.count && utf8[i + 1] == 0x0A) ? 2 : 1
            start = i
        }
        add(utf8.count)
        return paragraphs
    }

    /// The most paragraphs (lines) one article may have. Stages that need the whole article (strip, dedup,
    /// keywords) keep per-paragraph state of a few hundred bytes, so memory grows with the number of lines, not
    /// the bytes: a record of line breaks under `--max-record-bytes` took 200 times its size. A JSONL record or
    /// batch article over it is refused (set aside, with the count); plain text continues as a new article.
    /// News articles have hundreds of paragraphs, web page dumps thousands; 50,000 keeps any real one and bounds
    /// the whole `clean` chain to about 50 MB (a million empty lines: 72 MB at 100,000).
    public static let maxPerArticle = 50_000

    /// The message for an article over `maxPerArticle`.
    public static var overLimitMessage: String {
        "text of more than \(maxPerArticle) lines, over the limit of paragraphs per article"
    }

    /// True when the paragraph holds nothing but white space.
    public var isBlank: Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}

/// A paragraph that a stage took out of an article, and why: what `--explain` reports and what
/// `qingxi.removed` records in JSONL, so that nothing leaves the text without a trace.
public struct Removal: Sendable, Equatable {
    /// The stage that removed it ("strip", "dedup").
    public var stage: String
    /// The paragraph's number in the article (1-based).
    public var paragraph: Int
    /// The input line.
    public var line: Int
    /// Why: a category ("caption", "editor") or a relation ("duplicate of ¶3").
    public var reason: String
    /// The removed text, as it came.
    public var text: String

    public init(stage: String, paragraph: Paragraph, reason: String) {
        self.stage = stage
        self.paragraph = paragraph.number
        self.line = paragraph.line
        self.reason = reason
        self.text = paragraph.text
    }
}
