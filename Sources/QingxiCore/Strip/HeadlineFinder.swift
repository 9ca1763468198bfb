/// Finds an article's headline (and deck) in a page dump or an article: the line just above the first group of
/// metadata lines (a time, a byline, a source or a dateline) after which the body begins.
///
/// News pages put the headline, sometimes a deck, then when and by whom, then the body; in a page dump the
/// headline sits between a breadcrumb and share buttons, where its neighbours alone would make it look like
/// chrome. The finder needs that shape: a line of at least `minimumUnits` units that is not chrome by its own
/// features, directly above the metadata group (blank lines and lines already removed as metadata between),
/// and prose within `bodyReach` lines after the group. When two such lines stand above the group, the upper
/// is the headline and the lower its deck. A line the page repeats (a headline also printed in a teaser list)
/// qualifies as well: the repeat is what the classifier would otherwise hold against it.
struct HeadlineFinder {
    /// A line as the finder sees it (`metaLike`: a time, a byline, a source or a dateline, the lines that
    /// stand between a headline and the body).
    typealias Line = ParagraphClassifier.Line

    var minimumUnits = 5
    var maximumUnits = 60
    var bodyReach = 6

    /// The headline's index and, when there is one, the deck's. Of several metadata groups before the body
    /// (a document's metadata table, then its number under the title), the last one decides; but a line
    /// between the last group and the body that the page prints again (its title at the top of the page) is
    /// the headline before any other.
    func find(_ lines: [Line]) -> (title: Int, subtitle: Int?)? {
        let firstProse = lines.firstIndex { !$0.removed && !$0.isBlank && LineClass.isProse($0) }
        var found: (title: Int, subtitle: Int?)?
        var lastGroupEnd = -1
        var i = 0
        while i < lines.count, i <= (firstProse ?? lines.count) {  // a dateline is prose and an anchor
            guard lines[i].metaLike || lines[i].protected else { i += 1; continue }
            var end = i
            while end + 1 < lines.count, skippable(lines[end + 1]) { end += 1 }
            if bodyFollows(end, lines) {
                lastGroupEnd = end
                if let title = candidate(above: i, lines) {
                    if let upper = candidate(above: title, lines), upper != title {
                        found = (upper, title)
                    } else {
                        found = (title, nil)
                    }
                }
            }
            i = end + 1
        }
        if let repeated = repeatedBeforeBody(from: lastGroupEnd + 1, to: firstProse, lines) { return (repeated, nil) }
        return found
    }

    /// A headline-shaped line from `start` up to the body's first prose that the page prints again elsewhere
    /// (the `标题_栏目_网站名` title line, a document title at the top of its page): a headline repeated is
    /// still the headline.
    private func repeatedBeforeBody(from start: Int, to firstProse: Int?, _ lines: [Line]) -> Int? {
        guard let firstProse, start < firstProse else { return nil }
        for i in stride(from: firstProse - 1, through: max(start, 0), by: -1) {
            let key = lines[i].repeatKey
            guard key != 0, !lines[i].removed, isHeadlineShaped(lines[i]) else { continue }
            if lines.indices.contains(where: { $0 != i && lines[$0].repeatKey == key }) { return i }
        }
        return nil
    }

    private func skippable(_ line: Line) -> Bool {
        line.metaLike || line.isBlank || (line.removed && !line.furniture)
    }

    /// The first line above `index`, past blank and metadata lines, when it has a headline's shape.
    private func candidate(above index: Int, _ lines: [Line]) -> Int? {
        var i = index - 1
        while i >= 0, skippable(lines[i]) { i -= 1 }
        guard i >= 0 else { return nil }
        let line = lines[i]
        guard !line.removed, !line.protected, isHeadlineShaped(line) else { return nil }
        return i
    }

    /// Long enough, not too long, mostly Han, not a sentence, and not chrome by its own features.
    private func isHeadlineShaped(_ line: Line) -> Bool {
        let f = line.features
        return f.units >= minimumUnits && f.units <= maximumUnits && f.han * 2 >= f.units && !line.endsSentence
            && !LineClass.isChrome(f, tokens: line.tokens)
    }

    /// Prose begins within `bodyReach` kept lines after `end` (share buttons a rule removed do not count).
    private func bodyFollows(_ end: Int, _ lines: [Line]) -> Bool {
        var i = end + 1, kept = 0
        while i < lines.count, kept <= bodyReach {
            let line = lines[i]
            if line.protected || (!line.removed && !line.isBlank && LineClass.isProse(line)) { return true }
            if !line.removed && !line.isBlank { kept += 1 }
            i += 1
        }
        return false
    }
}
