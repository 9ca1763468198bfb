/// ICU's transliteration semantics, compiled into lookup tables: byte-identical to `utrans` on the same rules.
///
/// At each position the first rule (in rule order) whose key matches there, and whose contexts hold, wins; the
/// cursor then moves past the key. A before-context is checked against the text already converted (the last
/// output character), an after-context against the input ahead — exactly as ICU does, including its quirks
/// (两只鸡 → 兩只雞, because 两 is already 兩 when the rule for 只 looks back).
///
/// Characters with only a context-free single-character rule are converted by a flat table lookup; characters
/// that start a longer or a contextual rule carry a flag and the index of their candidate list in `RulePool`.
public final class CompiledTransliterator: ScalarConverting, @unchecked Sendable {
    /// Code points below this have a flat table entry; the rest go through `highTable`.
    static let tableSize = 0x30000
    static let candidateFlag: UInt32 = 0x8000_0000

    private let pool: RulePool
    private let table: UnsafeMutablePointer<UInt32>
    private var highTable: [UInt32: UInt32] = [:]
    public var maxExpansion: Int { pool.maxExpansion }

    /// Compiles `rules` (in ICU order).
    public init(rules: [TransliterationRule]) {
        table = .allocate(capacity: Self.tableSize)
        for i in 0..<Self.tableSize { table[i] = UInt32(i) }
        var lists: [UInt32: [Int]] = [:]
        var simple: [UInt32: UInt32] = [:]
        for (index, rule) in rules.enumerated() {
            let first = rule.key[0]
            if rule.key.count == 1, !rule.hasContext, rule.replacement.count == 1 {
                if simple[first] == nil { simple[first] = rule.replacement[0] }
            } else {
                lists[first, default: []].append(index)
            }
        }
        // A flagged character needs its plain single-character rule in its list too, at its rule position.
        for (index, rule) in rules.enumerated() where rule.key.count == 1 && !rule.hasContext && rule.replacement.count == 1 {
            if lists[rule.key[0]] != nil { lists[rule.key[0]]!.append(index) }
        }
        pool = RulePool(rules: rules, lists: lists.mapValues { $0.sorted() })
        for (scalar, replacement) in simple where lists[scalar] == nil { setEntry(scalar, replacement) }
        for (scalar, _) in lists { setEntry(scalar, Self.candidateFlag | UInt32(pool.listIndex[scalar]!)) }
    }

    deinit { table.deallocate() }

    private func setEntry(_ scalar: UInt32, _ value: UInt32) {
        if scalar < Self.tableSize { table[Int(scalar)] = value } else { highTable[scalar] = value }
    }

    /// Converts `input`, writing UTF-8 to `output`; returns the bytes written.
    public func convert(_ input: UnsafeBufferPointer<UInt32>, into output: UnsafeMutablePointer<UInt8>) -> Int {
        var i = 0
        var written = 0
        var last: UInt32 = 0x0A  // nothing converted yet: no before-context can match a line break
        let count = input.count
        while i < count {
            let scalar = input[i]
            let value = scalar < Self.tableSize ? table[Int(scalar)] : (highTable[scalar] ?? scalar)
            if value & Self.candidateFlag == 0 {
                written &+= UTF8Decoding.write(value, to: output + written)
                last = value
                i &+= 1
            } else if let rule = pool.firstMatch(list: Int(value & ~Self.candidateFlag), input, at: i, last: last) {
                written &+= pool.writeReplacement(rule, to: output + written, last: &last)
                i &+= pool.keyLength(rule)
            } else {
                written &+= UTF8Decoding.write(scalar, to: output + written)
                last = scalar
                i &+= 1
            }
        }
        return written
    }
}
