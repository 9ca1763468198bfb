/// The passes of `ParagraphClassifier` that read runs of lines rather than one line: tables, teaser lists,
/// menus of one-word lines, and bodies written without punctuation.
extension ParagraphClassifier {
    /// Rows of a table: `tableRows` or more lines in a row with the same number (at least 3) of cells separated
    /// by white space. A header row looks like a menu; both are the body's (`tableRow`, never a teaser).
    func markTables(_ classes: inout [LineClass], _ lines: [Line]) {
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
    func markTeaserRuns(_ classes: inout [LineClass], _ lines: [Line]) {
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
    func adjacent(_ index: Int, _ step: Int, _ classes: [LineClass]) -> LineClass? {
        var i = index + step
        while i >= 0 && i < classes.count {
            if classes[i] != .transparent { return classes[i] }
            i += step
        }
        return nil
    }

    /// A run of at least `menuRunLines` lines of a few words each, without punctuation (a menu dumped one link
    /// a line: 首页 / 新闻 / 政务 / 财经), is chrome evidence. Blank lines do not break the run.
    func markMenuRuns(_ classes: inout [LineClass], _ lines: [Line]) {
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
    func markUnpunctuatedBody(_ inBody: inout [Bool], _ lines: [Line], _ classes: [LineClass]) {
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
                if lines[end].isTimestamp { times += 1 }
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
    func largestProseRegion(_ lines: [Line], _ classes: [LineClass]) -> Int {
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
}
