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
        return run(text, filter, &state.visited, &state.slots, &state.stack, &state.dirty, state.intervals)
    }

    private func run(_ text: UnsafeBufferPointer<UInt32>, _ filter: StartFilter, _ visited: inout [UInt64],
                     _ slots: inout [Int], _ stack: inout [MatchState.Job], _ dirty: inout [Int32],
                     _ starts: [ClosedRange<Int>]) -> Bool {
        let width = text.count + 1
        return steps.withUnsafeBufferPointer { program in
            ranges.withUnsafeBufferPointer { ranges in
                filter.ranges.withUnsafeBufferPointer { firsts in
                    visited.withUnsafeMutableBufferPointer { visited in
                        slots.withUnsafeMutableBufferPointer { slots in
                            let tape = Tape(program: program, ranges: ranges, text: text, visited: visited,
                                            width: width, slots: slots)
                            for interval in starts {
                                for start in interval where filter.admits(text, start, firsts) {
                                    if tape.run(from: start, stack: &stack, dirty: &dirty) { return true }
                                }
                            }
                            return false
                        }
                    }
                }
            }
        }
    }
}

/// The machine's registers for one search: unsafe views of the program, the text and the working memory.
private struct Tape {
    let program: UnsafeBufferPointer<PatternMachine.Step>
    let ranges: UnsafeBufferPointer<UInt32>
    let text: UnsafeBufferPointer<UInt32>
    let visited: UnsafeMutableBufferPointer<UInt64>
    let width: Int
    let slots: UnsafeMutableBufferPointer<Int>

    /// Marks (pc, position) visited, noting a word that was clean; false when it already was visited.
    @inline(__always) func visit(_ pc: Int, _ position: Int, _ dirty: inout [Int32]) -> Bool {
        let bit = pc &* width &+ position
        let word = visited[bit &>> 6]
        let mask: UInt64 = 1 &<< UInt64(bit & 63)
        if word & mask != 0 { return false }
        if word == 0 { dirty.append(Int32(truncatingIfNeeded: bit &>> 6)) }
        visited[bit &>> 6] = word | mask
        return true
    }

    @inline(__always) func inClass(_ c: UInt32, _ low: Int32, _ high: Int32) -> Bool {
        var k = Int(low)
        while k < Int(high) {
            if ranges[k] <= c && c <= ranges[k &+ 1] { return true }
            k &+= 2
        }
        return false
    }

    func run(from start: Int, stack: inout [MatchState.Job], dirty: inout [Int32]) -> Bool {
        stack.append(.init(pc: 0, position: start, slot: -1, old: 0))
        let n = text.count
        while let job = stack.popLast() {
            if job.slot >= 0 {
                slots[job.slot] = job.old
                continue
            }
            var pc = job.pc, sp = job.position
            step: while visit(pc, sp, &dirty) {
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
                            stack.append(.init(pc: Int(step.b), position: sp, slot: -1, old: 0))
                        }
                        pc = Int(step.a)
                    }
                case .jump:
                    pc = Int(step.a)
                case .save:
                    let slot = Int(step.a)
                    stack.append(.init(pc: 0, position: 0, slot: slot, old: slots[slot]))
                    slots[slot] = sp
                    pc &+= 1
                case .lineStart:
                    guard sp == 0 else { break step }
                    pc &+= 1
                case .lineEnd:
                    guard sp == n else { break step }
                    pc &+= 1
                case .match:
                    stack.removeAll(keepingCapacity: true)
                    return true
                }
            }
        }
        return false
    }
}

/// Working memory for `LinePattern.firstMatch`, reused across lines (one per stage; not thread-safe).
public final class PatternScratch {
    var state = MatchState()
    public init() {}
}

/// The machine's stack, capture slots, visited set and start intervals (a value type, moved out of
/// `PatternScratch` once per line so that matching needs no run-time exclusivity checks).
struct MatchState {
    struct Job {
        var pc: Int
        var position: Int
        var slot: Int
        var old: Int
    }

    var stack: [Job] = []
    var slots: [Int] = []
    /// One bit per (instruction, position): bit pc × (length + 1) + position.
    var visited: [UInt64] = []
    /// Words of `visited` that the last search set bits in (all others are zero).
    var dirty: [Int32] = []
    /// The intervals of starts a search tries.
    var intervals: [ClosedRange<Int>] = []

    /// Makes `visited` large enough and clean for a search over `length` scalars.
    mutating func prepare(instructions: Int, length: Int) {
        let words = (instructions * (length + 1) + 63) / 64
        if visited.count < words {
            visited = [UInt64](repeating: 0, count: max(words, 2 * visited.count))
        } else {
            visited.withUnsafeMutableBufferPointer { words in
                for index in dirty { words[Int(index)] = 0 }
            }
        }
        dirty.removeAll(keepingCapacity: true)
        stack.removeAll(keepingCapacity: true)
    }

    /// Sets every capture slot to -1 (unset).
    mutating func resetSlots(_ count: Int) {
        if slots.count == count {
            for i in 0..<count { slots[i] = -1 }
        } else {
            slots = [Int](repeating: -1, count: count)
        }
    }
}
