/// The first-scalar guards of a program's `split` branches (see `PatternMachine`).
///
/// From a branch's target, the guard follows every path that consumes nothing (splits, jumps, saves, and the
/// anchors `^` `$`, taken as passable: an over-approximation) and collects the scalars the first consuming
/// instruction on each can take. A branch gets a guard only when no such path reaches `match` (it must consume
/// to succeed) and the scalars fit in a few ranges; then a scalar outside them, or the end of the line, means
/// the branch fails at once, and the machine need not enter it.
enum BranchGuard {
    /// Most (low, high) pairs in a guard: beyond this, checking costs more than the push it saves.
    static let maxPairs = 6

    static func add(to steps: inout [PatternMachine.Step], ranges: inout [UInt32],
                    program: [LinePattern.Instruction]) {
        var memo: [Int: (Int32, Int32)] = [:]
        func guardOf(_ target: Int) -> (Int32, Int32) {
            if let known = memo[target] { return known }
            var result: (Int32, Int32) = (-1, -1)
            if let firsts = firstScalars(from: target, program), firsts.count <= maxPairs {
                let start = Int32(ranges.count)
                for range in firsts { ranges += [range.lowerBound, range.upperBound] }
                result = (start, Int32(ranges.count))
            }
            memo[target] = result
            return result
        }
        for pc in steps.indices where steps[pc].op == .split {
            steps[pc].guardA = guardOf(Int(steps[pc].a))
            steps[pc].guardB = guardOf(Int(steps[pc].b))
        }
    }

    /// The scalars the first consuming instruction reachable from `start` can take (sorted, merged), or nil
    /// when `match` is reachable without consuming or every scalar qualifies.
    static func firstScalars(from start: Int, _ program: [LinePattern.Instruction]) -> [ClosedRange<UInt32>]? {
        var seen = Set<Int>()
        var pending = [start]
        var found: [ClosedRange<UInt32>] = []
        while let pc = pending.popLast() {
            guard pc >= 0, pc < program.count, seen.insert(pc).inserted else { continue }
            switch program[pc] {
            case .scalar(let c): found.append(c...c)
            case .any: return nil
            case .set(let set): found += set.positiveRanges
            case .split(let first, let second): pending += [second, first]
            case .jump(let target): pending.append(target)
            case .save, .lineStart, .lineEnd: pending.append(pc + 1)
            case .match: return nil
            }
        }
        let merged = ScalarSet.merged(found)
        if merged.count == 1 && merged[0] == 0...0x10FFFF { return nil }
        return merged
    }
}
