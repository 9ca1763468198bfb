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
    /// Strings (lowered scalars) of which every match contains at least one, or nil when there is none to
    /// require: what the rule set's prefilter looks for before running the pattern.
    let requiredLiterals: [[UInt32]]?
    let program: [Instruction]
    let anchoredAtStart: Bool

    public init(_ source: String) throws(PatternSyntaxError) {
        var parser = PatternParser(source)
        let tree = try parser.parse()
        self.source = source
        captureNames = parser.captureNames
        requiredLiterals = RequiredLiterals.of(tree)
        var compiler = PatternCompiler()
        compiler.emit(.save(0))
        compiler.compile(tree)
        compiler.emit(.save(1))
        compiler.emit(.match)
        program = compiler.program
        if program.count > 4000 { throw PatternSyntaxError(message: "pattern too large", offset: 0) }
        anchoredAtStart = Self.startsWithAnchor(tree)
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
        scratch.reset(instructions: program.count, length: text.count, slots: 2 + 2 * captureNames.count)
        let lastStart = anchoredAtStart ? 0 : text.count
        for start in 0...lastStart {
            if run(text, from: start, scratch) {
                var captures: [(name: String, range: Range<Int>)] = []
                for (k, name) in captureNames.enumerated() {
                    let low = scratch.slots[2 + 2 * k], high = scratch.slots[3 + 2 * k]
                    if low >= 0, high >= low { captures.append((name, low..<high)) }
                }
                return PatternMatch(range: scratch.slots[0]..<scratch.slots[1], captures: captures)
            }
        }
        return nil
    }

    private func run(_ text: [UInt32], from start: Int, _ scratch: PatternScratch) -> Bool {
        scratch.stack.append(.init(pc: 0, position: start, slot: -1, old: 0))
        let n = text.count
        while let job = scratch.stack.popLast() {
            if job.slot >= 0 {
                scratch.slots[job.slot] = job.old
                continue
            }
            var pc = job.pc, sp = job.position
            step: while scratch.visit(pc, sp) {
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
                    scratch.stack.append(.init(pc: second, position: sp, slot: -1, old: 0))
                    pc = first
                case .jump(let target):
                    pc = target
                case .save(let slot):
                    scratch.stack.append(.init(pc: 0, position: 0, slot: slot, old: scratch.slots[slot]))
                    scratch.slots[slot] = sp
                    pc += 1
                case .lineStart:
                    guard sp == 0 else { break step }
                    pc += 1
                case .lineEnd:
                    guard sp == n else { break step }
                    pc += 1
                case .match:
                    scratch.stack.removeAll(keepingCapacity: true)
                    return true
                }
            }
        }
        return false
    }
}

/// Where a pattern matched: the whole match and its named captures, as scalar offsets into the line.
public struct PatternMatch: Sendable {
    public var range: Range<Int>
    public var captures: [(name: String, range: Range<Int>)]
}

/// Working memory for `LinePattern.firstMatch`, reused across lines (one per stage; not thread-safe).
public final class PatternScratch {
    struct Job {
        var pc: Int
        var position: Int
        var slot: Int
        var old: Int
    }

    var stack: [Job] = []
    var slots: [Int] = []
    private var visited: [UInt64] = []
    private var width = 0

    public init() {}

    func reset(instructions: Int, length: Int, slots count: Int) {
        width = length + 1
        let words = (instructions * width + 63) / 64
        if visited.count < words {
            visited = [UInt64](repeating: 0, count: words)
        } else {
            for i in 0..<words { visited[i] = 0 }
        }
        slots = [Int](repeating: -1, count: count)
        stack.removeAll(keepingCapacity: true)
    }

    /// Marks (pc, position) visited; false when it already was.
    @inline(__always) func visit(_ pc: Int, _ position: Int) -> Bool {
        let bit = pc * width + position
        let mask: UInt64 = 1 << UInt64(bit & 63)
        if visited[bit >> 6] & mask != 0 { return false }
        visited[bit >> 6] |= mask
        return true
    }
}
