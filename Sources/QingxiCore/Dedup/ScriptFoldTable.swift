/// The traditional → simplified fold of matching keys: ICU's Traditional-Simplified rules (the convert engine's
/// rule source) applied by plain longest match, without the converter's segmentation and corrections.
///
/// Why not the full converter: a key is only compared, never printed, so what matters is that a simplified text
/// and its traditional twin fold to the same key, and that every occurrence of a phrase folds the same way.
/// The rules give that (their phrase rules included: 甚麼 → 什么, which a per-character table would miss),
/// and a direct walk over the key's code points costs a table lookup per character instead of a segmentation
/// and two string conversions (the converter was about a third of `dedup`'s time). Simplified characters are
/// fixed points of the rules, so folding both sides of a pair makes them agree.
public struct ScriptFoldTable: Sendable {
    /// One phrase rule: its key and replacement as ranges of `phraseScalars`.
    private struct Phrase {
        var keyStart: Int32, keyLength: Int32, replacementStart: Int32, replacementLength: Int32
    }

    /// For each BMP code point: its fold, with `startsPhrase` set when a phrase rule begins with it.
    private var basic: [UInt32]
    private var supplementary: [UInt32: UInt32] = [:]
    /// For each BMP code point, the range of `phrases` whose key starts with it (empty: none), longest first.
    private var phraseRanges: [UInt32]
    static let startsPhrase: UInt32 = 1 << 31
    private var phrases: [Phrase] = []
    private var phraseScalars: [UInt32] = []
    /// A 65,536-bit filter of the (first, second) code point pairs that begin a phrase: most characters that
    /// can begin a phrase (一, 不, 中 …) are not followed by its second character, and are rejected in one test.
    private var pairFilter = [UInt64](repeating: 0, count: 1024)
    /// One bit per BMP code point whose entry is not itself (it folds, or begins a phrase): 8 KB that stay in
    /// the L1 cache, where `basic` (256 KB) would be read at every character of a key.
    private var foldsBMP = [UInt64](repeating: 0, count: 1024)

    /// Builds the fold from context-free rules: for a single character the first rule wins (ICU's order);
    /// phrase rules (keys of two or more BMP code points, replacements no longer than keys) match longest first.
    public init(rules: [TransliterationRule]) {
        basic = (0..<0x10000).map { UInt32($0) }
        phraseRanges = [UInt32](repeating: 0, count: 0x10000)
        var byFirst: [UInt32: [TransliterationRule]] = [:]
        var seen = Set<UInt32>()
        for rule in rules where !rule.hasContext && !rule.key.isEmpty {
            let first = rule.key[0]
            if rule.key.count > 1 {
                if first < 0x10000 && rule.replacement.count <= rule.key.count { byFirst[first, default: []].append(rule) }
            } else if rule.replacement.count == 1, seen.insert(first).inserted {
                if first < 0x10000 { basic[Int(first)] = rule.replacement[0] } else { supplementary[first] = rule.replacement[0] }
            }
        }
        for first in byFirst.keys.sorted() {
            let start = phrases.count
            for rule in byFirst[first]!.sorted(by: { $0.key.count > $1.key.count }) {
                phrases.append(Phrase(keyStart: Int32(phraseScalars.count), keyLength: Int32(rule.key.count),
                                      replacementStart: Int32(phraseScalars.count + rule.key.count),
                                      replacementLength: Int32(rule.replacement.count)))
                phraseScalars += rule.key + rule.replacement
                let bit = Self.pairBit(rule.key[0], rule.key[1])
                pairFilter[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            phraseRanges[Int(first)] = UInt32(start) << 16 | UInt32(phrases.count - start)
            basic[Int(first)] |= Self.startsPhrase
        }
        for value in basic.indices where basic[value] != UInt32(value) { foldsBMP[value >> 6] |= 1 << UInt64(value & 63) }
    }

    /// The fold from the linked ICU's Traditional-Simplified rules.
    public static func icuTraditionalToSimplified() throws -> ScriptFoldTable {
        ScriptFoldTable(rules: try ConversionEngines.icuRules(.hans))
    }

    /// The simplified form of one code point on its own (itself when no rule changes it).
    @inline(__always)
    public func fold(_ value: UInt32) -> UInt32 {
        value < 0x10000 ? basic[Int(value)] & ~Self.startsPhrase : supplementary[value] ?? value
    }

    /// The table entry of a code point: its fold, with `startsPhrase` set when a phrase may start here.
    @inline(__always)
    func entry(_ value: UInt32) -> UInt32 {
        guard value < 0x10000 else { return supplementary[value] ?? value }
        return foldsBMP[Int(value) >> 6] & (1 << UInt64(value & 63)) == 0 ? value : basic[Int(value)]
    }

    @inline(__always)
    static func pairBit(_ first: UInt32, _ second: UInt32) -> Int {
        Int(truncatingIfNeeded: ((UInt64(first) << 21 | UInt64(second)) &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }

    /// The phrase rule matching `text` at `index` (whose entry has `startsPhrase`), longest first: its
    /// replacement and the number of scalars its key covers.
    @inline(__always)
    func phrase(in text: UnsafeBufferPointer<UInt32>, at index: Int) -> (replacement: ArraySlice<UInt32>, length: Int)? {
        guard index + 1 < text.count else { return nil }
        let first = text[index], second = text[index + 1]
        let bit = Self.pairBit(first, second)
        guard pairFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        return matchPhrase(in: text, at: index)
    }

    /// The slow part of `phrase`: the candidates whose first two scalars match, longest first.
    private func matchPhrase(in text: UnsafeBufferPointer<UInt32>, at index: Int) -> (replacement: ArraySlice<UInt32>, length: Int)? {
        let range = phraseRanges[Int(text[index])]
        var j = Int(range >> 16)
        let end = j + Int(range & 0xFFFF)
        while j < end {
            let phrase = phrases[j]
            j += 1
            let keyStart = Int(phrase.keyStart), keyLength = Int(phrase.keyLength)
            guard index + keyLength <= text.count,
                  (1..<keyLength).allSatisfy({ phraseScalars[keyStart + $0] == text[index + $0] }) else { continue }
            let replacement = Int(phrase.replacementStart)
            return (phraseScalars[replacement..<(replacement + Int(phrase.replacementLength))], keyLength)
        }
        return nil
    }
}
