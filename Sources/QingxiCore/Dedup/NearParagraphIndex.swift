/// Finds, among the body paragraphs kept so far in one article, one that covers a new paragraph: the
/// in-article near-duplicate test of `dedup` (`--near`).
///
/// Contract: a match is a kept paragraph that covers the new one (`KeyAlignment.covers`: it adds at most
/// `maxAdded` key characters of its own and replaces no phrase), of which the new one repeats at least
/// `threshold` in order (`KeyAlignment.similarity`), and whose numbers (digit runs) include, in order, all of
/// the new one's: a paragraph that changes or adds a figure or a date is never a near-duplicate. Among the candidates checked, the one the new paragraph adds least to
/// wins (then the most similar, then the earliest). Keys with fewer than `minimumGrams` distinct 3-grams are
/// neither looked up nor added.
///
/// Cost: candidates come from an inverted index (character 3-gram → postings of kept paragraphs) in which a
/// gram stops collecting postings once `postingCap` kept paragraphs have it: such a gram is common in this
/// article (a table's column names, a list's shared wording) and says nothing about which paragraph a new one
/// repeats. A query therefore touches at most `postingCap` postings per gram, and only the `verifyLimit`
/// entries sharing the most rare grams are aligned, so the cost of a paragraph does not grow with the length
/// of the article. A paragraph made only of common grams finds no candidate and is kept ("when unsure, keep"),
/// and so is one whose alignments would exceed `alignmentBudget` (paragraphs of tens of thousands of characters).
/// Each slot carries the stamp of the last query that met it: it removes repeated grams without sorting, and
/// a slot whose stamp is older than the article is empty, so starting an article clears nothing.
/// Memory: about 24 bytes per distinct gram of the article plus the keys of indexed paragraphs; past
/// `maxPostings` postings in one article, later paragraphs are still compared but no longer added.
struct NearParagraphIndex {
    static let gramLength = 3
    static let minimumGrams = 8
    static let maxPostings = 1 << 22
    static let postingCap: Int32 = 32
    static let verifyLimit = 4
    /// Word operations of `KeyAlignment` allowed per lookup (about 10 ms): two paragraphs of 30,000 characters.
    static let alignmentBudget = 1 << 24

    struct Match: Equatable {
        /// Position of the matched paragraph among the added ones.
        var entry: Int
        var alignment: KeyAlignment
    }

    /// One slot of the gram table. Empty unless `stamp >= articleStart`. `count`: added entries with the gram
    /// (postings are kept for the first `postingCap` only).
    private struct Slot {
        var gram: UInt64 = 0
        var head: Int32 = -1
        var stamp: UInt32 = 0
        var count: Int32 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 1024)
    private var usedCount = 0
    private var stamp: UInt32 = 1
    private var articleStart: UInt32 = 1
    // Postings: entry and next posting of the same gram.
    private var postingEntry: [Int32] = []
    private var postingNext: [Int32] = []
    // Added entries: key (its numbers are read only when a near match needs them).
    private var keys: [[UInt32]] = []
    // The last looked-up key: its distinct grams' slots, and its numbers once needed.
    private var lastSlots: [Int] = []
    private var lastKey: [UInt32] = []
    private var lastNumbers: [UInt64]?
    /// Distinct grams of the last key that are common (not followed).
    private var lastCommon = 0
    private var counts: [Int32] = []
    private var touched: [Int] = []

    init() {}

    /// Forgets every paragraph (start of a new article); keeps the allocated tables.
    mutating func reset() {
        if slots.count > 8192 && usedCount * 8 < slots.count {
            // A long article grew the table; a sparse big table costs cache misses on every later article.
            slots = [Slot](repeating: Slot(), count: max(1024, 1 << (64 - (usedCount * 4).leadingZeroBitCount)))
            (stamp, articleStart) = (1, 1)
        } else {
            nextStamp()
            articleStart = stamp
        }
        usedCount = 0
        postingEntry.removeAll(keepingCapacity: true)
        postingNext.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
    }

    /// Reads the key's distinct 3-grams (remembered for `addLastLookedUp`) and returns the kept paragraph that
    /// covers it (see the type's contract), or nil.
    mutating func lookUp(_ key: [UInt32], threshold: Double, maxAdded: Int) -> Match? {
        collectGrams(key)
        lastKey = key
        lastNumbers = nil
        defer {
            for entry in touched { counts[entry] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        guard lastSlots.count >= Self.minimumGrams else { return nil }
        var best: Match?
        var budget = Self.alignmentBudget
        for entry in mostShared(threshold: threshold, maxAdded: maxAdded) {
            // Two huge paragraphs would cost seconds to align: past the budget, keep (when unsure, keep).
            budget -= key.count * ((keys[entry].count + 63) / 64)
            guard budget >= 0 else { break }
            let alignment = KeyAlignment(later: key, kept: keys[entry])
            guard alignment.covers(maxAdded: maxAdded), alignment.similarity >= threshold else { continue }
            if let best, best.alignment.added < alignment.added
                || (best.alignment.added == alignment.added && best.alignment.similarity >= alignment.similarity) { continue }
            if Self.isSubsequence(lastKeyNumbers(), of: Self.numbers(of: keys[entry])) {
                best = Match(entry: entry, alignment: alignment)
            }
        }
        return best
    }

    /// The touched entries (at most `verifyLimit`, in entry order) that share the most rare grams with the last
    /// key, among those that could cover it: a length that lets the last key pass (at least `threshold` of
    /// theirs, at most `maxAdded` more), and enough shared grams. Each added character breaks at most 3 grams of
    /// the key and each gap left by a dropped one at most 2, so a covering paragraph shares every rare gram of
    /// the key but `3·maxAdded + 2·dropped` (the common ones are not counted): an exact bound, not a guess, and
    /// it spares the alignment of paragraphs that merely share some wording.
    private func mostShared(threshold: Double, maxAdded: Int) -> [Int] {
        var top: [(shared: Int32, entry: Int)] = []
        let length = lastKey.count
        for entry in touched {
            let kept = keys[entry].count
            guard length <= kept + maxAdded, Double(length) >= threshold * Double(kept) else { continue }
            let dropped = Int(((1 - threshold) * Double(kept)).rounded(.up))
            guard Int(counts[entry]) >= lastSlots.count - lastCommon - 3 * maxAdded - 2 * dropped else { continue }
            let candidate = (shared: counts[entry], entry: entry)
            if top.count < Self.verifyLimit {
                top.append(candidate)
            } else if let worst = top.indices.min(by: { Self.ranksBelow(top[$0], top[$1]) }), Self.ranksBelow(top[worst], candidate) {
                top[worst] = candidate
            }
        }
        return top.map(\.entry).sorted()
    }

    /// More shared grams rank higher; on a tie, the earlier entry.
    private static func ranksBelow(_ a: (shared: Int32, entry: Int), _ b: (shared: Int32, entry: Int)) -> Bool {
        a.shared < b.shared || (a.shared == b.shared && a.entry > b.entry)
    }

    /// Adds the last looked-up key as a kept paragraph; returns its entry position.
    @discardableResult
    mutating func addLastLookedUp() -> Int {
        let entry = keys.count
        keys.append(lastSlots.count >= Self.minimumGrams ? lastKey : [])
        counts.append(0)
        guard lastSlots.count >= Self.minimumGrams, postingEntry.count + lastSlots.count <= Self.maxPostings else { return entry }
        // Room for every gram, filled through pointers, then trimmed to the grams that still take postings.
        let first = postingEntry.count
        postingEntry.append(contentsOf: repeatElement(Int32(entry), count: lastSlots.count))
        postingNext.append(contentsOf: repeatElement(-1, count: lastSlots.count))
        var used = 0
        postingNext.withUnsafeMutableBufferPointer { next in
            slots.withUnsafeMutableBufferPointer { slots in
                for slot in lastSlots {
                    slots[slot].count &+= 1
                    guard slots[slot].count <= Self.postingCap else { continue }
                    next[first + used] = slots[slot].head
                    slots[slot].head = Int32(first + used)
                    used += 1
                }
            }
        }
        postingEntry.removeLast(lastSlots.count - used)
        postingNext.removeLast(lastSlots.count - used)
        return entry
    }

    private mutating func lastKeyNumbers() -> [UInt64] {
        if let lastNumbers { return lastNumbers }
        let computed = Self.numbers(of: lastKey)
        lastNumbers = computed
        return computed
    }

    private mutating func nextStamp() {
        stamp &+= 1
        if stamp == 0 {
            // After 2³² queries: start over with an empty table.
            slots = [Slot](repeating: Slot(), count: slots.count)
            (stamp, articleStart, usedCount) = (1, 1, 0)
            postingEntry.removeAll(keepingCapacity: true)
            postingNext.removeAll(keepingCapacity: true)
        }
    }

    /// Puts the key's distinct grams in `lastSlots`, inserting absent grams with no postings, and counts per
    /// added entry the grams it shares with the key (the entries met go to `touched`), in the same pass.
    private mutating func collectGrams(_ key: [UInt32]) {
        lastSlots.removeAll(keepingCapacity: true)
        guard key.count >= Self.gramLength else { return }
        if (usedCount + key.count) * 2 > slots.count { growTable(toFit: usedCount + key.count) }
        nextStamp()
        var found = lastSlots, met = touched
        (lastSlots, touched) = ([], [])
        found.reserveCapacity(key.count)
        let mask = slots.count - 1
        let (current, start) = (stamp, articleStart)
        var added = 0, common = 0
        key.withUnsafeBufferPointer { k in
            slots.withUnsafeMutableBufferPointer { slots in
                postingEntry.withUnsafeBufferPointer { entries in
                    postingNext.withUnsafeBufferPointer { next in
                        counts.withUnsafeMutableBufferPointer { counts in
                            for i in 0...(k.count - Self.gramLength) {
                                let gram = UInt64(k[i]) << 42 | UInt64(k[i + 1]) << 21 | UInt64(k[i + 2])
                                var slot = Self.home(gram, mask)
                                while slots[slot].stamp >= start && slots[slot].gram != gram { slot = (slot + 1) & mask }
                                if slots[slot].stamp < start {
                                    slots[slot] = Slot(gram: gram, head: -1, stamp: current, count: 0)
                                    added += 1
                                } else if slots[slot].stamp == current {
                                    continue
                                } else {
                                    slots[slot].stamp = current
                                    // A common gram (more kept paragraphs than postingCap have it) is not followed.
                                    var posting = slots[slot].head
                                    if slots[slot].count > Self.postingCap { (posting, common) = (-1, common + 1) }
                                    while posting >= 0 {
                                        let entry = Int(entries[Int(posting)])
                                        if counts[entry] == 0 { met.append(entry) }
                                        counts[entry] += 1
                                        posting = next[Int(posting)]
                                    }
                                }
                                found.append(slot)
                            }
                        }
                    }
                }
            }
        }
        usedCount += added
        (lastSlots, touched, lastCommon) = (found, met, common)
    }

    /// The digit runs of a key, each folded into a 64-bit value (digits and run length).
    static func numbers(of key: [UInt32]) -> [UInt64] {
        var result: [UInt64] = []
        var current: UInt64 = 0
        var inRun = false
        for value in key {
            if value >= 0x30 && value <= 0x39 {
                current = current &* 11 &+ UInt64(value - 0x2F)
                inRun = true
            } else if inRun {
                result.append(current)
                (current, inRun) = (0, false)
            }
        }
        if inRun { result.append(current) }
        return result
    }

    static func isSubsequence(_ short: [UInt64], of long: [UInt64]) -> Bool {
        var index = 0
        for value in long where index < short.count && short[index] == value { index += 1 }
        return index == short.count
    }

    @inline(__always)
    private static func home(_ gram: UInt64, _ mask: Int) -> Int {
        // The top bits of the product depend on all three characters of the gram.
        Int(truncatingIfNeeded: (gram &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - mask.nonzeroBitCount))
    }

    /// Doubles the table until `needed` slots fit at half load, moving the article's slots (stamps kept).
    private mutating func growTable(toFit needed: Int) {
        var capacity = slots.count
        while needed * 2 > capacity { capacity *= 2 }
        let old = slots.filter { $0.stamp >= articleStart }
        slots = [Slot](repeating: Slot(), count: capacity)
        let mask = capacity - 1
        for entry in old {
            var slot = Self.home(entry.gram, mask)
            while slots[slot].stamp >= articleStart { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
