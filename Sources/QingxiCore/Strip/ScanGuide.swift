/// Where on a long line an unanchored pattern can start a match, found without running the machine.
///
/// Every match holds one of the pattern's required literals (`RequiredLiterals`), and every scalar a match
/// covers belongs to the pattern's alphabet (the scalars its instructions can consume). So a match starting at
/// `s` needs a literal occurrence at some `p ≥ s` with `text[s..<p]` all in the alphabet: the viable starts
/// are, for each run of alphabet scalars, the positions from the run's start up to the last literal
/// occurrence in it. On a 170,000-character line of search keywords where a caption pattern's `摄` occurs 18
/// times, that leaves a few hundred starts of 35,000.
///
/// When every match ends with `$`, a match lies in the run of alphabet scalars that reaches the line's end:
/// the guide finds that run's start from the end and looks no further back (a caption pattern ending in
/// `摄\s*$` reads the last few words of a keyword line, not its 170,000 characters).
///
/// Skipping starts that cannot match changes no result: the search still tries the viable ones in order.
struct ScanGuide: Sendable {
    /// The first scalars of the literals as sorted (low, high) pairs (a quick test before comparing literals).
    private let firsts: [UInt32]
    /// Bit (c & 63) of every first scalar c: most scalars are ruled out by one test.
    private let firstBits: UInt64
    /// The literals, flat: `scalars[bounds[k]..<bounds[k + 1]]` is literal k.
    private let scalars: [UInt32]
    private let bounds: [Int]
    /// The alphabet as sorted (low, high) pairs; empty when it holds every scalar.
    private let alphabet: [UInt32]
    /// The alphabet's ASCII scalars as bits (scalar c: bit c of word c / 64), and whether it holds all of
    /// U+4E00…U+9FFF: quick answers for the scalars most text is made of.
    private let asciiBits: (UInt64, UInt64)
    private let allCommonHan: Bool
    /// Every match ends at the line's end (`LinePattern.endsWithAnchor`).
    private let endAnchored: Bool

    /// Lines shorter than this are searched from every admitted start (the guide would cost more than it saves).
    static let minimumLength = 256

    init?(literals: [[UInt32]]?, program: [LinePattern.Instruction], endAnchored: Bool = false) {
        guard let literals, !literals.isEmpty, literals.allSatisfy({ !$0.isEmpty }) else { return nil }
        self.endAnchored = endAnchored
        firsts = ScalarSet.merged(literals.map { $0[0]...$0[0] }).flatMap { [$0.lowerBound, $0.upperBound] }
        firstBits = literals.reduce(0) { $0 | 1 << UInt64($1[0] & 63) }
        scalars = literals.flatMap { $0 }
        bounds = literals.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        var ranges: [ClosedRange<UInt32>] = []
        for instruction in program {
            switch instruction {
            case .scalar(let c): ranges.append(c...c)
            case .set(let set): ranges += set.positiveRanges
            case .any: ranges.append(0...0x10FFFF)
            default: break
            }
        }
        let merged = ScalarSet.merged(ranges)
        let everything = merged.count == 1 && merged[0] == 0...0x10FFFF
        alphabet = everything ? [] : merged.flatMap { [$0.lowerBound, $0.upperBound] }
        var bits: (UInt64, UInt64) = (0, 0)
        for c in UInt32(0)..<0x80 where merged.contains(where: { $0.contains(c) }) {
            if c < 64 { bits.0 |= 1 << UInt64(c) } else { bits.1 |= 1 << UInt64(c - 64) }
        }
        asciiBits = bits
        allCommonHan = merged.contains { $0.lowerBound <= 0x4E00 && $0.upperBound >= 0x9FFF }
    }

    /// Whether `c` is in the alphabet (which is not everything).
    @inline(__always) private func inAlphabet(_ c: UInt32, _ pairs: UnsafeBufferPointer<UInt32>) -> Bool {
        if c < 0x80 { return (c < 64 ? asciiBits.0 >> UInt64(c) : asciiBits.1 >> UInt64(c &- 64)) & 1 != 0 }
        if allCommonHan && c >= 0x4E00 && c <= 0x9FFF { return true }
        return Self.contains(pairs, c)
    }

    /// The intervals of viable starts, in order, into `intervals` (cleared first).
    func viableStarts(in text: UnsafeBufferPointer<UInt32>, into intervals: inout [ClosedRange<Int>]) {
        intervals.removeAll(keepingCapacity: true)
        firsts.withUnsafeBufferPointer { firsts in
            alphabet.withUnsafeBufferPointer { alphabet in
                var from = 0
                if endAnchored && !alphabet.isEmpty {  // only the last run can hold a match
                    from = text.count
                    while from > 0 && inAlphabet(text[from &- 1], alphabet) { from &-= 1 }
                }
                var runStart = from, next = from
                for p in from..<text.count {
                    let c = text[p]
                    if !alphabet.isEmpty && !inAlphabet(c, alphabet) {
                        runStart = p &+ 1
                        continue
                    }
                    guard firstBits & (1 &<< UInt64(c & 63)) != 0, Self.contains(firsts, c),
                          literalOccurs(in: text, at: p) else { continue }
                    let low = max(runStart, next)
                    if let last = intervals.last, last.upperBound &+ 1 == low {
                        intervals[intervals.count - 1] = last.lowerBound...p
                    } else {
                        intervals.append(low...p)
                    }
                    next = p &+ 1
                }
            }
        }
    }

    private func literalOccurs(in text: UnsafeBufferPointer<UInt32>, at p: Int) -> Bool {
        for k in 0..<(bounds.count - 1) {
            let low = bounds[k], count = bounds[k + 1] - low
            guard p + count <= text.count else { continue }
            var same = true
            for j in 0..<count where text[p + j] != scalars[low + j] {
                same = false
                break
            }
            if same { return true }
        }
        return false
    }

    /// Whether `c` is in one of the sorted, disjoint (low, high) pairs (a binary search over the pairs).
    @inline(__always) private static func contains(_ pairs: UnsafeBufferPointer<UInt32>, _ c: UInt32) -> Bool {
        var low = 0, high = pairs.count &>> 1  // the first pair whose high end is at least c
        while low < high {
            let mid = (low &+ high) &>> 1
            if pairs[2 &* mid &+ 1] < c { low = mid &+ 1 } else { high = mid }
        }
        return low < pairs.count &>> 1 && pairs[2 &* low] <= c
    }
}
