/// One article's lines as the stripper holds them until the article ends, column by column: the paragraphs,
/// what was counted and decided about each (`StripLine`, plain values), and — only for the lines that have
/// them — rule hits and matching views. Deciding touches only the plain columns.
struct ArticleLines {
    var paragraphs: [Paragraph] = []
    var lines: [StripLine] = []
    var hits: [RuleHit] = []
    var views: [[UInt32]] = []

    /// Counts the line on the quick view; computes the exact matching view and runs patterns only when the
    /// prefilter finds a rule's literal (or when a profile needs every line's view).
    mutating func append(_ paragraph: Paragraph, context: StripContext) {
        paragraphs.append(paragraph)
        let quick = context.quickFold
        let counted = quick.fold(paragraph.text)
        guard !quick.isBlank else {
            lines.append(StripLine())
            return
        }
        var line = StripLine(features: counted, isBlank: false, isTimestamp: false, repeatKey: quick.repeatKey)
        let scratch = context.scratch, matcher = context.matcher
        let candidates = quick.withFolded { folded in
            line.isTimestamp = counted.isTimestamp(folded)
            return matcher.candidates(in: folded, length: counted.length, scratch: scratch)
        }
        if candidates > 0 || context.needsViews {
            // Simplified input (no Han character changed) needs no conversion: its quick view is the exact one.
            let view = quick.changedHan ? quick.exactView(of: paragraph.text) : quick.folded
            line.view = views.count
            views.append(view)
            let start = hits.count
            if candidates > 0 {
                view.withUnsafeBufferPointer { matcher.hits(in: $0, candidates: candidates, into: &hits, scratch: scratch) }
            }
            line.hits = start..<hits.count
        }
        lines.append(line)
    }

    /// The matching view of line `index` (empty when it has none).
    func view(of index: Int) -> [UInt32] {
        lines[index].view >= 0 ? views[lines[index].view] : []
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
        views.removeAll(keepingCapacity: true)
    }
}
