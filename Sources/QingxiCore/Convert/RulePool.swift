/// Rules flattened into contiguous arrays (keys, replacements, candidate lists) so that the conversion loop
/// reads them without reference counting. Shared by both engines. Immutable after init.
final class RulePool: @unchecked Sendable {
    private let rules: [TransliterationRule]
    private let keyPool: UnsafeMutableBufferPointer<UInt32>
    private let replacementPool: UnsafeMutableBufferPointer<UInt32>
    /// Per rule: key start, key length, replacement start, replacement length (4 entries a rule).
    private let layout: UnsafeMutableBufferPointer<Int32>
    private let hasContext: UnsafeMutableBufferPointer<Bool>
    /// Candidate lists: `listBounds[2n]..<listBounds[2n+1]` indexes `listPool`, which holds rule indices.
    private let listBounds: UnsafeMutableBufferPointer<Int32>
    private let listPool: UnsafeMutableBufferPointer<Int32>
    /// Per list: a 64-bit filter of the second characters of its longer keys (bit `c & 63`), and the bounds of
    /// its single-character rules in `shortPool`. When the next input character is not in the filter, no longer
    /// key can match and only the single-character rules need a look: the common case in running text.
    private let secondFilter: UnsafeMutableBufferPointer<UInt64>
    private let shortBounds: UnsafeMutableBufferPointer<Int32>
    private let shortPool: UnsafeMutableBufferPointer<Int32>
    /// The list number of each first character that has one.
    let listIndex: [UInt32: Int]
    let maxExpansion: Int

    init(rules: [TransliterationRule], lists: [UInt32: [Int]]) {
        self.rules = rules
        keyPool = .allocate(capacity: max(1, rules.reduce(0) { $0 + $1.key.count }))
        replacementPool = .allocate(capacity: max(1, rules.reduce(0) { $0 + $1.replacement.count }))
        layout = .allocate(capacity: max(1, rules.count * 4))
        hasContext = .allocate(capacity: max(1, rules.count))
        var keyAt = 0
        var replacementAt = 0
        for (r, rule) in rules.enumerated() {
            layout[r * 4] = Int32(keyAt); layout[r * 4 + 1] = Int32(rule.key.count)
            layout[r * 4 + 2] = Int32(replacementAt); layout[r * 4 + 3] = Int32(rule.replacement.count)
            for s in rule.key { keyPool[keyAt] = s; keyAt += 1 }
            for s in rule.replacement { replacementPool[replacementAt] = s; replacementAt += 1 }
            hasContext[r] = rule.hasContext
        }
        let ordered = lists.keys.sorted()
        listBounds = .allocate(capacity: max(1, ordered.count * 2))
        listPool = .allocate(capacity: max(1, lists.values.reduce(0) { $0 + $1.count }))
        var index: [UInt32: Int] = [:]
        var at = 0
        for (n, first) in ordered.enumerated() {
            index[first] = n
            listBounds[n * 2] = Int32(at)
            for r in lists[first]! { listPool[at] = Int32(r); at += 1 }
            listBounds[n * 2 + 1] = Int32(at)
        }
        listIndex = index
        secondFilter = .allocate(capacity: max(1, ordered.count))
        shortBounds = .allocate(capacity: max(1, ordered.count * 2))
        shortPool = .allocate(capacity: max(1, lists.values.reduce(0) { $0 + $1.count }))
        var shortAt = 0
        for (n, first) in ordered.enumerated() {
            var mask: UInt64 = 0
            shortBounds[n * 2] = Int32(shortAt)
            for r in lists[first]! {
                if rules[r].key.count >= 2 {
                    mask |= 1 << (rules[r].key[1] & 63)
                } else {
                    shortPool[shortAt] = Int32(r)
                    shortAt += 1
                }
            }
            secondFilter[n] = mask
            shortBounds[n * 2 + 1] = Int32(shortAt)
        }
        maxExpansion = rules.reduce(1) { max($0, ($1.replacement.count + $1.key.count - 1) / $1.key.count) }
    }

    deinit {
        keyPool.deallocate(); replacementPool.deallocate(); layout.deallocate()
        hasContext.deallocate(); listBounds.deallocate(); listPool.deallocate()
        secondFilter.deallocate(); shortBounds.deallocate(); shortPool.deallocate()
    }

    @inline(__always) func keyLength(_ rule: Int) -> Int { Int(layout[rule * 4 + 1]) }

    /// Whether rule `rule`'s key stands at `input[i...]`.
    @inline(__always)
    func keyMatches(_ rule: Int, _ input: UnsafeBufferPointer<UInt32>, at i: Int) -> Bool {
        let start = Int(layout[rule * 4])
        let length = Int(layout[rule * 4 + 1])
        guard i + length <= input.count else { return false }
        var k = 1  // the first character is the list's own
        while k < length {
            if input[i + k] != keyPool[start + k] { return false }
            k += 1
        }
        return true
    }

    /// Whether rule `rule`'s contexts hold, with `last` the character before the key (converted, for ICU).
    @inline(__always)
    func contextsHold(_ rule: Int, _ input: UnsafeBufferPointer<UInt32>, at i: Int, last: UInt32?) -> Bool {
        guard hasContext[rule] else { return true }
        let r = rules[rule]
        if let before = r.before {
            guard let last, before.contains(last) else { return false }
        }
        return r.afterContextHolds(input, at: i + r.key.count)
    }

    /// The candidates worth trying at `i`: the whole list when the next character may continue a longer key,
    /// else only the single-character rules (order kept in both).
    @inline(__always)
    private func candidates(_ list: Int, _ input: UnsafeBufferPointer<UInt32>, at i: Int) -> (UnsafeMutableBufferPointer<Int32>, Int, Int) {
        if i + 1 < input.count, secondFilter[list] & (1 << (input[i + 1] & 63)) != 0 {
            return (listPool, Int(listBounds[list * 2]), Int(listBounds[list * 2 + 1]))
        }
        return (shortPool, Int(shortBounds[list * 2]), Int(shortBounds[list * 2 + 1]))
    }

    /// ICU's choice: the first rule of list `list`, in rule order, that matches at `i`.
    @inline(__always)
    func firstMatch(list: Int, _ input: UnsafeBufferPointer<UInt32>, at i: Int, last: UInt32) -> Int? {
        var (pool, at, end) = candidates(list, input, at: i)
        while at < end {
            let rule = Int(pool[at])
            if keyMatches(rule, input, at: i) && contextsHold(rule, input, at: i, last: last) { return rule }
            at += 1
        }
        return nil
    }

    /// Calls `body` with every rule of list `list` that matches at `i` (contexts checked on the input).
    @inline(__always)
    func forEachMatch(list: Int, _ input: UnsafeBufferPointer<UInt32>, at i: Int, _ body: (Int) -> Void) {
        var (pool, at, end) = candidates(list, input, at: i)
        let before: UInt32? = i > 0 ? input[i - 1] : nil
        while at < end {
            let rule = Int(pool[at])
            if keyMatches(rule, input, at: i) && contextsHold(rule, input, at: i, last: before) { body(rule) }
            at += 1
        }
    }

    /// Writes rule `rule`'s replacement as UTF-8; updates `last` to its final character.
    @inline(__always)
    func writeReplacement(_ rule: Int, to output: UnsafeMutablePointer<UInt8>, last: inout UInt32) -> Int {
        let start = Int(layout[rule * 4 + 2])
        let length = Int(layout[rule * 4 + 3])
        var written = 0
        for k in 0..<length { written &+= UTF8Decoding.write(replacementPool[start + k], to: output + written) }
        if length > 0 { last = replacementPool[start + length - 1] }
        return written
    }
}
