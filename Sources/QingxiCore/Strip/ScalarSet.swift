/// A set of Unicode scalar values given as ranges: a pattern's `[…]` class or a shorthand (`\s`, `\d`, `\h`).
struct ScalarSet: Equatable, Sendable {
    var ranges: [ClosedRange<UInt32>]
    var negated: Bool

    func contains(_ c: UInt32) -> Bool {
        var found = false
        for range in ranges where range.contains(c) {
            found = true
            break
        }
        return found != negated
    }

    /// The scalars the set holds, as sorted, disjoint ranges (the complement's ranges for a negated set).
    var positiveRanges: [ClosedRange<UInt32>] {
        let merged = Self.merged(ranges)
        guard negated else { return merged }
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in merged {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = range.upperBound + 1
        }
        if next <= 0x10FFFF { result.append(next...0x10FFFF) }
        return result
    }

    /// `ranges` sorted, with overlapping and adjacent ranges joined.
    static func merged(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound &+ 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// The single scalars of a small, non-negated class (`[：:]` → `：`, `:`; at most 8), for literal extraction.
    var smallMembers: [UInt32]? {
        guard !negated, !contains(0x20) else { return nil }  // white space makes a useless prefilter literal
        var members: [UInt32] = []
        for range in ranges {
            guard range.count <= 8 else { return nil }
            members += Array(range)
        }
        return members.count <= 8 ? members : nil
    }

    /// White space as it appears in the matching view (the ideographic space is folded to ' ' there,
    /// but is listed too for unfolded text).
    static let space = ScalarSet(ranges: [0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x3000...0x3000], negated: false)
    static let digit = ScalarSet(ranges: [0x30...0x39], negated: false)
    /// CJK unified ideographs, extension A, compatibility ideographs and the supplementary planes' extensions.
    static let han = ScalarSet(
        ranges: [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F, 0x3007...0x3007],
        negated: false)

    /// `\s \d \h` and their complements `\S \D \H`, or nil for any other escape letter.
    static func shorthand(_ c: UInt32) -> ScalarSet? {
        switch c {
        case 0x73: return space
        case 0x64: return digit
        case 0x68: return han
        case 0x53: return ScalarSet(ranges: space.ranges, negated: true)
        case 0x44: return ScalarSet(ranges: digit.ranges, negated: true)
        case 0x48: return ScalarSet(ranges: han.ranges, negated: true)
        default: return nil
        }
    }

    /// True for a Han ideograph (what "length in CJK characters" counts).
    @inline(__always) static func isHan(_ c: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(c) || (0x3400...0x4DBF).contains(c) || (0xF900...0xFAFF).contains(c)
            || (0x20000...0x3134F).contains(c)
    }
}
