/// The matcher behind `LinePattern`: the compiled instructions as flat, trivial values (no enum payloads or
/// nested arrays, so stepping through them costs no reference counting), run by a backtracking machine with a
/// visited set over (instruction, position) — the "bit-state" technique — so that a search costs at most
/// instructions × (line length + 1) steps whatever the pattern.
///
/// The visited set is cleared word by word from a list of the words a search dirtied, so a search that fails at
/// once on a long line (an anchored pattern on a 100,000-character line) costs nothing in clearing.
///
/// A `split` knows, for each branch, the scalars the branch can consume first (`BranchGuard`): a branch that
/// cannot take the current scalar is not entered (or not pushed), which spares a 20-way alternation of
/// literals most of its pushes and pops. A skipped branch is one that would fail without consuming anything,
/// so the match found is the same.
struct PatternMachine: Sendable {
    enum Op: UInt8, Sendable {
        case scalar, any, set, notSet, split, jump, save, lineStart, lineEnd, match
    }

    /// One instruction: `scalar` a = value; `set`/`notSet` a..<b = its pairs in `ranges`; `split` a then b,
    /// entering a only when the scalar is in the pairs `ranges[guardA.0 ..< guardA.1]` (always when guardA.0
    /// is negative: no guard; see `BranchGuard`), b likewise; `jump` a; `save` a = slot.
    struct Step: Sendable {
        var op: Op
        var a: Int32
        var b: Int32
        /// For `split`: where in `ranges` the pairs of branch a's first scalars are; (-1, -1): no guard.
        var guardA: (Int32, Int32) = (-1, -1)
        var guardB: (Int32, Int32) = (-1, -1)
    }

    let steps: [Step]
    /// Class ranges as (low, high) pairs, referenced by `set` and `notSet` steps.
    let ranges: [UInt32]

    init(_ program: [LinePattern.Instruction]) {
        var steps: [Step] = []
        var ranges: [UInt32] = []
        for instruction in program {
            switch instruction {
            case .scalar(let c): steps.append(Step(op: .scalar, a: Int32(bitPattern: c), b: 0))
            case .any: steps.append(Step(op: .any, a: 0, b: 0))
            case .set(let set):
                let start = Int32(ranges.count)
                for range in set.ranges { ranges += [range.lowerBound, range.upperBound] }
                steps.append(Step(op: set.negated ? .notSet : .set, a: start, b: Int32(ranges.count)))
            case .split(let first, let second): steps.append(Step(op: .split, a: Int32(first), b: Int32(second)))
            case .jump(let target): steps.append(Step(op: .jump, a: Int32(target), b: 0))
            case .save(let slot): steps.append(Step(op: .save, a: Int32(slot), b: 0))
            case .lineStart: steps.append(Step(op: .lineStart, a: 0, b: 0))
            case .lineEnd: steps.append(Step(op: .lineEnd, a: 0, b: 0))
            case .match: steps.append(Step(op: .match, a: 0, b: 0))
            }
        }
        BranchGuard.add(to: &steps, ranges: &ranges, program: program)
        self.steps = steps
        self.ranges = ranges
    }

    /// Tries the positions in `state.intervals` (ascending) that `filter` admits, in order, and returns true
    /// at the first that matches (its capture slots are then in `state.slots`).
    func search(_ text: UnsafeBufferPointer<UInt32>, filter: StartFilter, _ state: inout MatchState) -> Bool {
        state.prepare(instructions: steps.count, length: text.count)
        let width = steps.count  // bits of one position: a search's marks cluster by position
        return steps.withUnsafeBufferPointer { program in
            ranges.withUnsafeBufferPointer { ranges in
                filter.ranges.withUnsafeBufferPointer { starts in
                    filter.firstScalars.withUnsafeBufferPointer { firsts in
                        let tape = Tape(program: program, ranges: ranges, text: text, width: width)
                        for interval in state.intervals {
                            for start in interval where filter.admits(text, start, starts, firsts) {
                                if tape.run(from: start, &state) { return true }
                            }
                        }
                        return false
                    }
                }
            }
        }
    }
}

/// The machine's registers for one search: unsafe views of the program and the text.
private struct Tape {
    let program: UnsafeBufferPointer<PatternMachine.Step>
    let ranges: UnsafeBufferPointer<UInt32>
    let text: UnsafeBufferPointer<UInt32>
    let width: Int

    @inline(__always) func inClass(_ c: UInt32, _ low: Int32, _ high: Int32) -> Bool {
        var k = Int(low)
        while k < Int(high) {
            if ranges[k] <= c && c <= ranges[k &+ 1] { return true }
            k &+= 2
        }
        return false
    }

    func run(from start: Int, _ state: inout MatchState) -> Bool {
        state.push(.init(pc: 0, position: start, slot: -1, old: 0))
        let n = text.count
        let slots = state.slots
        while state.depth > 0 {
            let job = state.pop()
            if job.slot >= 0 {
                slots[job.slot] = job.old
                continue
            }
            var pc = job.pc, sp = job.position
            step: while state.visit(sp &* width &+ pc) {
                let step = program[pc]
                switch step.op {
                case .scalar:
                    guard sp < n, text[sp] == UInt32(bitPattern: step.a) else { break step }
                    pc &+= 1; sp &+= 1
                case .any:
                    guard sp < n else { break step }
                    pc &+= 1; sp &+= 1
                case .set:
                    guard sp < n, inClass(text[sp], step.a, step.b) else { break step }
                    pc &+= 1; sp &+= 1
                case .notSet:
                    guard sp < n, !inClass(text[sp], step.a, step.b) else { break step }
                    pc &+= 1; sp &+= 1
                case .split:
                    if step.guardA.0 >= 0 && (sp == n || !inClass(text[sp], step.guardA.0, step.guardA.1)) {
                        pc = Int(step.b)  // branch a cannot start here
                    } else {
                        if step.guardB.0 < 0 || sp < n && inClass(text[sp], step.guardB.0, step.guardB.1) {
                            state.push(.init(pc: Int(step.b), position: sp, slot: -1, old: 0))
                        }
                        pc = Int(step.a)
                    }
                case .jump:
                    pc = Int(step.a)
                case .save:
                    let slot = Int(step.a)
                    state.push(.init(pc: 0, position: 0, slot: slot, old: slots[slot]))
                    slots[slot] = sp
                    pc &+= 1
                case .lineStart:
                    guard sp == 0 else { break step }
                    pc &+= 1
                case .lineEnd:
                    guard sp == n else { break step }
                    pc &+= 1
                case .match:
                    state.depth = 0
                    return true
                }
            }
        }
        return false
    }
}

/// Working memory for `LinePattern.firstMatch`, reused across lines (one per stage; not thread-safe). It owns
/// the buffers of its `state` and frees them.
public final class PatternScratch {
    var state = MatchState()
    public init() {}

    /// The state to work on, to be stored back in `state` after the search (its buffers may have grown);
    /// the scratch lets go of the intervals array meanwhile, so that the search does not copy it.
    func take() -> MatchState {
        let taken = state
        state.intervals = []
        return taken
    }

    deinit {
        state.free()
    }
}

/// The machine's stack, capture slots, visited set and start intervals, in owned memory grown as needed (so
/// that pushing, popping and marking need no reference counting or uniqueness checks). A value type of
/// pointers, moved out of its `PatternScratch` once per line and back; only the scratch frees it.
struct MatchState {
    struct Job {
        var pc: Int
        var position: Int
        var slot: Int
        var old: Int
    }

    private(set) var stack = UnsafeMutableBufferPointer<Job>.allocate(capacity: 64)
    var depth = 0
    private(set) var slots = UnsafeMutableBufferPointer<Int>.allocate(capacity: 8)
    /// One bit per (position, instruction): bit position × instructions + pc; zero outside the words `dirty`
    /// lists.
    private var visited = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 64)
    /// Words of `visited` that the last search set bits in: `dirty[0..<dirtyCount]` (as many slots as
    /// `visited` has words, so a word is listed at most once and the list never overflows).
    private var dirty = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 64)
    private var dirtyCount = 0
    /// The intervals of starts a search tries.
    var intervals: [ClosedRange<Int>] = []

    init() {
        visited.initialize(repeating: 0)
    }

    func free() {
        stack.deallocate()
        slots.deallocate()
        visited.deallocate()
        dirty.deallocate()
    }

    /// Makes `visited` large enough and clean for a search over `length` scalars.
    mutating func prepare(instructions: Int, length: Int) {
        let words = (instructions * (length + 1) + 63) / 64
        if visited.count < words {
            let capacity = max(words, 2 * visited.count)
            visited.deallocate()
            dirty.deallocate()
            visited = .allocate(capacity: capacity)
            visited.initialize(repeating: 0)
            dirty = .allocate(capacity: capacity)
        } else {
            for k in 0..<dirtyCount { visited[Int(dirty[k])] = 0 }
        }
        dirtyCount = 0
        depth = 0
    }

    /// Marks bit `bit` (position × instructions + pc) visited, listing a word that was clean; false when it already
    /// was visited.
    @inline(__always) mutating func visit(_ bit: Int) -> Bool {
        let index = bit &>> 6
        let word = visited[index]
        let mask: UInt64 = 1 &<< UInt64(bit & 63)
        if word & mask != 0 { return false }
        if word == 0 {
            dirty[dirtyCount] = Int32(truncatingIfNeeded: index)
            dirtyCount &+= 1
        }
        visited[index] = word | mask
        return true
    }

    @inline(__always) mutating func push(_ job: Job) {
        if depth == stack.count { grow() }
        stack[depth] = job
        depth &+= 1
    }

    @inline(__always) mutating func pop() -> Job {
        depth &-= 1
        return stack[depth]
    }

    private mutating func grow() {
        let larger = UnsafeMutableBufferPointer<Job>.allocate(capacity: 2 * stack.count)
        _ = larger.initialize(from: stack)
        stack.deallocate()
        stack = larger
    }

    /// Sets `count` capture slots to -1 (unset).
    mutating func resetSlots(_ count: Int) {
        if slots.count < count {
            slots.deallocate()
            slots = .allocate(capacity: count)
        }
        for i in 0..<count { slots[i] = -1 }
    }
}
