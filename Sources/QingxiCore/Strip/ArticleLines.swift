/// One article's lines as the stripper holds them until the article ends, column by column: the paragraphs,
/// what was counted and decided about each (`StripLine`, plain values), and — only for the lines that have
/// them — rule hits and matching views (all views in one flat array: no allocation per line). Deciding
/// touches only the plain columns.
///
/// A line appended as UTF-8 bytes (`append(utf8:number:line:context:)`, the plain-text path that makes no
/// `String` per line) keeps its text in `bytes`, one flat array; its paragraph's text stays empty until
/// `paragraph(_:)` makes it, for the lines that are released or recorded.
struct ArticleLines {
    var paragraphs: [Paragraph] = []
    var lines: [StripLine] = []
    var hits: [RuleHit] = []
    /// The matching views of the lines that have one, one after the other: view k is
    /// `viewScalars[viewBounds[k]]`.
    private var viewScalars: [UInt32] = []
    private var viewBounds: [Range<Int>] = []
    /// The texts of the lines appended as bytes: line i's is `bytes[byteRanges[i]]` (empty for a line appended
    /// as a paragraph, whose text is `paragraphs[i].text`).
    private var bytes: [UInt8] = []
    private var byteRanges: [Range<Int>] = []

    /// The spans cut off lines (see `cut`); line `i`'s are `cuts[lines[i].cuts]`, in the order they were cut.
    var cuts: [LineCut] = []

    mutating func append(_ paragraph: Paragraph, context: StripContext) {
        paragraphs.append(paragraph)
        byteRanges.append(bytes.count..<bytes.count)
        var text = paragraph.text
        lines.append(text.withUTF8 { utf8 in
            guard let scalars = paragraph.scalars else { return describe(utf8, text: { paragraph.text }, context: context) }
            let counted = scalars.withUnsafeBufferPointer { context.quickFold.fold(scalars: $0, utf8: utf8) }
            return describe(folded: counted, utf8, text: { paragraph.text }, context: context)
        })
    }

    /// Appends a line given as its UTF-8 bytes, as `append` would a paragraph of that text; false (and nothing
    /// appended) when the bytes are not well-formed UTF-8.
    mutating func append(utf8: UnsafeBufferPointer<UInt8>, number: Int, line: Int, context: StripContext) -> Bool {
        guard let counted = context.quickFold.fold(utf8: utf8) else { return false }
        paragraphs.append(Paragraph(text: "", number: number, line: line))
        byteRanges.append(bytes.count..<(bytes.count + utf8.count))
        bytes.append(contentsOf: utf8)
        lines.append(describe(folded: counted, utf8, text: { String(decoding: utf8, as: UTF8.self) }, context: context))
        return true
    }

    /// Line `index`'s paragraph with its whole original text.
    func paragraph(_ index: Int) -> Paragraph {
        var paragraph = paragraphs[index]
        if !byteRanges[index].isEmpty {
            paragraph.text = bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[byteRanges[index]]), as: UTF8.self)
            }
        }
        return paragraph
    }

    /// Calls `body` with line `index`'s bytes when it was appended as bytes (and is not empty); false otherwise.
    func withBytes(of index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows -> Bool {
        guard !byteRanges[index].isEmpty else { return false }
        try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[byteRanges[index]])) }
        return true
    }

    /// Counts a line's text on the quick view; computes the exact matching view and runs patterns only when the
    /// prefilter finds a rule's literal (or when a profile needs every line's view). `text` makes the line's
    /// `String`, asked only when the exact view differs from the quick one (traditional input).
    private mutating func describe(_ utf8: UnsafeBufferPointer<UInt8>, text: () -> String,
                                   context: StripContext) -> StripLine {
        describe(folded: context.quickFold.fold(utf8: utf8)!, utf8, text: text, context: context)  // a String's bytes
    }

    /// `describe` after `QuickFold.fold` of the line returned `counted`.
    private mutating func describe(folded counted: LineFeatures, _ utf8: UnsafeBufferPointer<UInt8>,
                                   text: () -> String, context: StripContext) -> StripLine {
        let quick = context.quickFold
        guard !quick.isBlank else { return StripLine() }
        var line = StripLine(shape: LineShape(features: counted, isBlank: false, repeatKey: quick.repeatKey))
        let scratch = context.scratch, matcher = context.matcher
        let candidates = quick.withFolded { folded in
            line.isTimestamp = counted.isTimestamp(folded) || counted.isDateLine(folded)
            // What the page classifier asks of short lines only (long ones are prose or not by their counts).
            if counted.units <= LineFeatures.menuUnits {
                if counted.spaces >= 2 && (counted.punctuation == 0 || counted.digits > 0) {
                    line.tokens = LineFeatures.tokens(folded)
                }
                let end = counted.punctuation > 0 ? LineFeatures.sentenceEnd(folded) : 0
                line.endsSentence = end > 0
                line.endsStatement = end == 2
                // A sentence is prose whatever it starts with; a bar is a link mark.
                if !line.endsSentence || counted.units < LineClass.nearGoodUnits {
                    line.startsItem = LineFeatures.startsItem(folded)
                }
                line.labelPrefix = counted.linkMarks == 1 && counted.units <= 40 && LineFeatures.hasLabelPrefix(folded)
            }
            return matcher.candidates(in: folded, length: counted.length, scratch: scratch)
        }
        if candidates > 0 || context.needsViews {
            // Simplified input (no Han character changed) needs no conversion: its quick view is the exact one.
            let start = viewScalars.count
            if quick.changedHan { quick.foldExactly(utf8: utf8, text: text) }
            quick.withFolded { viewScalars.append(contentsOf: $0) }
            line.view = viewBounds.count
            viewBounds.append(start..<viewScalars.count)
            var found = hits  // moved out: the closure below reads viewScalars while the hits grow
            hits = []
            let first = found.count
            if candidates > 0 {
                viewScalars.withUnsafeBufferPointer { all in
                    let view = UnsafeBufferPointer(rebasing: all[start...])
                    matcher.hits(in: view, candidates: candidates, into: &found, scratch: scratch)
                }
            }
            line.hits = first..<found.count
            hits = found
        }
        return line
    }

    /// Cuts `span` (scalar offsets of line `index`'s current text, a prefix or a suffix) off the line by the
    /// rule of `hits[hit]`, and describes what is left afresh, as a line of its own: its features, matching view
    /// and rule hits are then what a second run would see, so the later phases decide the rest as it would.
    mutating func cut(_ span: Range<Int>, hit: Int, of index: Int, context: StripContext) {
        let kept = lines[index].kept ?? 0..<paragraph(index).text.unicodeScalars.count
        let base = kept.lowerBound
        let removed = (span.lowerBound + base)..<(span.upperBound + base)
        let rest = span.lowerBound == 0 ? removed.upperBound..<kept.upperBound : kept.lowerBound..<removed.lowerBound
        var chain = Array(cuts[lines[index].cuts])  // the line's cuts stay contiguous
        chain.append(LineCut(span: removed, hit: hit, view: lines[index].view, text: kept))
        var restText = text(of: index, in: rest)
        let restCopy = restText
        var line = restText.withUTF8 { describe($0, text: { restCopy }, context: context) }
        line.kept = rest
        line.cuts = cuts.count..<(cuts.count + chain.count)
        line.verdict = lines[index].verdict
        cuts.append(contentsOf: chain)
        lines[index] = line
    }

    /// The scalars `range` of line `index`'s original text.
    func text(of index: Int, in range: Range<Int>) -> String {
        let scalars = paragraph(index).text.unicodeScalars
        let low = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
        let high = scalars.index(low, offsetBy: range.count)
        return String(scalars[low..<high])
    }

    /// Line `index`'s text as the plan sees it: the paragraph, or what is left of it after its cuts.
    func text(of index: Int) -> String {
        guard let kept = lines[index].kept else { return paragraph(index).text }
        return text(of: index, in: kept)
    }

    /// The length in scalars of `text(of: index)`, without making it.
    func textLength(of index: Int) -> Int {
        if let kept = lines[index].kept { return kept.count }
        guard !byteRanges[index].isEmpty else { return paragraphs[index].text.unicodeScalars.count }
        return bytes[byteRanges[index]].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }  // scalars: non-continuation bytes
    }

    /// The matching view with index `view` (empty for -1).
    func view(at view: Int) -> [UInt32] {
        view >= 0 ? Array(viewScalars[viewBounds[view]]) : []
    }

    /// The matching view of line `index` (empty when it has none).
    func view(of index: Int) -> [UInt32] {
        view(at: lines[index].view)
    }

    /// The matching view of line `index` with surrounding white space trimmed: the key of a profile line.
    func profileKey(of index: Int) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: view(of: index).compactMap(Unicode.Scalar.init))
        return FooterProfile.normalize(String(scalars))
    }

    mutating func removeAll() {
        paragraphs.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        hits.removeAll(keepingCapacity: true)
        cuts.removeAll(keepingCapacity: true)
        viewScalars.removeAll(keepingCapacity: true)
        viewBounds.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        byteRanges.removeAll(keepingCapacity: true)
    }
}
