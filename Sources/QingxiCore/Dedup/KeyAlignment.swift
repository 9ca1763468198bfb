/// How much of one key another one covers: the length of their longest common subsequence (characters shared
/// in order), from which `dedup` reads what a later paragraph adds to a kept one (`added`) and what it leaves
/// out (`dropped`), and whether the two differ in one place only (`inOnePlace`).
///
/// `covers(maxAdded:)` is the near-duplicate contract of `dedup`: the later paragraph adds at most `maxAdded`
/// characters, and it does not replace a phrase. Replacing two or more characters of the kept key by others in
/// one place (雄安自然资源概况 → 雄安社会经济概况, 代理人 → 代理机构) changes the subject, so it is not a copy;
/// one character replaced (a typo, a script-conversion difference), text left out, or a few characters inserted
/// (a credit appended) are. When the keys differ in several places, the later one may insert characters (up to
/// `maxAdded`) or replace at most 2 in all: anything else is kept, being unsure.
///
/// Method: the bit-parallel LCS of Allison and Dix (as in Hyyrö 2004): one bit per character of the kept key,
/// one pass over the later key, each step an AND, an add with carry and an OR over ⌈m/64⌉ words, so a pair of
/// keys costs O(n·⌈m/64⌉) word operations and no table of n·m cells. Exact, not an estimate.
struct KeyAlignment: Equatable {
    /// Characters of the later key not matched in order in the kept key: what it adds of its own.
    var added: Int
    /// Characters of the kept key not matched in the later key.
    var dropped: Int
    /// Length of the longest common subsequence.
    var common: Int
    /// True when everything but one stretch of each key is a shared prefix and suffix.
    var inOnePlace: Bool

    /// Aligns `later` against `kept`.
    init(later: [UInt32], kept: [UInt32]) {
        let common = Self.lcsLength(later, kept)
        (added, dropped, self.common) = (later.count - common, kept.count - common, common)
        var prefix = 0
        while prefix < min(later.count, kept.count) && later[prefix] == kept[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(later.count, kept.count) - prefix && later[later.count - 1 - suffix] == kept[kept.count - 1 - suffix] {
            suffix += 1
        }
        inOnePlace = prefix + suffix == common
    }

    /// The near-duplicate contract (see the type's comment).
    func covers(maxAdded: Int) -> Bool {
        guard added <= maxAdded else { return false }
        if inOnePlace { return added <= 1 || dropped == 0 }
        return dropped == 0 || added <= 2
    }

    /// The share of the kept key that the later one repeats, in order (1 when it repeats all of it, whatever it
    /// adds: what it adds is `added`).
    var similarity: Double {
        let kept = common + dropped
        return kept == 0 ? 1 : Double(common) / Double(kept)
    }

    /// LCS length of `a` and `b`, with one bit per character of `b`.
    static func lcsLength(_ a: [UInt32], _ b: [UInt32]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let words = (b.count + 63) / 64
        // Match masks: for each distinct character of `b`, the bits of its positions.
        var rows: [UInt32: Int] = [:]
        var masks: [UInt64] = []
        rows.reserveCapacity(b.count)
        for (position, value) in b.enumerated() {
            let row: Int
            if let known = rows[value] {
                row = known
            } else {
                row = masks.count / words
                rows[value] = row
                masks.append(contentsOf: repeatElement(0, count: words))
            }
            masks[row * words + position / 64] |= 1 << UInt64(position % 64)
        }
        var v = [UInt64](repeating: ~0, count: words)
        masks.withUnsafeBufferPointer { masks in
            v.withUnsafeMutableBufferPointer { v in
                for value in a {
                    guard let row = rows[value] else { continue }  // no match: V is unchanged
                    step(v, masks, from: row * words)
                }
            }
        }
        // Zeros among the first b.count bits of V: the LCS length.
        var ones = 0
        for (i, word) in v.enumerated() {
            let valid = i == words - 1 && b.count % 64 != 0 ? (UInt64(1) << UInt64(b.count % 64)) - 1 : ~UInt64(0)
            ones += (word & valid).nonzeroBitCount
        }
        return b.count - ones
    }

    /// V ← (V + (V & M)) | (V & ~M), the add carrying across words.
    @inline(__always)
    private static func step(_ v: UnsafeMutableBufferPointer<UInt64>, _ masks: UnsafeBufferPointer<UInt64>, from base: Int) {
        var carry: UInt64 = 0
        for i in 0..<v.count {
            let m = masks[base + i], x = v[i]
            let u = x & m
            let (sum1, o1) = x.addingReportingOverflow(u)
            let (sum2, o2) = sum1.addingReportingOverflow(carry)
            carry = (o1 || o2) ? 1 : 0
            v[i] = sum2 | (x & ~m)
        }
    }
}
