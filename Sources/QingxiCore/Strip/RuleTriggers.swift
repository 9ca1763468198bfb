/// The rule set's prefilter: every literal of every rule's required sets (see `RequiredLiterals`), laid out in
/// flat tables of trivial values in memory the table owns, so that scanning a line costs a bit test per
/// scalar and, where the bit is set, a few comparisons — no dictionary, no reference counting.
///
/// A rule is a candidate for a line when, for each of its required sets, some literal of the set occurs in the
/// line; rules without a required set are candidates for every line. A table may hold only some of the rules
/// (`RuleMatcher` keeps one per line-length tier, so that a long line is scanned only for the literals of
/// the few rules whose `max` admits it).
///
/// Lookup: a bit per key (first scalar & 0xFFFF) says "a literal may start here"; the key's rank among the
/// set bits is its bucket. A bucket lists its one-scalar literals first (they need only the full scalar
/// compared), then the longer ones, which are compared only when a second bit table, keyed by a hash of the
/// first two scalars, lets the pair through. Immutable after `init` (hence `@unchecked Sendable`).
final class RuleTriggers: @unchecked Sendable {
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

    /// A literal of some rule's required set and the (rule, set bit) pairs it satisfies, in rule order.
    typealias Entry = (literal: [UInt32], targets: [Target])

    private let bits: UnsafeMutableBufferPointer<UInt64>
    /// Per word of `bits`, the number of keys set in the words before it.
    private let ranks: UnsafeMutableBufferPointer<Int32>
    /// Bucket b: its one-scalar literals are `literals[buckets[3b] ..< buckets[3b + 1]]`, the longer ones
    /// `literals[buckets[3b + 1] ..< buckets[3b + 2]]`.
    private let buckets: UnsafeMutableBufferPointer<Int32>
    /// Bit per `pairKey` of the first two scalars of a literal longer than one scalar.
    private let pairBits: UnsafeMutableBufferPointer<UInt64>
    /// Bit per key of a one-scalar literal.
    private let singleBits: UnsafeMutableBufferPointer<UInt64>
    private let literals: UnsafeMutableBufferPointer<Literal>
    private let scalars: UnsafeMutableBufferPointer<UInt32>
    private let targets: UnsafeMutableBufferPointer<Target>
    /// Per rule (all rules, by index), the mask with one bit per required set: all found = candidate.
    private let fullMasks: UnsafeMutableBufferPointer<UInt8>
    /// Rules of this table without a required literal, in rule order.
    private let alwaysTried: [Int32]

    /// Every literal of the rules' required sets, sorted by key, one-scalar literals first in each key.
    static func entries(of rules: [StripRule]) -> [Entry] {
        var byLiteral: [[UInt32]: [Target]] = [:]
        for (index, rule) in rules.enumerated() {
            for (k, set) in rule.pattern.requiredSets.enumerated() {
                for literal in Set(set) {
                    byLiteral[literal, default: []].append(Target(rule: Int32(index), bit: UInt8(1 << k)))
                }
            }
        }
        return byLiteral.sorted { a, b in
            let ka = a.key[0] & 0xFFFF, kb = b.key[0] & 0xFFFF
            if ka != kb { return ka < kb }
            if (a.key.count == 1) != (b.key.count == 1) { return a.key.count == 1 }
            return a.key.lexicographicallyPrecedes(b.key)
        }.map { ($0.key, $0.value) }
    }

    /// The table for the rules that `includes` selects (by index), from `entries(of: rules)`.
    init(_ rules: [StripRule], entries: [Entry], including includes: (Int) -> Bool) {
        var bits = [UInt64](repeating: 0, count: 1024), pairBits = bits, singleBits = bits
        var buckets: [Int32] = []
        var literals: [Literal] = []
        var scalars: [UInt32] = []
        var targets: [Target] = []
        var lastKey = -1
        for (literal, all) in entries {
            let satisfied = all.filter { includes(Int($0.rule)) }
            guard !satisfied.isEmpty else { continue }
            let key = Int(literal[0] & 0xFFFF)
            if key != lastKey { buckets += [Int32(literals.count), Int32(literals.count), Int32(literals.count)] }
            lastKey = key
            Self.set(&bits, key)
            if literal.count > 1 {
                Self.set(&pairBits, Self.pairKey(literal[0], literal[1]))
            } else {
                Self.set(&singleBits, key)
            }
            let start = Int32(targets.count)
            targets += satisfied
            literals.append(Literal(start: Int32(scalars.count), count: Int32(literal.count),
                                    targetsStart: start, targetsEnd: Int32(targets.count)))
            scalars += literal
            if literal.count == 1 { buckets[buckets.count - 2] = Int32(literals.count) }
            buckets[buckets.count - 1] = Int32(literals.count)
        }
        var ranks: [Int32] = []
        var total: Int32 = 0
        for word in bits {
            ranks.append(total)
            total += Int32(word.nonzeroBitCount)
        }
        self.bits = .owning(bits)
        self.ranks = .owning(ranks)
        self.buckets = .owning(buckets)
        self.pairBits = .owning(pairBits)
        self.singleBits = .owning(singleBits)
        self.literals = .owning(literals)
        self.scalars = .owning(scalars)
        self.targets = .owning(targets)
        fullMasks = .owning(rules.map { UInt8((1 << $0.pattern.requiredSets.count) - 1) })
        alwaysTried = rules.indices.filter { includes($0) && rules[$0].pattern.requiredSets.isEmpty }.map(Int32.init)
    }

    deinit {
        for pointer in [UnsafeMutableRawPointer(bits.baseAddress!), UnsafeMutableRawPointer(ranks.baseAddress!),
                        UnsafeMutableRawPointer(buckets.baseAddress!), UnsafeMutableRawPointer(pairBits.baseAddress!), UnsafeMutableRawPointer(singleBits.baseAddress!),
                        UnsafeMutableRawPointer(literals.baseAddress!), UnsafeMutableRawPointer(scalars.baseAddress!),
                        UnsafeMutableRawPointer(targets.baseAddress!), UnsafeMutableRawPointer(fullMasks.baseAddress!)] {
            pointer.deallocate()
        }
    }

    private static func set(_ bits: inout [UInt64], _ key: Int) {
        bits[key >> 6] |= 1 << UInt64(key & 63)
    }

    @inline(__always) private static func pairKey(_ a: UInt32, _ b: UInt32) -> Int {
        Int(truncatingIfNeeded: (a &* 0x9E37_79B1 ^ b) & 0xFFFF)
    }

    @inline(__always) private static func test(_ bits: UnsafeMutableBufferPointer<UInt64>, _ key: Int) -> Bool {
        bits[key &>> 6] & (1 &<< UInt64(key & 63)) != 0
    }

    /// The rules whose required sets all occur in `text`, in rule order, into `scratch.candidates`; returns
    /// how many. `scratch.seen` is all zero before and after.
    func rules(in text: UnsafeBufferPointer<UInt32>, scratch: StripScratch) -> Int {
        let seen = scratch.seen, found = scratch.found, result = scratch.candidates
        var foundCount = 0, count = 0
        for rule in alwaysTried {
            result[count] = rule
            count &+= 1
        }
        scan(text, seen: seen, found: found, positions: scratch.positions(for: text.count), count: &foundCount)
        for k in 0..<foundCount {
            let rule = Int(found[k])
            if seen[rule] == fullMasks[rule] {
                result[count] = Int32(rule)
                count &+= 1
            }
            seen[rule] = 0
        }
        for i in 1..<max(count, 1) {  // insertion sort: a handful of rules
            let rule = result[i]
            var j = i
            while j > 0 && result[j &- 1] > rule {
                result[j] = result[j &- 1]
                j &-= 1
            }
            result[j] = rule
        }
        return count
    }

    /// Ors each literal occurrence's set bits into `seen[rule]`, appending rules to `found` on first sight.
    /// Two passes: a tight one over every scalar keeps the positions whose one-scalar or pair bit is set
    /// (most hits of a literal's first scalar start no literal), testing those bits only where the key bit
    /// says some literal starts with the scalar; then the few kept are looked up and compared.
    private func scan(_ text: UnsafeBufferPointer<UInt32>, seen: UnsafeMutableBufferPointer<UInt8>,
                      found: UnsafeMutableBufferPointer<Int32>, positions: UnsafeMutableBufferPointer<Int32>,
                      count: inout Int) {
        let n = text.count
        guard n > 0 else { return }
        var kept = 0
        let bits = self.bits, singleBits = self.singleBits, pairBits = self.pairBits  // in registers
        for p in 0..<(n &- 1) {
            let c = text[p]
            let key = Int(c & 0xFFFF)
            guard Self.test(bits, key) else { continue }  // most scalars start no literal
            let hit = Self.test(singleBits, key) || Self.test(pairBits, Self.pairKey(c, text[p &+ 1]))
            positions[kept] = Int32(truncatingIfNeeded: p)
            kept &+= hit ? 1 : 0
        }
        if Self.test(singleBits, Int(text[n &- 1] & 0xFFFF)) {
            positions[kept] = Int32(truncatingIfNeeded: n &- 1)
            kept &+= 1
        }
        for k in 0..<kept {
            let p = Int(positions[k])
            let c = text[p]
            let key = Int(c & 0xFFFF)
            let word = bits[key &>> 6], mask: UInt64 = 1 &<< UInt64(key & 63)
            guard word & mask != 0 else { continue }
            let bucket = 3 &* (Int(ranks[key &>> 6]) &+ (word & (mask &- 1)).nonzeroBitCount)
            let singles = Int(buckets[bucket]), longer = Int(buckets[bucket &+ 1]), end = Int(buckets[bucket &+ 2])
            for k in singles..<longer where scalars[Int(literals[k].start)] == c {
                mark(literals[k], seen, found, &count)
            }
            guard longer < end, p &+ 1 < n, Self.test(pairBits, Self.pairKey(c, text[p &+ 1])) else { continue }
            for k in longer..<end where occurs(literals[k], in: text, at: p) {
                mark(literals[k], seen, found, &count)
            }
        }
    }

    @inline(__always) private func mark(_ literal: Literal, _ seen: UnsafeMutableBufferPointer<UInt8>,
                                        _ found: UnsafeMutableBufferPointer<Int32>, _ count: inout Int) {
        for t in Int(literal.targetsStart)..<Int(literal.targetsEnd) {
            let rule = Int(targets[t].rule)
            if seen[rule] == 0 {
                found[count] = Int32(rule)
                count &+= 1
            }
            seen[rule] |= targets[t].bit
        }
    }

    @inline(__always) private func occurs(_ literal: Literal, in text: UnsafeBufferPointer<UInt32>, at start: Int)
        -> Bool {
        let count = Int(literal.count), base = Int(literal.start)
        guard start &+ count <= text.count else { return false }
        for k in 0..<count where text[start &+ k] != scalars[base &+ k] { return false }
        return true
    }
}

extension UnsafeMutableBufferPointer {
    /// A buffer holding a copy of `array` of trivial values (one element more when the array is empty, so that
    /// it always has an address); the caller deallocates it.
    static func owning(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: Swift.max(array.count, 1))
        _ = buffer.initialize(from: array)
        return buffer
    }
}
