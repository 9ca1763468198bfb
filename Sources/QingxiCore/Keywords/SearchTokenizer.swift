/// Stage "tokens": search-index tokens for indexers without a Chinese analyzer. Each paragraph's matching view
/// (simplified, width folded) is cut into ICU word-break words, except that policy terms stay whole: lexicon
/// terms, suffix phrases and numbered slogans found in the paragraph (河长制, not 河|长|制). Punctuation and
/// white space are dropped; tokens are joined by single spaces. Document titles are not kept whole (a
/// 20-character token is useless in a search box): their words are indexed instead.
///
/// Modes:
/// - `.rewrite` (`qingxi tokens` on text): each paragraph comes out as its token line; blank ones stay blank.
/// - `.annotate` (`--tokens` on JSONL): paragraphs pass through unchanged and the article gets `tokens`, all
///   its tokens space-joined (title first, when it has one).
/// - `.byOutputFormat` (`qingxi tokens`): `.rewrite` when the run writes plain text, `.annotate` for JSONL.
/// Deterministic and idempotent in `.annotate` mode; in `.rewrite` mode a second pass keeps the tokens
/// (a token line breaks into the same tokens).
public final class SearchTokenizer: Stage {
    public enum Mode: Sendable { case rewrite, annotate, byOutputFormat }
    public static let annotationKey = "tokens"
    public let name = "tokens"
    public let requestedMode: Mode
    private var mode: Mode
    private let finder: TermCandidateFinder
    private let breaker: ICUWordBreaker
    private let view: MatchingView
    private var collected: [String] = []
    private var buffers = WordBuffers()

    public convenience init(lexicon: PolicyLexicon, view: MatchingView, mode: Mode) throws {
        try self.init(finder: TermCandidateFinder(lexicon: lexicon), view: view, mode: mode)
    }

    /// A tokenizer on a term finder of its owner's (the finder is immutable; building one costs milliseconds,
    /// so the index record builder's tokenizers share theirs).
    init(finder: TermCandidateFinder, view: MatchingView, mode: Mode) throws {
        requestedMode = mode
        self.mode = mode
        self.view = view
        self.finder = finder
        breaker = try ICUWordBreaker(locale: "zh")
    }

    public func begin(_ article: Article) throws {
        if requestedMode == .byOutputFormat { mode = article.outputFormat == .text ? .rewrite : .annotate }
        collected = []
        if mode == .annotate, let title = article.title { collected += try tokens(of: title) }
    }

    public func process(_ paragraph: Paragraph, of article: Article, emit: (Paragraph) throws -> Void) throws {
        switch mode {
        case .rewrite:
            var out = paragraph
            out.text = try tokens(of: paragraph.text).joined(separator: " ")
            try emit(out)
        case .annotate, .byOutputFormat:
            try emit(paragraph)
            collected += try tokens(of: paragraph.text)
        }
    }

    public func end(_ article: Article, emit: (Paragraph) throws -> Void) throws {
        if mode == .annotate { article.annotate(Self.annotationKey, .string(collected.joined(separator: " "))) }
    }

    /// The tokens of one piece of text.
    public func tokens(of text: String) throws -> [String] {
        let viewText = ViewText(text, view: view)
        guard viewText.count > 0 else { return [] }
        var result: [String] = []
        var position = 0
        for span in try protectedSpans(viewText) {
            try appendWords(viewText, position..<span.lowerBound, to: &result)
            result.append(viewText.string(span))
            position = span.upperBound
        }
        try appendWords(viewText, position..<viewText.count, to: &result)
        return result
    }

    /// Policy terms of the text that stay whole: the longest first, never overlapping.
    private func protectedSpans(_ text: ViewText) throws -> [Range<Int>] {
        let spans = try finder.recordedCandidates(in: text)
            .filter { $0.kind != .document }
            .map(\.range)
            .sorted { ($0.count, $1.lowerBound) > ($1.count, $0.lowerBound) }
        var chosen: [Range<Int>] = []
        for span in spans where !chosen.contains(where: { $0.overlaps(span) }) { chosen.append(span) }
        return chosen.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The ICU words of `range` that hold a letter or digit. Works on the view's scalars directly (UTF-16 for
    /// ICU built from them, words cut back out of them), with buffers reused across calls: the same words as
    /// `breaker.words(text.string(range))`, at about twice the speed (indexing runs through here).
    private func appendWords(_ text: ViewText, _ range: Range<Int>, to result: inout [String]) throws {
        guard !range.isEmpty else { return }
        let hasSurrogates = buffers.fillUTF16(text.scalars[range])
        let count = try buffers.units.withUnsafeBufferPointer { try breaker.boundaries(utf16: $0, into: &buffers.boundaries) }
        guard count > 1 else { return }
        for i in 0..<(count - 1) {
            let lower = buffers.scalarOffset(Int(buffers.boundaries[i]), hasSurrogates)
            let upper = buffers.scalarOffset(Int(buffers.boundaries[i + 1]), hasSurrogates)
            let word = text.scalars[(range.lowerBound + lower)..<(range.lowerBound + upper)]
            if word.contains(where: Self.isWordValue) { result.append(buffers.string(word)) }
        }
    }

    /// `isWordScalar` with fast answers for ASCII and the main CJK block.
    @inline(__always)
    private static func isWordValue(_ value: UInt32) -> Bool {
        if value < 0x80 { return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value | 0x20) }
        if (0x4E00...0x9FFF).contains(value) { return true }
        return Unicode.Scalar(value).map(isWordScalar) ?? false
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}

/// Buffers `SearchTokenizer` reuses to cut words: the UTF-16 of a stretch of scalars, the scalar offset of each
/// UTF-16 unit (only filled when a scalar needs a surrogate pair), and ICU's boundaries.
private struct WordBuffers {
    var units: [UInt16] = []
    var unitScalars: [Int32] = []
    var boundaries: [Int32] = []

    /// Fills `units` from `scalars`; true when some scalar took two units.
    mutating func fillUTF16(_ scalars: ArraySlice<UInt32>) -> Bool {
        units.removeAll(keepingCapacity: true)
        var surrogates = false
        for value in scalars {
            if value < 0x10000 {
                units.append(UInt16(truncatingIfNeeded: value))
            } else {
                surrogates = true
                let v = value - 0x10000
                units.append(UInt16(truncatingIfNeeded: 0xD800 + (v >> 10)))
                units.append(UInt16(truncatingIfNeeded: 0xDC00 + (v & 0x3FF)))
            }
        }
        if surrogates {
            unitScalars.removeAll(keepingCapacity: true)
            for (index, value) in scalars.enumerated() {
                unitScalars.append(Int32(index))
                if value >= 0x10000 { unitScalars.append(Int32(index)) }
            }
            unitScalars.append(Int32(scalars.count))
        }
        return surrogates
    }

    /// The scalar offset of a UTF-16 offset (a boundary, never inside a pair).
    func scalarOffset(_ unit: Int, _ hasSurrogates: Bool) -> Int {
        hasSurrogates ? Int(unitScalars[unit]) : unit
    }

    /// A string of scalar values (see `ViewText.string`).
    func string(_ scalars: ArraySlice<UInt32>) -> String {
        ViewText.string(scalars)
    }
}
