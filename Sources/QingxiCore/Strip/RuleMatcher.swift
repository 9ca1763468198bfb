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
    /// The tier of a line of each length up to the last tier's length (longer lines: the last tier).
    private let tierOfLength: [Int]
    private let tiers: [RuleTriggers]
    /// The same tables, unretained (`tiers` keeps them alive): asking one about a line then retains nothing.
    private let tierRefs: [Unmanaged<RuleTriggers>]

    init(_ rules: [StripRule]) {
        patterns = rules.map(\.pattern.compiled)
        let limits = rules.map { $0.action == .cut ? Int.max : $0.maxLength ?? Int.max }
        admitLimits = limits
        tierLengths = [0] + Set(limits.filter { $0 < Int.max }.map { $0 + 1 }).sorted()
        let entries = RuleTriggers.entries(of: rules)
        tiers = tierLengths.map { least in RuleTriggers(rules, entries: entries, including: { limits[$0] >= least }) }
        tierRefs = tiers.map { Unmanaged.passUnretained($0) }
        let lengths = tierLengths
        tierOfLength = (0...lengths.last!).map { length in lengths.lastIndex { $0 <= length }! }
    }

    /// How many rules there are (the size of a `StripScratch`).
    var ruleCount: Int { admitLimits.count }

    /// The rules whose prefilter literals occur in `text` and whose `max` admits a line of `length` non-space
    /// characters, in rule order, into `scratch.candidates`; returns how many (none for most lines).
    func candidates(in text: UnsafeBufferPointer<UInt32>, length: Int, scratch: StripScratch) -> Int {
        let tier = length < tierOfLength.count ? tierOfLength[length] : tierLengths.count - 1
        let found = tierRefs[tier]._withUnsafeGuaranteedRef { $0.rules(in: text, scratch: scratch) }
        let result = scratch.candidates
        var count = 0
        for k in 0..<found where admitLimits[Int(result[k])] >= length {
            result[count] = result[k]
            count += 1
        }
        return count
    }

    /// Every rule among the first `count` of `scratch.candidates` that matches the line, in rule order,
    /// appended to `hits`. `text` is the matching view as lowered scalars.
    func hits(in text: UnsafeBufferPointer<UInt32>, candidates count: Int, into hits: inout [RuleHit],
              scratch: StripScratch) {
        var state = scratch.pattern.take()  // moved out once per line (see `CompiledPattern.firstMatch`)
        for k in 0..<count {
            let index = Int(scratch.candidates[k])
            if let match = patterns[index].firstMatch(in: text, state: &state) {
                hits.append(RuleHit(rule: index, match: match))
            }
        }
        scratch.pattern.state = state
    }
}

/// A rule that matched a line, and where.
struct RuleHit {
    var rule: Int
    var match: PatternMatch
}

/// Reusable working memory of one stripper (not thread-safe), in owned memory so that the per-line loops
/// reach it without exclusivity checks.
final class StripScratch {
    let pattern = PatternScratch()
    /// One byte per rule: the required sets found so far on the line (all zero between lines).
    let seen: UnsafeMutableBufferPointer<UInt8>
    /// The rules with a bit in `seen` (each at most once).
    let found: UnsafeMutableBufferPointer<Int32>
    /// The candidate rules of the line (each at most once).
    let candidates: UnsafeMutableBufferPointer<Int32>
    /// Positions in a line (`RuleTriggers`' first pass), grown to the longest line seen.
    private var positionBuffer = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 256)

    /// A positions buffer for a line of `length` scalars.
    func positions(for length: Int) -> UnsafeMutableBufferPointer<Int32> {
        if positionBuffer.count < length {
            let capacity = max(length, 2 * positionBuffer.count)
            positionBuffer.deallocate()
            positionBuffer = .allocate(capacity: capacity)
        }
        return positionBuffer
    }

    init(rules: Int) {
        seen = .allocate(capacity: max(rules, 1))
        seen.initialize(repeating: 0)
        found = .allocate(capacity: max(rules, 1))
        candidates = .allocate(capacity: max(rules, 1))
    }

    deinit {
        positionBuffer.deallocate()
        seen.deallocate()
        found.deallocate()
        candidates.deallocate()
    }
}
