import CICUShim

/// ICU's Chinese/Japanese segmentation dictionary (the words and costs behind UBRK_WORD's CJK engine), read
/// from the system ICU once per process and laid out for fast prefix walks: a flat table from the first UTF-16
/// unit to its node, then one level of the trie after the other, the children of a node side by side and
/// sorted, so that a step below the first unit is a binary search in a short run of one array.
///
/// Immutable once built and shared by every thread (`shared`). ICU walks the same words in its own string
/// trie, whose branch nodes are searched unit by unit: this layout is what makes `DictionaryWordBreaker` faster.
final class CJKDictionary: @unchecked Sendable {
    /// The tables, side by side in one block of memory (see `CJKDictionaryTables`).
    let tables: CJKDictionaryTables
    /// Node of each first unit (+1; 0: no word starts with it).
    private let firstNode: UnsafePointer<Int32>
    /// Per node: its unit, its cost when a word ends there (-1 otherwise), and where its children start.
    private let units: UnsafePointer<UInt16>
    private let costs: UnsafePointer<Int32>
    /// Children of node n: `childStart[n]..<childStart[n + 1]`.
    private let childStart: UnsafePointer<Int32>
    /// How many words.
    var count: Int { tables.wordCount }

    /// The dictionary of the system ICU, built on first use, or mapped from the copy an earlier run left in the
    /// cache (see `CJKDictionaryTables`); nil when ICU has none that this can read.
    static let shared: CJKDictionary? = {
        if let cached = CJKDictionaryTables.cached() { return CJKDictionary(tables: cached) }
        guard let built = try? CJKDictionary() else { return nil }
        built.tables.storeInCache()
        return built
    }()

    /// Reads ICU's word list and lays it out.
    convenience init() throws {
        var unitsPointer: UnsafeMutablePointer<UInt16>?, endsPointer: UnsafeMutablePointer<Int32>?
        var costsPointer: UnsafeMutablePointer<Int32>?, status: Int32 = 0
        let n = Int(qx_icu_cjk_dictionary(&unitsPointer, &endsPointer, &costsPointer, &status))
        defer { qx_icu_free(unitsPointer); qx_icu_free(endsPointer); qx_icu_free(costsPointer) }
        guard n >= 0, let wordUnits = unitsPointer, let ends = endsPointer, let wordCosts = costsPointer else {
            throw ICUError("udata_open(cjdict)", code: status)
        }
        let words = WordList(units: wordUnits, ends: ends, costs: wordCosts, count: n)
        var layout = LevelLayout()
        layout.build(words, order: words.sortedOrder())
        self.init(tables: CJKDictionaryTables(wordCount: n, firstNode: layout.firstNode, childStart: layout.childStart,
                                              costs: layout.costs, units: layout.units))
    }

    /// A dictionary on tables built here or mapped from the cache.
    init(tables: CJKDictionaryTables) {
        self.tables = tables
        firstNode = tables.firstNode
        childStart = tables.childStart
        costs = tables.costs
        units = tables.units
    }

    /// Calls `found(length, cost)` for every word that starts at `start` in `text` and ends at or before `end`,
    /// shortest first (the order of ICU's dictionary matcher).
    @inline(__always)
    /// The text's values must all be below 0x10000 (one UTF-16 unit each).
    func forEachWord(in text: UnsafeBufferPointer<UInt32>, from start: Int, to end: Int,
                     _ found: (Int, Int32) -> Void) {
        var node = Int(firstNode[Int(text[start])]) - 1
        guard node >= 0 else { return }
        var i = start + 1
        while true {
            let cost = costs[node]
            if cost >= 0 { found(i - start, cost) }
            guard i < end, let next = child(of: node, UInt16(truncatingIfNeeded: text[i])) else { return }
            node = next
            i += 1
        }
    }

    @inline(__always)
    private func child(of node: Int, _ unit: UInt16) -> Int? {
        var low = Int(childStart[node]), high = Int(childStart[node + 1])
        while low < high {
            let mid = (low + high) >> 1
            let found = units[mid]
            if found == unit { return mid }
            if found < unit { low = mid + 1 } else { high = mid }
        }
        return nil
    }
}

/// The words as ICU hands them over: sorted by UTF-16 units, each a run of `units`.
private struct WordList {
    let units: UnsafeMutablePointer<UInt16>
    let ends: UnsafeMutablePointer<Int32>
    let costs: UnsafeMutablePointer<Int32>
    let count: Int

    func start(_ i: Int) -> Int { i == 0 ? 0 : Int(ends[i - 1]) }
    func length(_ i: Int) -> Int { Int(ends[i]) - start(i) }
    func unit(_ i: Int, _ k: Int) -> UInt16 { units[start(i) + k] }

    /// The word indices in unit order: ICU's iterator yields them so; sorted here only if it did not.
    func sortedOrder() -> [Int] {
        let order = Array(0..<count)
        guard (1..<max(1, count)).contains(where: { !precedes($0 - 1, $0) }) else { return order }
        return order.sorted(by: precedes)
    }

    private func precedes(_ a: Int, _ b: Int) -> Bool {
        let x = UnsafeBufferPointer(start: units + start(a), count: length(a))
        let y = UnsafeBufferPointer(start: units + start(b), count: length(b))
        return x.lexicographicallyPrecedes(y)
    }
}

/// Builds the level-by-level layout from the words sorted by units: the distinct prefixes of length d, in word
/// order, are the nodes of level d, and because the words are sorted the children of each node of level d - 1
/// come out side by side and in order.
private struct LevelLayout {
    var firstNode = [Int32](repeating: 0, count: 0x10000)
    var units: [UInt16] = []
    var costs: [Int32] = []
    var childStart: [Int32] = []

    mutating func build(_ words: WordList, order: [Int]) {
        var alive = order.filter { words.length($0) > 0 }
        var nodeOf = [Int32](repeating: -1, count: words.count)
        for w in alive {
            let u = words.unit(w, 0)
            if units.isEmpty || units.last != u { append(u) }
            nodeOf[w] = Int32(units.count - 1)
            firstNode[Int(u)] = Int32(units.count)
            if words.length(w) == 1 { costs[units.count - 1] = words.costs[w] }
        }
        var depth = 1, levelEnd = units.count
        while true {
            alive = alive.filter { words.length($0) > depth }
            var lastParent: Int32 = -1
            for w in alive {
                let parent = nodeOf[w], u = words.unit(w, depth)
                if parent != lastParent {
                    startChildren(through: Int(parent))
                    append(u)
                    lastParent = parent
                } else if units.last != u {
                    append(u)
                }
                nodeOf[w] = Int32(units.count - 1)
                if words.length(w) == depth + 1 { costs[units.count - 1] = words.costs[w] }
            }
            startChildren(through: levelEnd - 1)
            if alive.isEmpty { break }
            levelEnd = units.count
            depth += 1
        }
        startChildren(through: units.count)
    }

    private mutating func append(_ unit: UInt16) {
        units.append(unit)
        costs.append(-1)
    }

    /// Node `node` and every node before it whose children were not placed yet get their children here: the
    /// next node to be appended (an empty range for those without children).
    private mutating func startChildren(through node: Int) {
        while childStart.count <= node { childStart.append(Int32(units.count)) }
    }
}
