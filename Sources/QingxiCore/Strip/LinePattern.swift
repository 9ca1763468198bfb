/// A compiled pattern (dialect: see `PatternNode`) matched against one line's scalars.
///
/// Matching is a backtracking machine with a visited set over (instruction, position) — the "bit-state"
/// technique — so that a match costs at most instructions × (line length + 1) steps whatever the pattern:
/// no catastrophic backtracking on long lines. Semantics are those of a backtracking regex (leftmost match,
/// greedy or lazy repeats in priority order). Text is given as scalar values with ASCII letters lowered.
public struct LinePattern: Sendable {
    enum Instruction: Sendable {
        case scalar(UInt32)
        case any
        case set(ScalarSet)
        case split(Int, Int)
        case jump(Int)
        case save(Int)
        case lineStart
        case lineEnd
        case match
    }

    /// The pattern as written.
    public let source: String
    /// Names of the `(?<name>…)` captures, in order.
    public let captureNames: [String]
    /// Sets of strings (lowered scalars): every match contains at least one string of each set. What the rule
    /// set's prefilter looks for before running the pattern; empty when nothing can be required.
    let requiredSets: [[[UInt32]]]
    /// The best of `requiredSets`, or nil.
    var requiredLiterals: [[UInt32]]? { requiredSets.first }
    let program: [Instruction]
    let anchoredAtStart: Bool
    /// Where a match can start: positions whose scalar is in `starts.sets` (or any position, or only the
    /// first); the search skips the others without running the machine.
    let starts: StartSet

    public init(_ source: String) throws(PatternSyntaxError) {
        var parser = PatternParser(source)
        let tree = try parser.parse()
        self.source = source
        captureNames = parser.captureNames
        requiredSets = RequiredLiterals.sets(of: tree)
        var compiler = PatternCompiler()
        compiler.emit(.save(0))
        compiler.compile(tree)
        compiler.emit(.save(1))
        compiler.emit(.match)
        program = compiler.program
        if program.count > 4000 { throw PatternSyntaxError(message: "pattern too large", offset: 0) }
        anchoredAtStart = Self.startsWithAnchor(tree)
        let (first, nullable) = StartSet.of(tree)
        starts = nullable ? StartSet(sets: [], atLineStart: true, anywhere: true) : first
    }

    private static func startsWithAnchor(_ node: PatternNode) -> Bool {
        switch node {
        case .lineStart: return true
        case .concat(let items): return items.first.map(startsWithAnchor) ?? false
        case .group(let inner, _): return startsWithAnchor(inner)
        default: return false
        }
    }

    /// The leftmost match in `text` (scalar values, ASCII lowered), using `scratch` for working memory.
    public func firstMatch(in text: [UInt32], scratch: PatternScratch) -> PatternMatch? {
        // Work on a local copy of the scratch state: accesses to a class's stored arrays are checked for
        // exclusivity at run time, which cost more than the matching itself.
        var state = scratch.state
        scratch.state = MatchState()
        defer { scratch.state = state }
        state.reset(instructions: program.count, length: text.count, slots: 2 + 2 * captureNames.count)
        let lastStart = anchoredAtStart ? 0 : text.count
        for start in 0...lastStart where starts.admits(text, start) && run(text, from: start, &state) {
            var captures: [(name: String, range: Range<Int>)] = []
            for (k, name) in captureNames.enumerated() {
                let low = state.slots[2 + 2 * k], high = state.slots[3 + 2 * k]
                if low >= 0, high >= low { captures.append((name, low..<high)) }
            }
            return PatternMatch(range: state.slots[0]..<state.slots[1], captures: captures)
        }
        return nil
    }

    private func run(_ text: [UInt32], from start: Int, _ state: inout MatchState) -> Bool {
        state.stack.append(.init(pc: 0, position: start, slot: -1, old: 0))
        let n = text.count
        while let job = state.stack.popLast() {
            if job.slot >= 0 {
                state.slots[job.slot] = job.old
                continue
            }
            var pc = job.pc, sp = job.position
            step: while state.visit(pc, sp) {
                switch program[pc] {
                case .scalar(let c):
                    guard sp < n, text[sp] == c else { break step }
                    pc += 1; sp += 1
                case .any:
                    guard sp < n else { break step }
                    pc += 1; sp += 1
                case .set(let set):
                    guard sp < n, set.contains(text[sp]) else { break step }
                    pc += 1; sp += 1
                case .split(let first, let second):
                    state.stack.append(.init(pc: second, position: sp, slot: -1, old: 0))
                    pc = first
                case .jump(let target):
                    pc = target
                case .save(let slot):
                    state.stack.append(.init(pc: 0, position: 0, slot: slot, old: state.slots[slot]))
                    state.slots[slot] = sp
                    pc += 1
                case .lineStart:
                    guard sp == 0 else { break step }
                    pc += 1
                case .lineEnd:
                    guard sp == n else { break step }
                    pc += 1
                case .match:
                    state.stack.removeAll(keepingCapacity: true)
                    return true
                }
            }
        }
        return false
    }
}

/// The scalars a match can start with (a conservative over-approximation computed from the tree).
struct StartSet: Sendable {
    var sets: [ScalarSet]
    var atLineStart: Bool
    var anywhere: Bool

    @inline(__always) func admits(_ text: [UInt32], _ position: Int) -> Bool {
        if anywhere || position == 0 && atLineStart { return true }
        guard position < text.count else { return false }
        let c = text[position]
        for set in sets where set.contains(c) { return true }
        return false
    }

    static let empty = StartSet(sets: [], atLineStart: false, anywhere: false)

    func union(_ other: StartSet) -> StartSet {
        StartSet(sets: sets + other.sets, atLineStart: atLineStart || other.atLineStart,
                 anywhere: anywhere || other.anywhere)
    }

    /// The start set of `node` and whether it can match the empty string (`^` counts as not empty: it pins
    /// the match to the line start).
    static func of(_ node: PatternNode) -> (StartSet, nullable: Bool) {
        switch node {
        case .empty: return (.empty, true)
        case .scalar(let c): return (StartSet(sets: [ScalarSet(ranges: [c...c], negated: false)], atLineStart: false,
                                              anywhere: false), false)
        case .any, .lineEnd: return (StartSet(sets: [], atLineStart: false, anywhere: true), false)
        case .set(let set): return (StartSet(sets: [set], atLineStart: false, anywhere: false), false)
        case .lineStart: return (StartSet(sets: [], atLineStart: true, anywhere: false), false)
        case .group(let inner, _): return of(inner)
        case .repetition(let inner, let low, _, _):
            let (first, nullable) = of(inner)
            return (first, nullable || low == 0)
        case .alternation(let branches):
            var result = StartSet.empty, nullable = false
            for branch in branches {
                let (first, n) = of(branch)
                result = result.union(first)
                nullable = nullable || n
            }
            return (result, nullable)
        case .concat(let items):
            var result = StartSet.empty
            for item in items {
                let (first, nullable) = of(item)
                result = result.union(first)
                if !nullable { return (result, false) }
            }
            return (result, true)
        }
    }
}

/// Where a pattern matched: the whole match and its named captures, as scalar offsets into the line.
public struct PatternMatch: Sendable {
    public var range: Range<Int>
    public var captures: [(name: String, range: Range<Int>)]
}

/// Working memory for `LinePattern.firstMatch`, reused across lines (one per stage; not thread-safe).
public final class PatternScratch {
    var state = MatchState()
    public init() {}
}

/// The matcher's stacks and visited set (a value type, so the hot loop needs no run-time exclusivity checks).
struct MatchState {
    struct Job {
        var pc: Int
        var position: Int
        var slot: Int
        var old: Int
    }

    var stack: [Job] = []
    var slots: [Int] = []
    /// One bit per (instruction, position); only the words a match needs are cleared before it.
    private var visited: [UInt64] = []
    private var width = 0

    mutating func reset(instructions: Int, length: Int, slots count: Int) {
        width = length + 1
        let words = (instructions * width + 63) / 64
        if visited.count < words {
            visited = [UInt64](repeating: 0, count: words)
        } else {
            for i in 0..<words { visited[i] = 0 }
        }
        if slots.count == count {
            for i in 0..<count { slots[i] = -1 }
        } else {
            slots = [Int](repeating: -1, count: count)
        }
        stack.removeAll(keepingCapacity: true)
    }

    /// Marks (pc, position) visited; false when it already was.
    @inline(__always) mutating func visit(_ pc: Int, _ position: Int) -> Bool {
        let bit = pc * width + position
        let mask: UInt64 = 1 << UInt64(bit & 63)
        if visited[bit >> 6] & mask != 0 { return false }
        visited[bit >> 6] |= mask
        return true
    }
}
