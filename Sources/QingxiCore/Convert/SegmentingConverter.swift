/// The default conversion engine: ICU's rules plus qingxi's corrections, applied by segmentation instead of
/// ICU's first match. Each paragraph is cut into the fewest segments, where a segment is a rule key (ICU's
/// phrases and characters, correction phrases, word entries) or any single character; among equally few,
/// the longer first segment wins (forward-longest). So 经理发现 becomes 经理|发现 — not ICU's 经|理发|现 — when
/// 经理 is a known word, and 表明了 stays 表明|了.
///
/// Contexts of all rules (ICU's included) are checked on the input, not on converted text: 两只鸡 gives 兩隻雞
/// like 三只鸡 gives 三隻雞. Single characters use ICU's table, overridden by single-character corrections.
public final class SegmentingConverter: ScalarConverting, @unchecked Sendable {
    private let pool: RulePool
    private let table: UnsafeMutablePointer<UInt32>
    private var highTable: [UInt32: UInt32] = [:]
    private var listOf: UnsafeMutablePointer<Int32>
    private var cost: [Int32] = []
    private var choice: [Int32] = []
    public var maxExpansion: Int { pool.maxExpansion }
    static let tableSize = CompiledTransliterator.tableSize

    /// With `dictionary`, an ICU phrase may not cross a word boundary the dictionary is sure of (see
    /// `crossesWords`); qingxi's own entries are trusted as they are.
    public convenience init(icuRules: [TransliterationRule], corrections: CorrectionRules) {
        self.init(icuRules: icuRules, corrections: corrections, dictionary: nil)
    }

    init(icuRules: [TransliterationRule], corrections: CorrectionRules, dictionary: CJKDictionary?) {
        self.dictionary = dictionary
        table = .allocate(capacity: Self.tableSize)
        listOf = .allocate(capacity: Self.tableSize)
        for i in 0..<Self.tableSize { table[i] = UInt32(i); listOf[i] = -1 }
        let rules = Self.merge(icuRules, corrections, table: table, highTable: &highTable)
        var lists: [UInt32: [Int]] = [:]
        for (index, rule) in rules.enumerated() { lists[rule.key[0], default: []].append(index) }
        pool = RulePool(rules: rules, lists: lists)
        self.rules = rules
        if dictionary != nil {  // without one nothing is checked, and building the sets costs start-up time
            let icuKeys = Set(icuRules.filter { $0.key.count > 1 }.map(\.identity))
            let correctedKeys = Set(corrections.entries.map(\.rule.identity))
            guarded = rules.map { $0.key.count > 1 && icuKeys.contains($0.identity) && !correctedKeys.contains($0.identity) }
        } else {
            guarded = []
        }
        var high: [UInt32: Int32] = [:]
        for (first, n) in pool.listIndex {
            if first < Self.tableSize { listOf[Int(first)] = Int32(n) } else { high[first] = Int32(n) }
        }
        highLists = high
    }

    private var highLists: [UInt32: Int32] = [:]
    private let dictionary: CJKDictionary?
    /// Per rule: an ICU phrase, checked against the dictionary's word boundaries.
    private let guarded: [Bool]
    /// The merged rules, for `changeStarts`.
    private let rules: [TransliterationRule]

    /// Where conversion may change a text: every scalar the table converts (one scalar each), and the first
    /// one or two scalars of the rules (phrases, context rules) that replace a key made only of characters the
    /// table keeps; nil when a rule's key or context holds a space (see `MatchingView.changeStarts()`). A text
    /// holding none of them converts to itself: each segment is then a character the table keeps, a rule that
    /// writes its own key, or a rule whose key would hold something absent.
    public func changeStarts() -> Set<[UInt32]>? {
        guard !rules.contains(where: Self.readsSpace) else { return nil }
        let table = table, highTable = highTable
        func kept(_ s: UInt32) -> Bool { s < Self.tableSize ? table[Int(s)] == s : (highTable[s] ?? s) == s }
        var starts = Set(rules.filter { $0.replacement != $0.key && $0.key.allSatisfy(kept) }.map { Array($0.key.prefix(2)) })
        for i in 0..<Self.tableSize where table[i] != UInt32(i) { starts.insert([UInt32(i)]) }
        for (scalar, value) in highTable where value != scalar { starts.insert([scalar]) }
        return starts
    }

    /// Whether a rule's key or contexts hold a space.
    private static func readsSpace(_ rule: TransliterationRule) -> Bool {
        if rule.key.contains(0x20) || rule.before?.contains(0x20) == true { return true }
        switch rule.after {
        case .none: return false
        case .set(let set): return set.contains(0x20)
        case .literal(let literal): return literal.contains(0x20)
        }
    }

    deinit {
        table.deallocate()
        listOf.deallocate()
    }

    /// Whether converting `input` may change it: some scalar converts alone or starts a rule. False lets a
    /// pass of a chain (a regional table) hand the text on without segmenting it.
    func mayChange(_ input: UnsafeBufferPointer<UInt32>) -> Bool {
        for s in input {
            if s < Self.tableSize {
                if table[Int(s)] != s || listOf[Int(s)] >= 0 { return true }
            } else if highTable[s] != nil || highLists[s] != nil {
                return true
            }
        }
        return false
    }

    /// The rules that take part in segmentation: every rule with a longer key or a context, corrections first
    /// (a correction replaces an ICU rule with the same key and contexts). Plain single-character rules go to the
    /// table instead; word entries get their replacement from the finished table.
    static func merge(_ icu: [TransliterationRule], _ corrections: CorrectionRules, table: UnsafeMutablePointer<UInt32>,
                      highTable: inout [UInt32: UInt32]) -> [TransliterationRule] {
        func set(_ s: UInt32, _ v: UInt32) { if s < tableSize { table[Int(s)] = v } else { highTable[s] = v } }
        func get(_ s: UInt32) -> UInt32 { s < tableSize ? table[Int(s)] : (highTable[s] ?? s) }
        var seen = Set<[UInt32]>()
        for rule in icu where rule.key.count == 1 && !rule.hasContext && rule.replacement.count == 1 {
            if seen.insert(rule.key).inserted { set(rule.key[0], rule.replacement[0]) }
        }
        // Candidate order decides ties between segments of equal cost and length: context rules first
        // (corrections, then ICU's), then plain entries (corrections, then ICU's).
        var corrected: [TransliterationRule] = []
        var index: [TransliterationRule.Identity: Int] = [:]
        func identity(_ r: TransliterationRule) -> TransliterationRule.Identity { r.identity }
        for entry in corrections.entries {
            var rule = entry.rule
            if entry.isWord { rule.replacement = [] }
            if rule.key.count == 1 && rule.replacement.count == 1 && !rule.hasContext && !entry.isWord { set(rule.key[0], rule.replacement[0]); continue }
            if let at = index[identity(rule)] { corrected[at] = rule } else { index[identity(rule)] = corrected.count; corrected.append(rule) }
        }
        for i in corrected.indices where corrected[i].replacement.isEmpty { corrected[i].replacement = corrected[i].key.map(get) }
        let icuCandidates = icu.filter { ($0.key.count > 1 || $0.hasContext || $0.replacement.count != 1) && index[identity($0)] == nil }
        let merged = corrected.filter(\.hasContext) + icuCandidates.filter(\.hasContext)
            + corrected.filter { !$0.hasContext } + icuCandidates.filter { !$0.hasContext }
        return merged
    }

    public func convert(_ input: UnsafeBufferPointer<UInt32>, into output: UnsafeMutablePointer<UInt8>) -> Int {
        let n = input.count
        if cost.count < n + 1 {
            cost = [Int32](repeating: 0, count: n + 1)
            choice = [Int32](repeating: -1, count: n + 1)
        }
        return cost.withUnsafeMutableBufferPointer { cost in
            choice.withUnsafeMutableBufferPointer { choice in
                segment(input, cost: cost, choice: choice)
                return emit(input, choice: choice, into: output)
            }
        }
    }

    /// Backward pass: cost[i] = fewest segments for input[i...]; choice[i] = the rule starting the best
    /// segmentation at i (-1: a single character).
    private func segment(_ input: UnsafeBufferPointer<UInt32>, cost: UnsafeMutableBufferPointer<Int32>,
                         choice: UnsafeMutableBufferPointer<Int32>) {
        let n = input.count
        cost[n] = 0
        var i = n - 1
        while i >= 0 {
            var best = cost[i + 1] &+ 1
            var bestRule: Int32 = -1
            var bestLength = 0  // a rule of equal cost beats the plain single character
            let scalar = input[i]
            let list = scalar < Self.tableSize ? listOf[Int(scalar)] : (highLists[scalar] ?? -1)
            if list >= 0 {
                pool.forEachMatch(list: Int(list), input, at: i) { rule in
                    let length = pool.keyLength(rule)
                    if let dictionary, guarded[rule], Self.crossesWords(input, i, i + length, dictionary) { return }
                    let c = cost[i + length] &+ 1
                    if c < best || (c == best && length > bestLength) {
                        best = c
                        bestRule = Int32(rule)
                        bestLength = length
                    }
                }
            }
            cost[i] = best
            choice[i] = bestRule
            i -= 1
        }
    }

    /// Whether ICU's word segmentation (the dictionary's cheapest path, a character without a one-character word
    /// costing 255) of the Han text around the phrase `input[start..<end]` has a word of two characters or more
    /// that overlaps the phrase without holding it: 机制|作为 around 制作, 一头|发现 around 头发, 电子|表单
    /// around 电子表. The phrase's reading then belongs to no word of the sentence, so it is not applied. The
    /// window reaches four characters to each side.
    static func crossesWords(_ input: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int, _ dictionary: CJKDictionary) -> Bool {
        var from = start, to = end
        for k in start..<end where !isHan(input[k]) { return false }
        while from > 0 && start - from < 4 && isHan(input[from - 1]) { from -= 1 }
        while to < input.count && to - end < 4 && isHan(input[to]) { to += 1 }
        let n = to - from
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * (n + 1)) { buffer in
            let cost = buffer.baseAddress!, previous = cost + n + 1
            cost[0] = 0
            for k in 1...n { cost[k] = Int32.max }
            for k in 0..<n where cost[k] != Int32.max {
                if cost[k] + 255 < cost[k + 1] { cost[k + 1] = cost[k] + 255; previous[k + 1] = Int32(k) }
                dictionary.forEachWord(in: input, from: from + k, to: to) { length, wordCost in
                    let c = cost[k] + wordCost
                    if c < cost[k + length] { cost[k + length] = c; previous[k + length] = Int32(k) }
                }
            }
            var k = n
            while k > 0 {
                let wordStart = from + Int(previous[k]), wordEnd = from + k
                if wordEnd - wordStart >= 2 {
                    if wordStart < start && wordEnd > start && wordEnd < end { return true }
                    if wordStart > start && wordStart < end && wordEnd > end { return true }
                }
                k = Int(previous[k])
            }
            return false
        }
    }

    @inline(__always)
    private static func isHan(_ s: UInt32) -> Bool { (0x3400...0x9FFF).contains(s) }

    /// Forward pass: writes the chosen segments.
    private func emit(_ input: UnsafeBufferPointer<UInt32>, choice: UnsafeMutableBufferPointer<Int32>,
                      into output: UnsafeMutablePointer<UInt8>) -> Int {
        var i = 0
        var written = 0
        var last: UInt32 = 0
        while i < input.count {
            let rule = Int(choice[i])
            if rule >= 0 {
                written &+= pool.writeReplacement(rule, to: output + written, last: &last)
                i &+= pool.keyLength(rule)
            } else {
                let s = input[i]
                written &+= UTF8Decoding.write(s < Self.tableSize ? table[Int(s)] : (highTable[s] ?? s), to: output + written)
                i &+= 1
            }
        }
        return written
    }
}
