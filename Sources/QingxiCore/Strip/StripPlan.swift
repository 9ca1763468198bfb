/// The decisions on one article's lines, reached in phases whose order keeps the stage idempotent:
///
/// 1. rules with position `any` (`keep` protects a dateline, `drop` removes, `cut` cuts a span);
/// 2. the footer profile (lines that recur across the source's articles);
/// 3. the page classifier, over what is left, with the removed lines as chrome evidence;
/// 4. `block` rules: a disclaimer heading with little kept text after it removes all that follows;
/// 5. rules with position `head`/`tail`/`edge`, relative to the first and last substantial kept paragraphs.
///
/// Positions and the block limit are measured on kept lines only, so running the stage on its own output
/// finds the same anchors and removes nothing more.
struct StripPlan {
    var lines: [StripLine]
    let rules: StripRuleSet
    let profileLines: Set<String>
    let classifier: ParagraphClassifier

    /// Hands the lines back (leaving none), so that their buffer can be reused without a copy.
    mutating func takeLines() -> [StripLine] {
        let taken = lines
        lines = []
        return taken
    }

    mutating func decide() {
        applyRules { rule in rule.position == .any && rule.action != .block }
        applyProfile()
        applyClassifier()
        let (blockFirst, blockLast) = substantialBounds()
        applyBlock(first: blockFirst, last: blockLast)
        let (first, last) = substantialBounds()
        let positions = lines.indices.map { position($0, first: first, last: last) }
        applyRules { rule in rule.position != .any && rule.action != .block } where: { positions[$0] }
    }

    private mutating func applyRules(_ selects: (StripRule) -> Bool,
                                     where admits: (Int) -> StripRule.Position? = { _ in nil }) {
        for i in lines.indices where !lines[i].isBlank {
            guard case .keep = lines[i].verdict else { continue }
            let at = admits(i)
            for hit in lines[i].hits {
                let rule = rules.rules[hit.rule]
                guard selects(rule), rule.position == .any || Self.allows(rule.position, at) else { continue }
                if let verdict = verdict(of: hit, on: lines[i]) {
                    lines[i].verdict = verdict
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

    private func verdict(of hit: RuleHit, on line: StripLine) -> StripLine.Verdict? {
        let rule = rules.rules[hit.rule]
        switch rule.action {
        case .keep: return .protected(hit)
        case .drop, .block: return .removed(category: rule.category, hit: hit)
        case .cut: return cutVerdict(hit, rule, line)
        }
    }

    /// A cut applies to a match at the start or end of the line; a line with no text left beside the match,
    /// or no longer than the rule's `max`, is dropped whole.
    private func cutVerdict(_ hit: RuleHit, _ rule: StripRule, _ line: StripLine) -> StripLine.Verdict? {
        let view = line.view
        var low = hit.match.range.lowerBound, high = hit.match.range.upperBound
        let isPrefix = view[..<low].allSatisfy(Self.isSpace)
        let isSuffix = view[high...].allSatisfy(Self.isSpace)
        guard isPrefix || isSuffix else { return nil }
        let rest = isPrefix ? view[high...] : view[..<low]
        let restHasText = LineFeatures(Array(rest)).units > 0
        if !restHasText || isPrefix && isSuffix || rule.maxLength.map({ line.features.length <= $0 }) ?? false {
            return .removed(category: rule.category, hit: hit)
        }
        guard line.paragraph.text.unicodeScalars.count == view.count else { return nil }
        if isPrefix {
            low = 0
            while high < view.count, Self.isSpace(view[high]) { high += 1 }
        } else {
            high = view.count
            while low < high, [0x3002, 0xFF0C, 0xFF1B, 0x2C, 0x3B].contains(view[low]) { low += 1 }  // 。，； stay
            while low > 0, Self.isSpace(view[low - 1]) { low -= 1 }
        }
        return .cut(span: low..<high, category: rule.category + " (partial)", hit: hit)
    }

    private static func isSpace(_ c: UInt32) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x3000 || c == 0xA0
    }

    private mutating func applyProfile() {
        guard !profileLines.isEmpty else { return }
        for i in lines.indices where !lines[i].isBlank {
            guard case .keep = lines[i].verdict, profileLines.contains(lines[i].profileKey) else { continue }
            lines[i].verdict = .removed(category: "profile", hit: nil)
        }
    }

    private mutating func applyClassifier() {
        let input = lines.map { line in
            ParagraphClassifier.Line(features: line.features, isBlank: line.isBlank, removed: line.isRemoved,
                                     protected: line.isProtected, timestamp: line.isTimestamp,
                                     key: line.repeatKey,
                                     closesBody: line.removalCategory.map(StripPolicy.closingCategories.contains) ?? false,
                                     furniture: line.removalCategory.map(StripPolicy.furnitureCategories.contains) ?? false)
        }
        for index in classifier.chromeLines(input) {
            lines[index].verdict = .removed(category: "page-chrome", hit: nil)
        }
    }

    private func substantialBounds() -> (Int?, Int?) {
        (lines.firstIndex(where: \.isSubstantial), lines.lastIndex(where: \.isSubstantial))
    }

    /// The first kept line matching a `block` rule, with at most `tailBlockLimit` kept Han characters after
    /// it, is removed with every kept line after it (blank lines stay).
    private mutating func applyBlock(first: Int?, last: Int?) {
        var keptHanAfter = 0
        var start: (index: Int, category: String)?
        for i in lines.indices.reversed() where !lines[i].isBlank && !lines[i].isRemoved {
            if keptHanAfter <= StripPolicy.tailBlockLimit, !lines[i].isProtected,
               let hit = lines[i].hits.first(where: { isBlockRule($0, at: position(i, first: first, last: last)) }) {
                start = (i, rules.rules[hit.rule].category)
                lines[i].verdict = .removed(category: rules.rules[hit.rule].category, hit: hit)
                keptHanAfter = 0  // what follows goes with the block: only text before it counts for an earlier one
                continue
            }
            keptHanAfter += lines[i].features.han
        }
        guard let start else { return }
        for i in (start.index + 1)..<lines.count where !lines[i].isBlank && !lines[i].isRemoved {
            lines[i].verdict = .removed(category: start.category, hit: nil)
        }
    }

    private func isBlockRule(_ hit: RuleHit, at: StripRule.Position?) -> Bool {
        let rule = rules.rules[hit.rule]
        return rule.action == .block && Self.allows(rule.position, at)
    }
}
