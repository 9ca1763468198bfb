/// One article's lines as the stripper holds them until the article ends, column by column: the paragraphs,
/// what was counted and decided about each (`StripLine`, plain values), and — only for the lines that have
/// them — rule hits and matching views (all views in one flat array: no allocation per line). Deciding
/// touches only the plain columns.
struct ArticleLines {
    var paragraphs: [Paragraph] = []
    var lines: [StripLine] = []
    var hits: [RuleHit] = []
    /// The matching views of the lines that have one, one after the other: view k is
    /// `viewScalars[viewBounds[k]]`.
    private var viewScalars: [UInt32] = []
    private var viewBounds: [Range<Int>] = []

    /// The spans cut off lines (see `cut`); line `i`'s are `cuts[lines[i].cuts]`, in the order they were cut.
    var cuts: [LineCut] = []

    mutating func append(_ paragraph: Paragraph, context: StripContext) {
        paragraphs.append(paragraph)
        lines.append(describe(paragraph.text, context: context))
    }

    /// Counts a line's text on the quick view; computes the exact matching view and runs patterns only when the
    /// prefilter finds a rule's literal (or when a profile needs every line's view).
    private mutating func describe(_ text: String, context: StripContext) -> StripLine {
        let quick = context.quickFold
        let counted = quick.fold(text)
        guard !quick.isBlank else { return StripLine() }
        var line = StripLine(features: counted, isBlank: false, isTimestamp: false, repeatKey: quick.repeatKey)
        let scratch = context.scratch, matcher = context.matcher
        let candidates = quick.withFolded { folded in
            line.isTimestamp = counted.isTimestamp(folded)
            return matcher.candidates(in: folded, length: counted.length, scratch: scratch)
        }
        if candidates > 0 || context.needsViews {
            // Simplified input (no Han character changed) needs no conversion: its quick view is the exact one.
            let start = viewScalars.count
            if quick.changedHan { quick.foldExactly(text) }
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
        let kept = lines[index].kept ?? 0..<paragraphs[index].text.unicodeScalars.count
        let base = kept.lowerBound
        let removed = (span.lowerBound + base)..<(span.upperBound + base)
        let rest = span.lowerBound == 0 ? removed.upperBound..<kept.upperBound : kept.lowerBound..<removed.lowerBound
        var chain = Array(cuts[lines[index].cuts])  // the line's cuts stay contiguous
        chain.append(LineCut(span: removed, hit: hit, view: lines[index].view, text: kept))
        var line = describe(text(of: paragraphs[index], in: rest), context: context)
        line.kept = rest
        line.cuts = cuts.count..<(cuts.count + chain.count)
        line.verdict = lines[index].verdict
        cuts.append(contentsOf: chain)
        lines[index] = line
    }

    /// The scalars `range` of the paragraph's text.
    func text(of paragraph: Paragraph, in range: Range<Int>) -> String {
        let scalars = paragraph.text.unicodeScalars
        let low = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
        let high = scalars.index(low, offsetBy: range.count)
        return String(scalars[low..<high])
    }

    /// Line `index`'s text as the plan sees it: the paragraph, or what is left of it after its cuts.
    func text(of index: Int) -> String {
        guard let kept = lines[index].kept else { return paragraphs[index].text }
        return text(of: paragraphs[index], in: kept)
    }

    /// The length in scalars of `text(of: index)`, without making it.
    func textLength(of index: Int) -> Int {
        lines[index].kept?.count ?? paragraphs[index].text.unicodeScalars.count
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
    }
}
