/// Runs a rule set on one line: the literal prefilter picks the candidate rules, then their patterns run.
///
/// Immutable after `init` and shared by reference, so that the per-line calls copy nothing: the compiled
/// patterns by rule index, each rule's length limit, and one prefilter table per line-length tier.
final class RuleMatcher: Sendable {
    /// The rules' compiled patterns by index.
    private let patterns: [CompiledPattern]
    /// Per rule, the longest line (non-space characters) it applies to (`Int.max` for none; see
    /// `StripRule.admits(length:)`).
    private let admitLimits: [Int]
    /// Prefilter tables by line length: `tiers[k]` holds the rules that admit lines of at least
    /// `tierLengths[k]` characters (`tierLengths[0]` is 0: every rule).
    private let tierLengths: [Int]
    private let tiers: [RuleTriggers]

    init(_ rules: [StripRule]) {
        patterns = rules.map(\.pattern.compiled)
        let limits = rules.map { $0.action == .cut ? Int.max : $0.maxLength ?? Int.max }
        admitLimits = limits
        tierLengths = [0] + Set(limits.filter { $0 < Int.max }.map { $0 + 1 }).sorted()
        tiers = tierLengths.map { least in RuleTriggers(rules, including: { limits[$0] >= least }) }
    }

    /// The rules whose prefilter literals occur in `text` and whose `max` admits a line of `length` non-space
    /// characters, in rule order, into `scratch.candidates` (empty for most lines).
    func candidates(in text: UnsafeBufferPointer<UInt32>, length: Int, scratch: StripScratch) {
        var result = scratch.candidates, seen = scratch.seen, found = scratch.found
        scratch.candidates = []; scratch.seen = []; scratch.found = []
        var tier = tierLengths.count - 1
        while tierLengths[tier] > length { tier -= 1 }
        tiers[tier].rules(in: text, into: &result, seen: &seen, found: &found)
        if !result.isEmpty { result.removeAll { admitLimits[$0] < length } }
        scratch.candidates = result; scratch.seen = seen; scratch.found = found
    }

    /// Every rule among `scratch.candidates` that matches the line, in rule order. `text` is the matching view
    /// as lowered scalars.
    func hits(in text: UnsafeBufferPointer<UInt32>, scratch: StripScratch) -> [RuleHit] {
        var hits: [RuleHit] = []
        for index in scratch.candidates {
            if let match = patterns[index].firstMatch(in: text, scratch: scratch.pattern) {
                hits.append(RuleHit(rule: index, match: match))
            }
        }
        return hits
    }
}

/// A rule that matched a line, and where.
struct RuleHit {
    var rule: Int
    var match: PatternMatch
}

/// Reusable working memory of one stripper (not thread-safe).
final class StripScratch {
    let pattern = PatternScratch()
    var candidates: [Int] = []
    var found: [Int] = []
    var seen: [UInt8] = []
}
