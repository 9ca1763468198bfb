/// Turns a `PatternNode` tree into `LinePattern` instructions (Thompson-style: split/jump for choices and
/// loops; counted repeats are unrolled, which is why counts are capped).
struct PatternCompiler {
    private(set) var program: [LinePattern.Instruction] = []

    mutating func emit(_ instruction: LinePattern.Instruction) {
        program.append(instruction)
    }

    mutating func compile(_ node: PatternNode) {
        switch node {
        case .empty: break
        case .scalar(let c): emit(.scalar(c))
        case .any: emit(.any)
        case .set(let set): emit(.set(set))
        case .lineStart: emit(.lineStart)
        case .lineEnd: emit(.lineEnd)
        case .concat(let items): items.forEach { compile($0) }
        case .alternation(let branches): compileAlternation(branches)
        case .group(let inner, let capture):
            if let capture { emit(.save(2 + 2 * capture)) }
            compile(inner)
            if let capture { emit(.save(3 + 2 * capture)) }
        case .repetition(let inner, let low, let high, let greedy):
            compileRepetition(inner, min: low, max: high, greedy: greedy)
        }
    }

    private mutating func compileAlternation(_ branches: [PatternNode]) {
        var jumpsToEnd: [Int] = []
        for (i, branch) in branches.enumerated() {
            if i < branches.count - 1 {
                let split = program.count
                emit(.split(split + 1, -1))
                compile(branch)
                jumpsToEnd.append(program.count)
                emit(.jump(-1))
                program[split] = .split(split + 1, program.count)
            } else {
                compile(branch)
            }
        }
        for jump in jumpsToEnd { program[jump] = .jump(program.count) }
    }

    private mutating func compileRepetition(_ inner: PatternNode, min low: Int, max high: Int?, greedy: Bool) {
        for _ in 0..<low { compile(inner) }
        guard let high else {
            let loop = program.count
            emit(.split(-1, -1))
            compile(inner)
            emit(.jump(loop))
            program[loop] = choice(loop + 1, program.count, greedy: greedy)
            return
        }
        var splits: [Int] = []
        for _ in low..<high {
            splits.append(program.count)
            emit(.split(-1, -1))
            compile(inner)
        }
        for split in splits { program[split] = choice(split + 1, program.count, greedy: greedy) }
    }

    private func choice(_ take: Int, _ skip: Int, greedy: Bool) -> LinePattern.Instruction {
        greedy ? .split(take, skip) : .split(skip, take)
    }
}

/// Finds strings that every match of a pattern must contain (any one of a small set), so that a rule set can
/// skip a pattern on lines that contain none of them: e.g. `^[【\[]?责(任)?编` → {`责`}, `扫一扫|二维码` →
/// {`扫一扫`, `二维码`}.
enum RequiredLiterals {
    static let maxAlternatives = 64

    /// The any-of set, or nil when no non-empty string is required.
    static func of(_ node: PatternNode) -> [[UInt32]]? {
        guard let set = required(node), set.allSatisfy({ !$0.isEmpty }) else { return nil }
        return set
    }

    /// Up to `limit` any-of sets that a match needs all of (from different parts of a top-level sequence),
    /// best first: `未经.{0,20}授权.{0,20}不得转载` → {`不得转载`}, {`未经`}, {`授权`}. Empty when none.
    static func sets(of node: PatternNode, limit: Int = 3) -> [[[UInt32]]] {
        switch node {
        case .group(let inner, _): return sets(of: inner, limit: limit)
        case .concat(let items):
            let found = concatCandidates(items).filter { score($0) > 0 && $0.allSatisfy { !$0.isEmpty } }
            var chosen: [[[UInt32]]] = []
            for set in found.sorted(by: { score($0) > score($1) }) where !chosen.contains(set) && chosen.count < limit {
                chosen.append(set)
            }
            return chosen
        default:
            return of(node).map { [$0] } ?? []
        }
    }

    /// The exact strings a node matches, when it matches only a few fixed strings.
    private static func exact(_ node: PatternNode) -> [[UInt32]]? {
        switch node {
        case .empty, .lineStart, .lineEnd: return [[]]
        case .scalar(let c): return [[c]]
        case .set(let set): return set.smallMembers?.map { [$0] }
        case .group(let inner, _): return exact(inner)
        case .alternation(let branches):
            var all: [[UInt32]] = []
            for branch in branches {
                guard let strings = exact(branch) else { return nil }
                all += strings
            }
            return all.count <= maxAlternatives ? all : nil
        case .concat(let items):
            var product: [[UInt32]] = [[]]
            for item in items {
                guard let strings = exact(item), product.count * strings.count <= maxAlternatives else { return nil }
                product = product.flatMap { head in strings.map { head + $0 } }
            }
            return product
        case .repetition(let inner, let low, let high, _):
            guard let strings = exact(inner) else { return nil }
            if low == 1, high == 1 { return strings }
            if low == 0, high == 1, strings.count < maxAlternatives { return [[]] + strings }
            return nil
        case .any: return nil
        }
    }

    private static func required(_ node: PatternNode) -> [[UInt32]]? {
        if let strings = exact(node) { return strings }
        switch node {
        case .group(let inner, _): return required(inner)
        case .repetition(let inner, let low, _, _): return low >= 1 ? required(inner) : nil
        case .alternation(let branches):
            var all: [[UInt32]] = []
            for branch in branches {
                guard let strings = required(branch) else { return nil }
                all += strings
            }
            return all.count <= maxAlternatives ? all : nil
        case .concat(let items): return bestOfConcat(items)
        default: return nil
        }
    }

    /// Runs of exact items are joined (`来` `源` → `来源`), and extended by the strings the non-exact items
    /// around them must end or start with (`(?<date>…日)` `(?:电|讯)` → `日电`, `日讯`); the candidate with the
    /// longest shortest string wins.
    private static func bestOfConcat(_ items: [PatternNode]) -> [[UInt32]]? {
        concatCandidates(items).max { score($0) < score($1) }.flatMap { score($0) > 0 ? $0 : nil }
    }

    /// Every any-of set a sequence requires: its joined exact runs and the required sets of its items.
    private static func concatCandidates(_ items: [PatternNode]) -> [[[UInt32]]] {
        var candidates: [[[UInt32]]] = []
        var run: [[UInt32]] = [[]]
        for item in items {
            if let strings = exact(item), run.count * strings.count <= maxAlternatives {
                run = run.flatMap { head in strings.map { head + $0 } }
                continue
            }
            if let after = affixes(item, atEnd: false), run.count * after.count <= maxAlternatives {
                candidates.append(run.flatMap { head in after.map { head + $0 } })
            } else {
                candidates.append(run)
            }
            if let inner = required(item) { candidates.append(inner) }
            run = exact(item) ?? affixes(item, atEnd: true) ?? [[]]
        }
        candidates.append(run)
        return candidates
    }

    /// Strings one of which every match of `node` ends with (`atEnd`) or starts with; nil when unknown.
    private static func affixes(_ node: PatternNode, atEnd: Bool) -> [[UInt32]]? {
        if let strings = exact(node) { return strings }
        switch node {
        case .group(let inner, _): return affixes(inner, atEnd: atEnd)
        case .repetition(let inner, let low, _, _): return low >= 1 ? affixes(inner, atEnd: atEnd) : nil
        case .alternation(let branches):
            var all: [[UInt32]] = []
            for branch in branches {
                guard let strings = affixes(branch, atEnd: atEnd) else { return nil }
                all += strings
            }
            return all.count <= maxAlternatives ? all : nil
        case .concat(let items):
            var product: [[UInt32]] = [[]]
            for item in atEnd ? items.reversed() : items {
                if let strings = exact(item), product.count * strings.count <= maxAlternatives {
                    product = product.flatMap { p in strings.map { atEnd ? $0 + p : p + $0 } }
                    continue
                }
                guard let edge = affixes(item, atEnd: atEnd), product.count * edge.count <= maxAlternatives else {
                    return product
                }
                return product.flatMap { p in edge.map { atEnd ? $0 + p : p + $0 } }
            }
            return product
        default: return nil
        }
    }

    private static func score(_ strings: [[UInt32]]) -> Int {
        let shortest = strings.map(\.count).min() ?? 0
        return shortest * 100 - strings.count
    }
}
