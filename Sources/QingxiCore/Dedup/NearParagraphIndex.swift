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
/// paragraph shares with earlier ones. Memory: about 16 bytes per gram of the article's kept paragraphs; past
/// `maxPostings` grams in one article, later paragraphs are still compared but no longer added.
struct NearParagraphIndex {
    static let gramLength = 3
    static let minimumGrams = 8
    static let maxPostings = 1 << 22

    struct Match: Equatable {
        /// Position of the matched paragraph among the added ones.
        var entry: Int
        var similarity: Double
    }

    private struct Entry {
        var gramCount: Int
        var numbers: [UInt64]
    }

    private var entries: [Entry] = []
    private var slots: [UInt64]
    private var heads: [Int32]
    private var usedSlots: [Int] = []
    private var postingEntry: [Int32] = []
    private var postingNext: [Int32] = []
    private var counts: [Int32] = []
    private var touched: [Int32] = []

    init() {
        slots = [UInt64](repeating: 0, count: 1024)
        heads = [Int32](repeating: -1, count: 1024)
    }

    /// Forgets every paragraph (start of a new article); keeps the allocated tables.
    mutating func reset() {
        for slot in usedSlots {
            slots[slot] = 0
            heads[slot] = -1
        }
        usedSlots.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        postingEntry.removeAll(keepingCapacity: true)
        postingNext.removeAll(keepingCapacity: true)
    }

    /// The distinct 3-grams of a key, each packed exactly into 63 bits (three 21-bit scalars), sorted.
    static func grams(of key: [UInt32]) -> [UInt64] {
        guard key.count >= gramLength else { return [] }
        var grams = [UInt64](repeating: 0, count: key.count - gramLength + 1)
        for i in grams.indices {
            grams[i] = UInt64(key[i]) << 42 | UInt64(key[i + 1]) << 21 | UInt64(key[i + 2])
        }
        grams.sort()
        var unique = 0
        for g in grams where unique == 0 || grams[unique - 1] != g {
            grams[unique] = g
            unique += 1
        }
        grams.removeLast(grams.count - unique)
        return grams
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
                current = 0
                inRun = false
            }
        }
        if inRun { result.append(current) }
        return result
    }

    /// The best earlier paragraph with similarity ≥ `threshold` (the earliest one on a tie), or nil.
    mutating func bestMatch(grams: [UInt64], numbers: [UInt64], threshold: Double) -> Match? {
        guard grams.count >= Self.minimumGrams, !entries.isEmpty else { return nil }
        if counts.count < entries.count { counts.append(contentsOf: repeatElement(0, count: entries.count - counts.count)) }
        for gram in grams {
            var posting = heads[findSlot(gram)]
            while posting >= 0 {
                let entry = Int(postingEntry[Int(posting)])
                if counts[entry] == 0 { touched.append(Int32(entry)) }
                counts[entry] += 1
                posting = postingNext[Int(posting)]
            }
        }
        var best: Match?
        for entry in touched.map(Int.init).sorted() {
            let shared = Int(counts[entry])
            counts[entry] = 0
            let other = entries[entry]
            let smaller = min(other.gramCount, grams.count), larger = max(other.gramCount, grams.count)
            guard smaller * 2 >= larger, smaller >= Self.minimumGrams else { continue }
            let similarity = Double(shared) / Double(smaller)
            guard similarity >= threshold, similarity > (best?.similarity ?? 0) else { continue }
            let (short, long) = other.gramCount <= grams.count ? (other.numbers, numbers) : (numbers, other.numbers)
            if Self.isSubsequence(short, of: long) { best = Match(entry: entry, similarity: similarity) }
        }
        touched.removeAll(keepingCapacity: true)
        return best
    }

    /// Adds a kept paragraph; returns its entry position.
    @discardableResult
    mutating func add(grams: [UInt64], numbers: [UInt64]) -> Int {
        let entry = entries.count
        entries.append(Entry(gramCount: grams.count, numbers: numbers))
        guard grams.count >= Self.minimumGrams, postingEntry.count + grams.count <= Self.maxPostings else { return entry }
        if (usedSlots.count + grams.count) * 2 > slots.count { growTable(toFit: usedSlots.count + grams.count) }
        for gram in grams {
            let slot = findSlot(gram)
            if slots[slot] == 0 {
                slots[slot] = gram
                usedSlots.append(slot)
            }
            postingEntry.append(Int32(entry))
            postingNext.append(heads[slot])
            heads[slot] = Int32(postingEntry.count - 1)
        }
        return entry
    }

    static func isSubsequence(_ short: [UInt64], of long: [UInt64]) -> Bool {
        var index = 0
        for value in long where index < short.count && short[index] == value { index += 1 }
        return index == short.count
    }

    /// The slot holding `gram`, or the empty slot where it would go (linear probing, power-of-two table).
    @inline(__always)
    private func findSlot(_ gram: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (gram &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while slots[slot] != 0 && slots[slot] != gram { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func growTable(toFit needed: Int) {
        var capacity = slots.count
        while needed * 2 > capacity { capacity *= 2 }
        let oldSlots = usedSlots.map { (slots[$0], heads[$0]) }
        slots = [UInt64](repeating: 0, count: capacity)
        heads = [Int32](repeating: -1, count: capacity)
        usedSlots.removeAll(keepingCapacity: true)
        for (gram, head) in oldSlots {
            let slot = findSlot(gram)
            slots[slot] = gram
            heads[slot] = head
            usedSlots.append(slot)
        }
    }
}
