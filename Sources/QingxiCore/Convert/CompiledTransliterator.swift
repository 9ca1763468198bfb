/// ICU's transliteration semantics, compiled into lookup tables: byte-identical to `utrans` on the same rules.
///
/// At each position the first rule (in rule order) whose key matches there, and whose contexts hold, wins; the
/// cursor then moves past the key. A before-context is checked against the text already converted (the last
/// output character), an after-context against the input ahead — exactly as ICU does, including its quirks
/// (两只鸡 → 兩只雞, because 两 is already 兩 when the rule for 只 looks back).
///
/// Characters with only a context-free single-character rule are converted by a flat table lookup; characters
/// that start a longer or a contextual rule carry a flag and an index into their candidate list.
public final class CompiledTransliterator: ScalarConverting, @unchecked Sendable {
    /// Code points below this have a flat table entry; the rest go through `highTable`.
    static let tableSize = 0x30000
    static let candidateFlag: UInt32 = 0x8000_0000

    private let rules: [TransliterationRule]
    private var table: [UInt32]
    private var highTable: [UInt32: UInt32] = [:]
    private var candidateLists: [[Int32]] = []

    /// Compiles `rules` (in ICU order).
    public init(rules: [TransliterationRule]) {
        self.rules = rules
        table = (0..<UInt32(Self.tableSize)).map { $0 }
        var listIndex: [UInt32: Int] = [:]
        var simple: [UInt32: UInt32] = [:]
        for (index, rule) in rules.enumerated() {
            let first = rule.key[0]
            if rule.key.count == 1, !rule.hasContext, rule.replacement.count == 1, listIndex[first] == nil {
                if simple[first] == nil { simple[first] = rule.replacement[0] }
                continue
            }
            let list = listIndex[first] ?? {
                candidateLists.append([])
                listIndex[first] = candidateLists.count - 1
                return candidateLists.count - 1
            }()
            candidateLists[list].append(Int32(index))
        }
        // A flagged character needs its plain single-character rule in its list too, at its rule position.
        for (index, rule) in rules.enumerated() where rule.key.count == 1 && !rule.hasContext {
            if let list = listIndex[rule.key[0]], !candidateLists[list].contains(Int32(index)) {
                candidateLists[list].append(Int32(index))
                candidateLists[list].sort()
            }
        }
        for (scalar, replacement) in simple where listIndex[scalar] == nil { setEntry(scalar, replacement) }
        for (scalar, list) in listIndex { setEntry(scalar, Self.candidateFlag | UInt32(list)) }
    }

    private func setEntry(_ scalar: UInt32, _ value: UInt32) {
        if scalar < Self.tableSize { table[Int(scalar)] = value } else { highTable[scalar] = value }
    }

    @inline(__always)
    private func entry(_ scalar: UInt32) -> UInt32 {
        scalar < Self.tableSize ? table[Int(scalar)] : (highTable[scalar] ?? scalar)
    }

    /// Converts `input` scalars, appending the result's scalars to `output` through `emit`.
    public func convert(_ input: UnsafeBufferPointer<UInt32>, emit: (UInt32) -> Void) {
        var i = 0
        var last: UInt32 = 0x0A  // nothing converted yet: no before-context can match a line break
        let count = input.count
        while i < count {
            let scalar = input[i]
            let value = entry(scalar)
            if value & Self.candidateFlag == 0 {
                emit(value)
                last = value
                i += 1
                continue
            }
            if let rule = firstMatch(Int(value & ~Self.candidateFlag), input, at: i, last: last) {
                for s in rule.replacement { emit(s) }
                if let l = rule.replacement.last { last = l }
                i += rule.key.count
            } else {
                emit(scalar)
                last = scalar
                i += 1
            }
        }
    }

    @inline(__always)
    private func firstMatch(_ list: Int, _ input: UnsafeBufferPointer<UInt32>, at i: Int, last: UInt32) -> TransliterationRule? {
        for ruleIndex in candidateLists[list] {
            let rule = rules[Int(ruleIndex)]
            let end = i + rule.key.count
            guard end <= input.count else { continue }
            var matches = true
            var k = 1
            while k < rule.key.count {
                if input[i + k] != rule.key[k] { matches = false; break }
                k += 1
            }
            guard matches else { continue }
            if let before = rule.before, !before.contains(last) { continue }
            if !rule.afterContextHolds(input, at: end) { continue }
            return rule
        }
        return nil
    }
}
