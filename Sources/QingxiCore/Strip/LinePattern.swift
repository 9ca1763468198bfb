/// A compiled pattern (dialect: see `PatternNode`) matched against one line's scalars.
///
/// Matching is a backtracking machine with a visited set over (instruction, position) — the "bit-state"
/// technique, see `PatternMachine` — so that a match costs at most instructions × (line length + 1) steps
/// whatever the pattern: no catastrophic backtracking on long lines. Semantics are those of a backtracking
/// regex (leftmost match, greedy or lazy repeats in priority order). Text is given as scalar values with
/// ASCII letters lowered.
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
    /// The matcher (a reference: copying a pattern costs one retain, not one per table).
    let compiled: CompiledPattern

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
        if compiler.program.count > 4000 { throw PatternSyntaxError(message: "pattern too large", offset: 0) }
        let anchored = Self.startsWithAnchor(tree)
        let (first, nullable) = StartSet.of(tree)
        compiled = CompiledPattern(
            machine: PatternMachine(compiler.program), anchoredAtStart: anchored,
            startFilter: StartFilter(nullable ? StartSet(sets: [], atLineStart: true, anywhere: true) : first,
                                     program: compiler.program),
            guide: anchored ? nil : ScanGuide(literals: requiredSets.first, program: compiler.program,
                                              endAnchored: Self.endsWithAnchor(tree)),
            captureNames: captureNames)
    }

    private static func startsWithAnchor(_ node: PatternNode) -> Bool {
        switch node {
        case .lineStart: return true
        case .concat(let items): return items.first.map(startsWithAnchor) ?? false
        case .group(let inner, _): return startsWithAnchor(inner)
        default: return false
        }
    }

    /// True when every match ends with `$` (the last item of the pattern, of each alternative, or of a group).
    static func endsWithAnchor(_ node: PatternNode) -> Bool {
        switch node {
        case .lineEnd: return true
        case .concat(let items): return items.last.map(endsWithAnchor) ?? false
        case .alternation(let branches): return !branches.isEmpty && branches.allSatisfy(endsWithAnchor)
        case .group(let inner, _): return endsWithAnchor(inner)
        default: return false
        }
    }

    /// The leftmost match in `text` (scalar values, ASCII lowered), using `scratch` for working memory.
    public func firstMatch(in text: [UInt32], scratch: PatternScratch) -> PatternMatch? {
        text.withUnsafeBufferPointer { firstMatch(in: $0, scratch: scratch) }
    }

    /// The leftmost match in `text` (scalar values, ASCII lowered), using `scratch` for working memory.
    func firstMatch(in text: UnsafeBufferPointer<UInt32>, scratch: PatternScratch) -> PatternMatch? {
        // Work on a local copy of the scratch state: accesses to a class's stored properties are checked for
        // exclusivity at run time.
        var state = scratch.take()
        defer { scratch.state = state }
        return compiled.firstMatch(in: text, state: &state)
    }
}

/// What matching a `LinePattern` needs, compiled once and shared by reference.
final class CompiledPattern: Sendable {
    let machine: PatternMachine
    let anchoredAtStart: Bool
    /// Where a match can start: positions whose scalar is in the start set (or any position, or only the
    /// first); the search skips the others without running the machine.
    let startFilter: StartFilter
    /// Viable starts on long lines (nil for anchored patterns and patterns without required literals).
    let guide: ScanGuide?
    let captureNames: [String]

    init(machine: PatternMachine, anchoredAtStart: Bool, startFilter: StartFilter, guide: ScanGuide?,
         captureNames: [String]) {
        self.machine = machine
        self.anchoredAtStart = anchoredAtStart
        self.startFilter = startFilter
        self.guide = guide
        self.captureNames = captureNames
    }

    /// The leftmost match in `text` (scalar values, ASCII lowered), with `state` as working memory.
    func firstMatch(in text: UnsafeBufferPointer<UInt32>, state: inout MatchState) -> PatternMatch? {
        state.resetSlots(2 + 2 * captureNames.count)
        if let guide, text.count >= ScanGuide.minimumLength {
            guide.viableStarts(in: text, into: &state.intervals)
        } else {
            state.intervals.removeAll(keepingCapacity: true)
            state.intervals.append(0...(anchoredAtStart ? 0 : text.count))
        }
        guard machine.search(text, filter: startFilter, &state) else { return nil }
        if captureNames.isEmpty { return PatternMatch(range: state.slots[0]..<state.slots[1], captures: []) }
        var captures: [(name: String, range: Range<Int>)] = []
        for (k, name) in captureNames.enumerated() {
            let low = state.slots[2 + 2 * k], high = state.slots[3 + 2 * k]
            if low >= 0, high >= low { captures.append((name, low..<high)) }
        }
        return PatternMatch(range: state.slots[0]..<state.slots[1], captures: captures)
    }
}

/// Where a match can start, for the search loop: `StartSet` flattened (sorted, disjoint (low, high) pairs of
/// first scalars, or the line start, or anywhere), and — a second, independent test — the scalars the first
/// consuming instruction of the program can take (`BranchGuard`), which also looks past a `^`: a line that
/// does not begin with a scalar `^\s*(?:分享|转发)…` can start with is not searched at all.
struct StartFilter: Sendable {
    var ranges: [UInt32]
    var atLineStart: Bool
    var anywhere: Bool
    /// The program's first scalars as (low, high) pairs; empty with `anyFirst` when unknown (a match may be
    /// empty, or start with any scalar).
    var firstScalars: [UInt32]
    var anyFirst: Bool

    init(_ starts: StartSet, program: [LinePattern.Instruction]) {
        atLineStart = starts.atLineStart
        anywhere = starts.anywhere
        var all: [ClosedRange<UInt32>] = []
        for set in starts.sets { all += set.positiveRanges }
        ranges = ScalarSet.merged(all).flatMap { [$0.lowerBound, $0.upperBound] }
        var walk = BranchGuard.Walk(program)
        let firsts = walk.firstScalars(from: 0)
        firstScalars = (firsts ?? []).flatMap { [$0.lowerBound, $0.upperBound] }
        anyFirst = firsts == nil
    }

    @inline(__always) func admits(_ text: UnsafeBufferPointer<UInt32>, _ position: Int,
                                  _ starts: UnsafeBufferPointer<UInt32>, _ firsts: UnsafeBufferPointer<UInt32>)
        -> Bool {
        if !anyFirst {
            guard position < text.count, Self.contains(firsts, text[position]) else { return false }
        }
        if anywhere || position == 0 && atLineStart { return true }
        guard position < text.count else { return false }
        return Self.contains(starts, text[position])
    }

    @inline(__always) private static func contains(_ pairs: UnsafeBufferPointer<UInt32>, _ c: UInt32) -> Bool {
        var k = 0
        while k < pairs.count {
            if c <= pairs[k &+ 1] { return c >= pairs[k] }
            k &+= 2
        }
        return false
    }
}

/// The scalars a match can start with (a conservative over-approximation computed from the tree; the search
/// uses it flattened, as a `StartFilter`).
struct StartSet: Sendable {
    var sets: [ScalarSet]
    var atLineStart: Bool
    var anywhere: Bool

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
