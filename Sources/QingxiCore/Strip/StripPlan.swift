/// The decisions on one article's lines, reached in phases whose order keeps the stage idempotent:
///
/// 1. rules with position `any` (`keep` protects a dateline, `drop` removes, `cut` cuts a span);
/// 2. the footer profile (lines that recur across the source's articles);
/// 3. the page classifier, over what is left, with the removed lines as chrome evidence;
/// 4. `block` rules: a disclaimer heading with little kept text after it removes all that follows;
/// 5. rules with position `head`/`tail`/`edge`, relative to the first and last substantial kept paragraphs.
///
/// Positions and the block limit are measured on kept lines only, so running the stage on its own output
/// finds the same anchors and removes nothing more. A line a `cut` rule cuts is described again as its rest
/// (`ArticleLines.cut`) and decided again at once, as a second run would decide the rest as a line of its own:
/// a rule that removes the rest removes the line, another cut cuts it too; later phases see the rest.
struct StripPlan {
    /// The article's lines; deciding sets `article.lines[i].verdict`.
    var article: ArticleLines
    let rules: StripRuleSet
    let profileLines: Set<String>
    let classifier: ParagraphClassifier
    let context: StripContext

    private var lines: [StripLine] {
        get { article.lines }
        _modify { yield &article.lines }
    }

    /// Hands the article back (leaving an empty one), so that its buffers can be reused without a copy.
    mutating func takeArticle() -> ArticleLines {
        let taken = article
        article = ArticleLines()
        return taken
    }

    mutating func decide() {
        applyRules { action, position in position == .any && action != .block }
        applyProfile()
        applyClassifier()
        applyThreads()
        let (blockFirst, blockLast) = substantialBounds()
        applyBlock(first: blockFirst, last: blockLast)
        let (first, last) = substantialBounds()
        let positions = lines.indices.map { position($0, first: first, last: last) }
        applyRules { action, position in position != .any && action != .block } where: { positions[$0] }
    }

    private mutating func applyRules(_ selects: (StripRule.Action, StripRule.Position) -> Bool,
                                     where admits: (Int) -> StripRule.Position? = { _ in nil }) {
        for i in lines.indices where !lines[i].isBlank && !lines[i].hits.isEmpty {
            let at = admits(i)
            var cutAgain = true
            while cutAgain, case .keep = lines[i].verdict {
                cutAgain = false
                for h in lines[i].hits {
                    let rule = article.hits[h].rule
                    let position = rules.rules[rule].position
                    guard selects(rules.rules[rule].action, position),
                          position == .any || Self.allows(position, at) else { continue }
                    guard let decision = decision(of: h, on: i) else { continue }
                    switch decision {
                    case .verdict(let verdict): lines[i].verdict = verdict
                    case .cut(let span):
                        article.cut(span, hit: h, of: i, context: context)
                        cutAgain = true  // the rest has its own hits: decide it again
                    }
                    break
                }
            }
        }
    }

    /// Whether a rule's position admits a line at `at` (`.head`, `.tail`, `.edge` = both, or nil = body).
    private static func allows(_ position: StripRule.Position, _ at: StripRule.Position?) -> Bool {
        switch (position, at) {
        case (.any, _), (_, .edge): return true
        case (.head, .head), (.tail, .tail), (.edge, .head), (.edge, .tail): return true
        default: return false
        }
    }

    /// Where line `index` stands relative to the substantial body lines `first...last`.
    private func position(_ index: Int, first: Int?, last: Int?) -> StripRule.Position? {
        guard let first, let last else { return .edge }
        if index < first { return .head }
        if index > last { return .tail }
        return nil
    }

    /// What a rule does to a line: sets its verdict, or cuts a span (scalar offsets of the line's current text).
    private enum Decision {
        case verdict(StripLine.Verdict)
        case cut(Range<Int>)
    }

    /// What the rule of `article.hits[h]` does to line `index`.
    private func decision(of h: Int, on index: Int) -> Decision? {
        let rule = article.hits[h].rule
        switch rules.rules[rule].action {
        case .keep: return .verdict(.protected(hit: h))
        case .drop, .block, .thread: return .verdict(.removed(.rule(rule), hit: h))
        case .cut: return cutDecision(h, rules.rules[rule].maxLength, index)
        }
    }

    /// A cut applies to a match at the start or end of the line; a line with no text left beside the match,
    /// or no longer than the rule's `max`, is dropped whole.
    private func cutDecision(_ h: Int, _ maxLength: Int?, _ index: Int) -> Decision? {
        let view = article.view(of: index)
        let hit = article.hits[h]
        var low = hit.match.range.lowerBound, high = hit.match.range.upperBound
        let isPrefix = view[..<low].allSatisfy(Self.isSpace)
        let isSuffix = view[high...].allSatisfy(Self.isSpace)
        guard isPrefix || isSuffix else { return nil }
        let rest = isPrefix ? view[high...] : view[..<low]
        let restHasText = LineFeatures(Array(rest)).units > 0
        if !restHasText || isPrefix && isSuffix || maxLength.map({ lines[index].features.length <= $0 }) ?? false {
            return .verdict(.removed(.rule(hit.rule), hit: h))
        }
        guard article.textLength(of: index) == view.count else { return nil }
        if isPrefix {
            low = 0
            while high < view.count, Self.isSpace(view[high]) { high += 1 }
        } else {
            high = view.count
            while low < high, [0x3002, 0xFF0C, 0xFF1B, 0x2C, 0x3B].contains(view[low]) { low += 1 }  // 。，； stay
            while low > 0, Self.isSpace(view[low - 1]) { low -= 1 }
        }
        return low < high ? .cut(low..<high) : nil
    }

    private static func isSpace(_ c: UInt32) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x3000 || c == 0xA0
    }

    private mutating func applyProfile() {
        guard !profileLines.isEmpty else { return }
        for i in lines.indices where !lines[i].isBlank {
            guard case .keep = lines[i].verdict, profileLines.contains(article.profileKey(of: i)) else { continue }
            lines[i].verdict = .removed(.profile, hit: nil)
        }
    }

    private mutating func applyClassifier() {
        var input: [ParagraphClassifier.Line] = []
        input.reserveCapacity(lines.count)
        for line in lines {
            var entry = ParagraphClassifier.Line(shape: line.shape, protected: line.isProtected)
            if let reason = line.removalReason {
                entry.removed = true
                entry.furniture = rules.isFurniture(reason)
            }
            entry.metaRule = isMetaLike(line)
            input.append(entry)
        }
        markHeadline(&input)
        // A second run sees only the lines this one keeps, and judges them afresh: the lines the rules removed are
        // gone, and a line repeated in the page is no longer a repeat once its copy outside the body is gone, so
        // the body can move. Ask the classifier about the kept lines until it removes nothing more, so that
        // stripping the output removes nothing (when nothing was removed, the kept lines are the input).
        var kept = input.indices.filter { !input[$0].removed }
        var chrome = classifier.chromeLines(input)
        var removed = [Bool](repeating: false, count: input.count)  // not a Set: no hashing per line
        while !chrome.isEmpty || kept.count < input.count {
            for index in chrome {
                lines[index].verdict = .removed(.pageChrome, hit: nil)
                removed[index] = true
            }
            kept.removeAll { removed[$0] }
            let again = classifier.chromeLines(kept.map { input[$0] }).map { kept[$0] }
            if again.isEmpty { break }
            chrome = again
        }
    }

    /// A line a metadata rule will remove or keep (a time, a byline, a source, a dateline), whatever its position.
    private func isMetaLike(_ line: StripLine) -> Bool {
        !line.hits.isEmpty && article.hits[line.hits].contains { rules.isMetadata($0.rule) }
    }

    /// Protects the headline and deck `HeadlineFinder` finds (as `.headline` verdicts and protected lines of the
    /// classifier's input).
    private mutating func markHeadline(_ input: inout [ParagraphClassifier.Line]) {
        let found = HeadlineFinder().find(input)
        guard let found else { return }
        for (index, subtitle) in [(found.title, false)] + (found.subtitle.map { [($0, true)] } ?? []) {
            guard case .keep = lines[index].verdict else { continue }
            lines[index].verdict = .headline(subtitle: subtitle)
            input[index].protected = true
        }
    }

    /// A `thread` rule's heading after the body has begun removes the lines after it up to the next run of
    /// `StripPolicy.bodyRunLines` prose lines (comments are prose lines between names, times and buttons; a
    /// body is prose lines in a row), or the end.
    private mutating func applyThreads() {
        guard lines.contains(where: { line in
            if case .removed(.rule(let rule), _) = line.verdict { return rules.isThread(rule) }
            return false
        }) else { return }
        var proseRun = 0, bodySeen = false
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if case .removed(.rule(let rule), _) = line.verdict, rules.isThread(rule), bodySeen {
                i = removeThread(after: i, rule: rule)
                proseRun = 0
                continue
            }
            if !line.isBlank {
                proseRun = !line.isRemoved && isProse(line) ? proseRun + 1 : 0
                if proseRun >= StripPolicy.bodyRunLines { bodySeen = true }
            }
            i += 1
        }
    }

    /// Removes the kept lines after `heading` up to the next body run; returns the index to go on from.
    private mutating func removeThread(after heading: Int, rule: Int) -> Int {
        var end = heading + 1, proseRun = 0
        var thread: [Int] = []
        while end < lines.count {
            let line = lines[end]
            if !line.isBlank {
                // A removed line (a name, a time, a button) between two comments breaks the run.
                proseRun = !line.isRemoved && isProse(line) ? proseRun + 1 : 0
                if proseRun >= StripPolicy.bodyRunLines { break }
                if !line.isRemoved { thread.append(end) }
            }
            end += 1
        }
        if end < lines.count { thread.removeLast(StripPolicy.bodyRunLines - 1) }  // the run's first lines stay
        for index in thread where !lines[index].isProtected {
            lines[index].verdict = .removed(.rule(rule), hit: nil)
        }
        return heading + 1
    }

    private func isProse(_ line: StripLine) -> Bool {
        LineClass.isProse(line.shape)
    }

    private func substantialBounds() -> (Int?, Int?) {
        (lines.firstIndex(where: \.isSubstantial), lines.lastIndex(where: \.isSubstantial))
    }

    /// The first kept line matching a `block` rule, with at most `tailBlockLimit` kept Han characters after
    /// it, is removed with every kept line after it (blank lines stay).
    private mutating func applyBlock(first: Int?, last: Int?) {
        var keptHanAfter = 0
        var start: (index: Int, rule: Int)?
        for i in lines.indices.reversed() where !lines[i].isBlank && !lines[i].isRemoved {
            if keptHanAfter <= StripPolicy.tailBlockLimit, !lines[i].isProtected,
               let h = lines[i].hits.first(where: { isBlockRule(article.hits[$0], at: position(i, first: first, last: last)) }) {
                let rule = article.hits[h].rule
                start = (i, rule)
                lines[i].verdict = .removed(.rule(rule), hit: h)
                keptHanAfter = 0  // what follows goes with the block: only text before it counts for an earlier one
                continue
            }
            keptHanAfter += lines[i].features.han
        }
        guard let start else { return }
        for i in (start.index + 1)..<lines.count where !lines[i].isBlank && !lines[i].isRemoved {
            lines[i].verdict = .removed(.rule(start.rule), hit: nil)
        }
    }

    private func isBlockRule(_ hit: RuleHit, at: StripRule.Position?) -> Bool {
        rules.rules[hit.rule].action == .block && Self.allows(rules.rules[hit.rule].position, at)
    }
}
