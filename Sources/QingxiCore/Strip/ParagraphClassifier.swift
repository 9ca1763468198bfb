/// Judges the paragraphs of text dumped from a whole web page (menus, breadcrumbs, share bars, lone timestamps,
/// comment threads, recommendation lists) and finds the article body among them.
///
/// jusText judges a paragraph by its stopword density, which is zero for Chinese; this classifier uses what
/// Chinese text does show: a body paragraph is long in Han characters and dense in sentence punctuation, and
/// stands among other such paragraphs; page chrome is short, unpunctuated, full of link separators, and comes
/// in runs. Each non-blank line gets a score (positive: body-like, negative: chrome-like; lines a rule already
/// removed count as chrome), and the body is the run of lines with the largest total score (a maximum-sum
/// segment, as in Finn et al.'s Body Text Extraction), so short headings and poem lines inside the body stay
/// with it while long lines stranded among chrome (a teaser, a long comment) do not join it.
///
/// Datelines (lines a `keep` rule protects) inside the body stay whatever they score; outside it they are
/// teasers of other articles and go with the rest of the page.
///
/// The classifier removes anything only when the text looks like a page dump: at least `pageChromeLines`
/// chrome-like lines outside the body. A plain article (title, body, a tail the rules remove) is left alone,
/// and so is the classifier's own output (its body has no chrome around it), which keeps the stage idempotent.
struct ParagraphClassifier {
    /// One line as the classifier sees it.
    struct Line {
        var features: LineFeatures
        var isBlank: Bool
        /// Already removed by a rule or profile: counts as chrome, is not removed again.
        var removed: Bool
        /// Kept whatever the classifier thinks (a dateline).
        var protected: Bool
        var timestamp: Bool
        /// A hash of the line's text (0 for none), to find lines the page repeats.
        var key: Int = 0
        /// Removed by a rule whose lines close an article body (`editor`, `source`: see `StripPolicy`).
        var closesBody = false
        /// Removed by a rule whose lines are page furniture (navigation, prompts, comments, footers…).
        var furniture = false
    }

    /// Fewest chrome-like lines outside the body for the text to count as a page dump.
    var pageChromeLines = 5
    /// Cost of a line break: what a line must earn in punctuated text to count as body.
    var lineCost = 20.0
    /// Lower cost for a punctuated line (poem lines, short quotes, a sentence broken over two lines).
    var punctuatedLineCost = 8.0
    /// Extra score of the first line a `keep` rule protects: a dateline is where the body starts.
    var protectedBonus = 100.0
    /// Score of a line a rule removed.
    var removedScore = -15.0

    /// The indices of lines to remove as page chrome (empty when the text is not a page dump).
    func chromeLines(_ lines: [Line]) -> [Int] {
        var scores = lines.map(score)
        penalizeRepeats(&scores, lines)
        if let first = lines.firstIndex(where: \.protected) { scores[first] += protectedBonus }
        guard let best = bestSegment(scores, lines) else { return [] }
        let body = extendedToClosing(anchored(best, scores, lines), lines)
        var outside: [Int] = []
        var chromeLike = 0
        for (i, line) in lines.enumerated() where !body.contains(i) && !line.isBlank && !line.removed {
            outside.append(i)
            if scores[i] < 0 { chromeLike += 1 }
        }
        return chromeLike >= pageChromeLines ? outside : []
    }

    /// Lines repeated within the page (menus, share bars and teaser lists shown twice) are chrome, whatever
    /// their punctuation, unless they are long (a body paragraph printed twice is the dedup stage's business).
    private func penalizeRepeats(_ scores: inout [Double], _ lines: [Line]) {
        var table = RepeatCounter(capacity: lines.count)
        for line in lines where !line.isBlank && line.key != 0 && line.features.units <= 80 {
            table.add(line.key)
        }
        guard table.anyRepeated else { return }
        for (i, line) in lines.enumerated() where line.key != 0 && !line.protected && table.count(of: line.key) > 1 {
            scores[i] = min(scores[i], -lineCost)
        }
    }

    /// Body-likeness of one line: text units weighted by punctuation density, less the cost of a line.
    func score(_ line: Line) -> Double {
        if line.isBlank { return 0 }
        if line.removed { return removedScore }
        let f = line.features
        let units = Double(f.units)
        let density = min(1.0, Double(f.punctuation) * 12.0 / max(units, 1.0))
        var s = units * density - (f.punctuation > 0 ? punctuatedLineCost : lineCost)
        s -= 10.0 * Double(f.linkMarks)
        if line.timestamp { s -= 20 }
        if line.protected { s = max(s, units) }
        return s
    }

    /// An editor or source line, or the end of the text, closes the body: when one follows the body run within
    /// `StripPolicy.closingReach` lines with no page furniture in between, the body runs up to it. This keeps
    /// the short unpunctuated lines of "poster-style" articles (one phrase a line) that score as chrome.
    private func extendedToClosing(_ body: ClosedRange<Int>, _ lines: [Line]) -> ClosedRange<Int> {
        var end = body.upperBound + 1
        while end < lines.count, end - body.upperBound <= StripPolicy.closingReach {
            let line = lines[end]
            if line.closesBody { return end - 1 > body.upperBound ? body.lowerBound...(end - 1) : body }
            if line.furniture || line.protected { return body }
            end += 1
        }
        // The end of the text closes the body too (that is what a second run sees after the first removed the
        // editor line), so that stripping twice keeps what stripping once kept.
        return end == lines.count ? body.lowerBound...(lines.count - 1) : body
    }

    /// A dateline is where the body starts: when the best run lies elsewhere (a long teaser list) and the run
    /// that starts at the first dateline is at least half as strong, that run is the body.
    private func anchored(_ best: ClosedRange<Int>, _ scores: [Double], _ lines: [Line]) -> ClosedRange<Int> {
        guard let anchor = lines.firstIndex(where: \.protected), !best.contains(anchor) else { return best }
        let forward = segment(around: anchor, scores)
        let strength = { (range: ClosedRange<Int>) in scores[range].reduce(0, +) }
        return strength(forward) >= 0.5 * strength(best) ? anchor...forward.upperBound : best
    }

    /// The maximum-sum run of lines that contains `anchor` (a dateline: the body is where it stands, however
    /// long a list of teasers elsewhere on the page).
    private func segment(around anchor: Int, _ scores: [Double]) -> ClosedRange<Int> {
        var start = anchor, end = anchor
        var sum = 0.0, best = 0.0
        for i in stride(from: anchor - 1, through: 0, by: -1) {
            sum += scores[i]
            if sum > best { best = sum; start = i }
        }
        sum = 0; best = 0
        for i in (anchor + 1)..<max(scores.count, anchor + 1) {
            sum += scores[i]
            if sum > best { best = sum; end = i }
        }
        return start...end
    }

    /// The maximum-sum run of lines (Kadane); nil when no line scores above zero.
    private func bestSegment(_ scores: [Double], _ lines: [Line]) -> ClosedRange<Int>? {
        var best: ClosedRange<Int>?
        var bestSum = 0.0
        var sum = 0.0
        var start = 0
        for (i, s) in scores.enumerated() {
            if sum <= 0 {
                if lines[i].isBlank { continue }
                sum = 0
                start = i
            }
            sum += s
            if sum > bestSum {
                bestSum = sum
                best = start...i
            }
        }
        return best
    }
}

/// How often each key occurs, in an open-addressing table (keys are already hashes: their low bits pick the
/// slot; no hashing, no dictionary).
private struct RepeatCounter {
    private var keys: [Int]
    private var counts: [Int32]
    private let mask: Int
    private(set) var anyRepeated = false

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        keys = [Int](repeating: 0, count: size)
        counts = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    /// Counts `key` (never 0: 0 marks an empty slot).
    mutating func add(_ key: Int) {
        let slot = self.slot(of: key)
        keys[slot] = key
        counts[slot] += 1
        if counts[slot] > 1 { anyRepeated = true }
    }

    func count(of key: Int) -> Int32 {
        counts[slot(of: key)]
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func slot(of key: Int) -> Int {
        var slot = key & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }
}
