/// Finds, among the paragraphs kept so far in one article, the one a new paragraph nearly repeats: the
/// in-article near-duplicate test of `dedup` (`--near`).
///
/// Similarity is measured on the sets of character 3-grams of the two keys: shared grams divided by the grams
/// of the smaller set (the overlap coefficient), so that both "one word changed" and "a note appended" score
/// high. Two guards keep different news apart: the smaller set must have at least half the grams of the larger,
/// and the numbers (digit runs) of the shorter key must appear, in order, among those of the longer, so two
/// paragraphs that differ only in a figure or a date are never near-duplicates. Keys with fewer than
/// `minimumGrams` distinct grams are not compared.
///
/// An inverted index (gram → postings of kept paragraphs) makes a query cost proportional to the grams the
/// paragraph shares with earlier ones (counted in the pass that reads its grams). Each slot carries the stamp of the last query that met it: it removes
/// repeated grams without sorting, and a slot whose stamp is older than the article is empty, so starting an
/// article clears nothing. (A bottom-k sketch index with exact verification was tried instead: paragraphs of
/// one article share topical grams, so most of them became candidates and sorting cost more than it saved.)
/// Memory: about 24 bytes per distinct gram of the article; past `maxPostings` postings in one article,
/// later paragraphs are still compared but no longer added.
struct NearParagraphIndex {
    static let gramLength = 3
    static let minimumGrams = 8
    static let maxPostings = 1 << 22

    struct Match: Equatable {
        /// Position of the matched paragraph among the added ones.
        var entry: Int
        var similarity: Double
    }

    /// One slot of the gram table (16 bytes: one cache access per probe). Empty unless `stamp >= articleStart`.
    private struct Slot {
        var gram: UInt64 = 0
        var head: Int32 = -1
        var stamp: UInt32 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 1024)
    private var usedCount = 0
    private var stamp: UInt32 = 1
    private var articleStart: UInt32 = 1
    // Postings: entry and next posting of the same gram.
    private var postingEntry: [Int32] = []
    private var postingNext: [Int32] = []
    // Added entries: distinct gram count and key (its numbers are read only when a near match needs them).
    private var gramCounts: [Int] = []
    private var keys: [[UInt32]] = []
    // The last looked-up key: its distinct grams' slots, and its numbers once needed.
    private var lastSlots: [Int] = []
    private var lastKey: [UInt32] = []
    private var lastNumbers: [UInt64]?
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
        gramCounts.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
    }

    /// Reads the key's distinct 3-grams (remembered for `addLastLookedUp`) and returns the best earlier
    /// paragraph with similarity ≥ `threshold` (the earliest on a tie), or nil.
    mutating func lookUp(_ key: [UInt32], threshold: Double) -> Match? {
        collectGrams(key)
        lastKey = key
        lastNumbers = nil
        guard lastSlots.count >= Self.minimumGrams else {
            for entry in touched { counts[entry] = 0 }
            touched.removeAll(keepingCapacity: true)
            return nil
        }
        var best: Match?
        for entry in touched {
            let shared = Int(counts[entry])
            counts[entry] = 0
            let smaller = min(gramCounts[entry], lastSlots.count), larger = max(gramCounts[entry], lastSlots.count)
            guard smaller * 2 >= larger, smaller >= Self.minimumGrams else { continue }
            let similarity = Double(shared) / Double(smaller)
            guard similarity >= threshold else { continue }
            if let best, best.similarity > similarity || (best.similarity == similarity && best.entry < entry) { continue }
            let mine = lastKeyNumbers()
            let theirs = Self.numbers(of: keys[entry])
            let (short, long) = gramCounts[entry] <= lastSlots.count ? (theirs, mine) : (mine, theirs)
            if Self.isSubsequence(short, of: long) { best = Match(entry: entry, similarity: similarity) }
        }
        touched.removeAll(keepingCapacity: true)
        return best
    }

    /// Adds the last looked-up key as a kept paragraph; returns its entry position.
    @discardableResult
    mutating func addLastLookedUp() -> Int {
        let entry = gramCounts.count
        gramCounts.append(lastSlots.count)
        keys.append(lastSlots.count >= Self.minimumGrams ? lastKey : [])
        counts.append(0)
        guard lastSlots.count >= Self.minimumGrams, postingEntry.count + lastSlots.count <= Self.maxPostings else { return entry }
        let first = postingEntry.count
        postingEntry.append(contentsOf: repeatElement(Int32(entry), count: lastSlots.count))
        postingNext.append(contentsOf: repeatElement(-1, count: lastSlots.count))
        postingNext.withUnsafeMutableBufferPointer { next in
            slots.withUnsafeMutableBufferPointer { slots in
                for (offset, slot) in lastSlots.enumerated() {
                    next[first + offset] = slots[slot].head
                    slots[slot].head = Int32(first + offset)
                }
            }
        }
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
        var added = 0
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
                                    slots[slot] = Slot(gram: gram, head: -1, stamp: current)
                                    added += 1
                                } else if slots[slot].stamp == current {
                                    continue
                                } else {
                                    slots[slot].stamp = current
                                    var posting = slots[slot].head
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
        (lastSlots, touched) = (found, met)
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
