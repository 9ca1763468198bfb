/// The rule set's prefilter: every literal of every rule's required sets (see `RequiredLiterals`), laid out in
/// flat tables of trivial values, so that scanning a line costs one bit test per scalar and, where the bit is
/// set, a few comparisons — no dictionary, no reference counting.
///
/// A rule is a candidate for a line when, for each of its required sets, some literal of the set occurs in the
/// line; rules without a required set are candidates for every line. A table may hold only some of the rules
/// (`StripRuleSet` keeps one per line-length tier, so that a long line is scanned only for the literals of
/// the few rules whose `max` admits it).
final class RuleTriggers: Sendable {
    /// One literal: its scalars in `scalars`, and the (rule, set bit) pairs it satisfies in `targets`.
    struct Literal {
        var start: Int32
        var count: Int32
        var targetsStart: Int32
        var targetsEnd: Int32
    }

    struct Target {
        var rule: Int32
        var bit: UInt8
    }

    private let tables: FlatTables
    /// Per rule (all rules, by index), the mask with one bit per required set: all found = candidate.
    private let fullMasks: [UInt8]
    /// Rules of this table without a required literal.
    private let alwaysTried: [Int]

    /// The table for the rules that `includes` selects (by index).
    init(_ rules: [StripRule], including includes: (Int) -> Bool = { _ in true }) {
        var byLiteral: [[UInt32]: [Target]] = [:]
        var order: [[UInt32]] = []
        var masks: [UInt8] = []
        var always: [Int] = []
        for (index, rule) in rules.enumerated() {
            let sets = rule.pattern.requiredSets
            masks.append(UInt8((1 << sets.count) - 1))
            guard includes(index) else { continue }
            if sets.isEmpty { always.append(index) }
            for (k, set) in sets.enumerated() {
                var unique = Set<[UInt32]>()
                for literal in set where unique.insert(literal).inserted {
                    if byLiteral[literal] == nil { order.append(literal) }
                    byLiteral[literal, default: []].append(Target(rule: Int32(index), bit: UInt8(1 << k)))
                }
            }
        }
        order.sort { a, b in
            let ka = a[0] & 0xFFFF, kb = b[0] & 0xFFFF
            return ka != kb ? ka < kb : a.lexicographicallyPrecedes(b)
        }
        tables = FlatTables(order.map { ($0, byLiteral[$0]!) })
        fullMasks = masks
        alwaysTried = always
    }

    /// The rules whose required sets all occur in `text`, in rule order, into `result` (cleared first).
    /// `seen` (one byte per rule, all zero) and `found` are working memory, left as they were given.
    func rules(in text: UnsafeBufferPointer<UInt32>, into result: inout [Int], seen: inout [UInt8],
               found: inout [Int]) {
        result.removeAll(keepingCapacity: true)
        result += alwaysTried
        found.removeAll(keepingCapacity: true)
        if seen.count != fullMasks.count { seen = [UInt8](repeating: 0, count: fullMasks.count) }
        seen.withUnsafeMutableBufferPointer { seen in
            tables.scan(text, seen: seen, found: &found)
            for rule in found {
                if seen[rule] == fullMasks[rule] { result.append(rule) }
                seen[rule] = 0
            }
        }
        if result.count > 1 { result.sort() }
    }
}

/// The tables of a `RuleTriggers`, in memory this object owns: immutable after `init`, so sharing it between
/// threads is safe (hence `@unchecked Sendable`), and reading it needs neither retains nor exclusivity checks.
private final class FlatTables: @unchecked Sendable {
    /// Bit per key (first scalar & 0xFFFF): "might start a literal".
    let bits: UnsafeMutableBufferPointer<UInt64>
    /// Per word of `bits`, the number of keys set in the words before it: a key's rank (its bucket) is that
    /// plus the bits set below it in its own word.
    let ranks: UnsafeMutableBufferPointer<Int32>
    /// Literals sorted by key; those of bucket b are `literals[buckets[b]..<buckets[b + 1]]`.
    let buckets: UnsafeMutableBufferPointer<Int32>
    let literals: UnsafeMutableBufferPointer<RuleTriggers.Literal>
    let scalars: UnsafeMutableBufferPointer<UInt32>
    let targets: UnsafeMutableBufferPointer<RuleTriggers.Target>

    /// `entries` sorted by key (first scalar & 0xFFFF).
    init(_ entries: [(literal: [UInt32], targets: [RuleTriggers.Target])]) {
        var bits = [UInt64](repeating: 0, count: 1024)
        var buckets: [Int32] = []
        var literals: [RuleTriggers.Literal] = []
        var scalars: [UInt32] = []
        var targets: [RuleTriggers.Target] = []
        var lastKey = -1
        for (literal, satisfied) in entries {
            let key = Int(literal[0] & 0xFFFF)
            if key != lastKey { buckets.append(Int32(literals.count)) }
            lastKey = key
            bits[key >> 6] |= 1 << UInt64(key & 63)
            let start = Int32(targets.count)
            targets += satisfied
            literals.append(.init(start: Int32(scalars.count), count: Int32(literal.count),
                                  targetsStart: start, targetsEnd: Int32(targets.count)))
            scalars += literal
        }
        buckets.append(Int32(literals.count))
        var ranks: [Int32] = []
        var total: Int32 = 0
        for word in bits {
            ranks.append(total)
            total += Int32(word.nonzeroBitCount)
        }
        self.bits = Self.copy(bits)
        self.ranks = Self.copy(ranks)
        self.buckets = Self.copy(buckets)
        self.literals = Self.copy(literals)
        self.scalars = Self.copy(scalars)
        self.targets = Self.copy(targets)
    }

    deinit {
        bits.deallocate()
        ranks.deallocate()
        buckets.deallocate()
        literals.deallocate()
        scalars.deallocate()
        targets.deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return buffer
    }

    /// Ors each literal occurrence's set bits into `seen[rule]`, appending rules to `found` on first sight.
    func scan(_ text: UnsafeBufferPointer<UInt32>, seen: UnsafeMutableBufferPointer<UInt8>, found: inout [Int]) {
        for start in 0..<text.count {
            let key = Int(text[start] & 0xFFFF)
            let word = bits[key &>> 6], mask: UInt64 = 1 &<< UInt64(key & 63)
            guard word & mask != 0 else { continue }
            let bucket = Int(ranks[key &>> 6]) &+ (word & (mask &- 1)).nonzeroBitCount
            for k in Int(buckets[bucket])..<Int(buckets[bucket &+ 1]) {
                let literal = literals[k]
                guard occurs(literal, in: text, at: start) else { continue }
                for t in Int(literal.targetsStart)..<Int(literal.targetsEnd) {
                    let rule = Int(targets[t].rule)
                    if seen[rule] == 0 { found.append(rule) }
                    seen[rule] |= targets[t].bit
                }
            }
        }
    }

    @inline(__always) private func occurs(_ literal: RuleTriggers.Literal, in text: UnsafeBufferPointer<UInt32>,
                                          at start: Int) -> Bool {
        let count = Int(literal.count), base = Int(literal.start)
        guard start &+ count <= text.count else { return false }
        for k in 0..<count where text[start &+ k] != scalars[base &+ k] { return false }
        return true
    }
}
