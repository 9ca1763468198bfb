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
///    inside the body) stays, unless a furniture rule removed a line of that gap, and so does a long run of
///    unpunctuated medium lines that outweighs the page's prose (a body written one phrase a line).
/// Runs add evidence (`ParagraphClassifier+Runs`): one-word menus, teaser lists; rows of a table are protected.
/// A bare time no rule takes goes when chrome stands on both sides of it.
///
/// Removal needs positive evidence, so the classifier removes nothing at all unless the text looks like a
/// page dump (at least `pageChromeLines` lines of chrome evidence: its own or lines a furniture rule removed,
/// outside the body's gaps), and undecided lines are removed only when the page has prose somewhere. A `good` line — prose — is never removed here; only an explicit
/// rule removes prose. Deterministic; running it on the lines it keeps finds no page (the chrome evidence
/// outside the body is gone), which keeps the stage idempotent.
struct ParagraphClassifier {
    /// One line as the classifier sees it: its shape, and what the rules decided of it.
    @dynamicMemberLookup
    struct Line {
        var shape: LineShape
        /// Already removed by a rule or profile: not removed again.
        var removed = false
        /// Kept whatever the classifier thinks (a dateline, a headline, a document's title).
        var protected = false
        /// Removed by a rule whose lines are page furniture (navigation, prompts, comments, footers…): chrome
        /// evidence for the neighbours. Lines removed as metadata (captions, sources) are not.
        var furniture = false
        /// A metadata rule matches the line (it will take the line and its metadata: the classifier leaves it).
        var metaRule = false
        /// A time, a byline, a source line or a dateline (a metadata rule matches it, or a bare time): no
        /// evidence either way.
        var metaLike: Bool { metaRule || shape.isTimestamp }

        subscript<T>(dynamicMember path: KeyPath<LineShape, T>) -> T { shape[keyPath: path] }
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
                if lines[i].isTimestamp && !lines[i].metaRule && hasProse
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
        for line in lines where !line.isBlank && !line.removed && line.repeatKey != 0 { table.add(line.repeatKey) }
        guard table.anyRepeated else { return }
        for (i, line) in lines.enumerated()
        where line.repeatKey != 0 && !line.removed && !line.protected && table.count(of: line.repeatKey) > 1 {
            if classes[i] == .nearGood || classes[i] == .short { classes[i] = .bad }
        }
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
