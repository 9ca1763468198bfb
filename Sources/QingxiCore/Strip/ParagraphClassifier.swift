/// Judges the lines of text dumped from a whole web page (menus, breadcrumbs, share bars, teaser lists, footers)
/// one by one, with their neighbours, and says which are page chrome. It never needs to find "the" body: every
/// line that is not shown to be chrome stays, so several body regions (a document and its annex, a body split
/// by a table) all survive.
///
/// The model is jusText's, adapted to Chinese text without its stop words (see `LineClass`):
/// 1. each line gets a class from its own features: `good` (running prose: Han characters with sentence
///    punctuation), `bad` (evidence of chrome: link separators, a menu of short words, a line the page repeats,
///    a line a furniture rule removed), `nearGood` or `short` (not enough to say), or `transparent` (blank
///    lines and lines a rule removed as article metadata — captions, bylines, sources — which say nothing
///    about their neighbours);
/// 2. a `nearGood` or `short` line takes its class from its context: it is chrome only when the nearest decisive
///    line on each side (skipping other undecided and transparent lines; the text's edges count as chrome) is
///    chrome. A heading, a list, a table row or a signature next to prose stays.
/// 3. a `bad` line is chrome; but every line of a short gap between prose (a table, a list, a separator
///    inside the body) stays, unless a furniture rule removed a line of that gap.
///
/// Removal needs positive evidence, so the classifier removes nothing at all unless the text looks like a
/// page dump (at least `pageChromeLines` lines of chrome evidence: its own or lines a furniture rule removed,
/// outside the body's gaps), and undecided lines are removed
/// only when the page has prose somewhere. A `good` line — prose — is never removed here; only an explicit
/// rule removes prose. Deterministic; running it on the lines it keeps finds no page (the chrome evidence
/// outside the body is gone), which keeps the stage idempotent.
struct ParagraphClassifier {
    /// One line as the classifier sees it.
    struct Line {
        var features: LineFeatures
        var isBlank: Bool
        /// Already removed by a rule or profile: not removed again.
        var removed: Bool
        /// Kept whatever the classifier thinks (a dateline).
        var protected: Bool
        var timestamp: Bool
        /// A hash of the line's text (0 for none), to find lines the page repeats.
        var key: Int = 0
        /// Removed by a rule whose lines are page furniture (navigation, prompts, comments, footers…): chrome
        /// evidence for the neighbours. Lines removed as metadata (captions, sources) are not.
        var furniture = false
        /// Words separated by white space (counted for lines of at most `LineFeatures.menuUnits` units, else 0).
        var tokens = 0
        var endsSentence = false
        var endsStatement = false
        var startsItem = false
        /// Starts with a short label and a bar (课程 | 标题): a section's teaser link.
        var labelPrefix = false
        /// A time, a byline, a source line or a dateline (a metadata rule matches it, or a bare time): no
        /// evidence either way.
        var metaLike = false
        /// A metadata rule matches the line (it will take the line and its metadata: the classifier leaves it).
        var metaRule = false
    }

    /// Fewest lines of chrome evidence for the text to count as a page dump.
    var pageChromeLines = 5
    /// Fewest medium lines in a run of undecided lines for it to be a body without punctuation.
    var unpunctuatedBodyLines = 10
    /// Fewest rows with the same number of cells for them to be a table.
    var tableRows = 3
    /// Fewest one-word lines in a run for it to be a menu.
    var menuRunLines = 4
    /// Fewest headline-shaped lines in a run for it to be a teaser list.
    var teaserRunLines = 3
    /// Most: a longer run of headline-shaped lines without a break is a text written one phrase a line (a
    /// photo blog, a poem), not links; unsure, so it is left to the context rule.
    var teaserRunMost = 20
    /// Longest run of lines between prose that is kept as part of the body whatever it looks like.
    var gapLines = 15

    /// The indices of lines to remove as page chrome (empty when the text is not a page dump).
    func chromeLines(_ lines: [Line]) -> [Int] {
        var classes = lines.map(LineClass.init)
        // Only bad lines count as evidence, and the passes below only turn undecided lines bad: when there are
        // too few of both (an article of paragraphs), the text is no page dump, whatever the passes find.
        var possible = 0
        for c in classes where c == .bad || c == .nearGood || c == .short { possible += 1 }
        guard possible >= pageChromeLines else { return [] }
        markTables(&classes, lines)
        markRepeats(&classes, lines)
        markTeaserRuns(&classes, lines)
        markMenuRuns(&classes, lines)
        var inBody = gapsInBody(lines, classes)
        markUnpunctuatedBody(&inBody, lines, classes)
        var evidence = 0
        for (i, c) in classes.enumerated() where c == .bad && !inBody[i] { evidence += 1 }
        guard evidence >= pageChromeLines else { return [] }
        let hasProse = classes.contains(.good)
        var chrome: [Int] = []
        for i in lines.indices where !lines[i].removed && !lines[i].isBlank && !lines[i].protected && !inBody[i] {
            switch classes[i] {
            case .bad:
                chrome.append(i)
            case .nearGood, .short, .tableRow:
                if hasProse && neighbour(of: i, step: -1, classes) == .bad
                    && neighbour(of: i, step: 1, classes) == .bad {
                    chrome.append(i)
                }
            case .transparent:
                // A bare time no rule takes (a teaser's date, a comment's time) goes with chrome around it.
                if lines[i].timestamp && !lines[i].metaRule && hasProse
                    && neighbour(of: i, step: -1, classes) == .bad && neighbour(of: i, step: 1, classes) == .bad {
                    chrome.append(i)
                }
            case .good:
                break
            }
        }
        return chrome
    }

    /// Lines the page repeats (menus, share bars and teaser lists shown twice) are chrome evidence unless they
    /// are prose (a body paragraph printed twice is the dedup stage's business).
    private func markRepeats(_ classes: inout [LineClass], _ lines: [Line]) {
        var table = RepeatCounter(capacity: lines.count)
        for line in lines where !line.isBlank && !line.removed && line.key != 0 { table.add(line.key) }
        guard table.anyRepeated else { return }
        for (i, line) in lines.enumerated()
        where line.key != 0 && !line.removed && !line.protected && table.count(of: line.key) > 1 {
            if classes[i] == .nearGood || classes[i] == .short { classes[i] = .bad }
        }
    }

    /// Rows of a table: `tableRows` or more lines in a row with the same number (at least 3) of cells separated
    /// by white space. A header row looks like a menu; both are the body's (`tableRow`, never a teaser).
    private func markTables(_ classes: inout [LineClass], _ lines: [Line]) {
        var start = 0
        while start < lines.count {
            let cells = lines[start].tokens
            guard cells >= 3, !lines[start].removed else { start += 1; continue }
            var end = start + 1
            while end < lines.count, lines[end].tokens == cells, !lines[end].removed { end += 1 }
            if end - start >= tableRows {
                for i in start..<end where classes[i] == .bad || classes[i] == .nearGood || classes[i] == .short {
                    classes[i] = .tableRow
                }
            }
            start = end
        }
    }

    /// A run of undecided lines (`nearGood`, `short`, with transparent lines between) holding at least
    /// `teaserRunLines` headline-shaped lines, most of its medium lines, is a list of links to other pages:
    /// its headline-shaped lines are chrome evidence. A list of the body's own (numbered items, sentences)
    /// is not headline-shaped, and one between prose is kept by `gapsInBody` anyway; a run with more text than
    /// the page's largest stretch of prose is taken for the body.
    private func markTeaserRuns(_ classes: inout [LineClass], _ lines: [Line]) {
        let proseUnits = largestProseRegion(lines, classes)
        var start = 0
        while start < lines.count {
            guard classes[start] == .nearGood || classes[start] == .short else { start += 1; continue }
            var end = start, teasers = 0, medium = 0, units = 0
            while end < lines.count, classes[end] != .good, classes[end] != .bad {
                if classes[end] == .nearGood { medium += 1 }
                if LineClass.isTeaser(lines[end], classes[end]) { teasers += 1 }
                units += lines[end].features.units
                end += 1
            }
            // A run that outweighs the page's largest stretch of prose is its body written without punctuation
            // (a photo blog): kept.
            // A list right next to prose may be the body's own (a schedule or a table after a paragraph, a list
            // of items before one): unsure, so it is left to the context rule.
            let attached = adjacent(start, -1, classes) == .good || adjacent(end - 1, 1, classes) == .good
            if teasers >= teaserRunLines && teasers <= teaserRunMost && teasers * 3 >= medium * 2 && units < proseUnits
                && !attached {
                for i in start..<end where LineClass.isTeaser(lines[i], classes[i]) { classes[i] = .bad }
            }
            start = end
        }
    }

    /// The class of the first line from `index` in direction `step` that is not transparent (nil at the edge).
    private func adjacent(_ index: Int, _ step: Int, _ classes: [LineClass]) -> LineClass? {
        var i = index + step
        while i >= 0 && i < classes.count {
            if classes[i] != .transparent { return classes[i] }
            i += step
        }
        return nil
    }

    /// A run of at least `menuRunLines` lines of a few words each, without punctuation (a menu dumped one link
    /// a line: 首页 / 新闻 / 政务 / 财经), is chrome evidence. Blank lines do not break the run.
    private func markMenuRuns(_ classes: inout [LineClass], _ lines: [Line]) {
        func isMenuItem(_ i: Int) -> Bool {
            let f = lines[i].features
            return classes[i] == .short && f.units > 0 && f.units <= 4 && f.punctuation == 0 && !lines[i].startsItem
                && !lines[i].protected
        }
        var start = 0
        while start < lines.count {
            guard isMenuItem(start) else { start += 1; continue }
            var end = start, items = 0
            while end < lines.count, isMenuItem(end) || lines[end].isBlank {
                if !lines[end].isBlank { items += 1 }
                end += 1
            }
            if items >= menuRunLines {
                for i in start..<end where !lines[i].isBlank { classes[i] = .bad }
            }
            start = end
        }
    }

    /// A run of undecided lines with at least `unpunctuatedBodyLines` medium lines and more text than the page's
    /// largest stretch of prose is the page's body written one phrase a line without punctuation (a photo blog,
    /// a poster-style article): it stays, like a gap between prose.
    private func markUnpunctuatedBody(_ inBody: inout [Bool], _ lines: [Line], _ classes: [LineClass]) {
        let proseUnits = largestProseRegion(lines, classes)
        var start = 0
        while start < lines.count {
            guard classes[start] == .nearGood || classes[start] == .short else { start += 1; continue }
            var end = start, medium = 0, units = 0, times = 0, punctuated = 0
            while end < lines.count, classes[end] != .good, classes[end] != .bad {
                if classes[end] == .nearGood {
                    medium += 1
                    if lines[end].features.punctuation > 0 { punctuated += 1 }
                }
                if lines[end].timestamp { times += 1 }
                units += lines[end].features.units
                end += 1
            }
            // Items with a time each are a list of links to dated articles, not a text; headlines with a comma
            // or a colon are a list of links too: such a body has (almost) no punctuation at all.
            if medium >= unpunctuatedBodyLines && units > proseUnits && times * 4 < medium && punctuated * 2 < medium {
                for i in start..<end { inBody[i] = true }
            }
            start = end
        }
    }

    /// The units of prose in the largest stretch of prose lines less than `gapLines` apart.
    private func largestProseRegion(_ lines: [Line], _ classes: [LineClass]) -> Int {
        var best = 0, current = 0
        var last: Int?
        for i in lines.indices where classes[i] == .good {
            if let last, i - last - 1 > gapLines { current = 0 }
            current += lines[i].features.units
            best = max(best, current)
            last = i
        }
        return best
    }

    /// The class of the nearest decisive line (`good` or `bad`) from `index` in direction `step`; the text's
    /// edge counts as chrome.
    private func neighbour(of index: Int, step: Int, _ classes: [LineClass]) -> LineClass {
        var i = index + step
        while i >= 0 && i < classes.count {
            if classes[i] == .good || classes[i] == .bad { return classes[i] }
            i += step
        }
        return .bad
    }

    /// Lines in a gap of at most `gapLines` lines between prose, with no line a furniture rule removed: a table,
    /// a list, a separator or a repeated attribution inside the body, kept whatever they look like.
    private func gapsInBody(_ lines: [Line], _ classes: [LineClass]) -> [Bool] {
        var inGap = [Bool](repeating: false, count: lines.count)
        var lastProse: Int?
        var furnitureSince = false
        for i in lines.indices {
            if classes[i] == .good {
                if let start = lastProse, !furnitureSince, i - start - 1 <= gapLines {
                    for j in (start + 1)..<i { inGap[j] = true }
                }
                lastProse = i
                furnitureSince = false
            } else if lines[i].removed && lines[i].furniture {
                furnitureSince = true
            }
        }
        return inGap
    }
}

/// How often each key occurs, in an open-addressing table (keys are already hashes: their low bits pick the
/// slot; no hashing, no dictionary).
struct RepeatCounter {
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
    @inline(__always) mutating func add(_ key: Int) {
        let slot = self.slot(of: key)
        keys[slot] = key
        counts[slot] += 1
        if counts[slot] > 1 { anyRepeated = true }
    }

    @inline(__always) func count(of key: Int) -> Int32 {
        counts[slot(of: key)]
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always) private func slot(of key: Int) -> Int {
        var slot = key & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }
}
