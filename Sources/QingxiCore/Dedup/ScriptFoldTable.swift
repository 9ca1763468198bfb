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
    private var basic: [UInt32]
    private var supplementary: [UInt32: UInt32] = [:]
    /// Phrase rules (keys of two or more code points) by first code point, longest first.
    private var phrases: [UInt32: [(key: [UInt32], replacement: [UInt32])]] = [:]
    private var startsPhrase: [Bool]

    /// Builds the fold from context-free rules; for a single character the first rule wins (ICU's order).
    public init(rules: [TransliterationRule]) {
        basic = (0..<0x10000).map { UInt32($0) }
        startsPhrase = [Bool](repeating: false, count: 0x10000)
        var seen = Set<UInt32>()
        for rule in rules where !rule.hasContext && !rule.key.isEmpty {
            let first = rule.key[0]
            if rule.key.count > 1 && rule.replacement.count <= rule.key.count {
                phrases[first, default: []].append((rule.key, rule.replacement))
                if first < 0x10000 { startsPhrase[Int(first)] = true }
            } else if rule.key.count == 1, rule.replacement.count == 1, seen.insert(first).inserted {
                if first < 0x10000 { basic[Int(first)] = rule.replacement[0] } else { supplementary[first] = rule.replacement[0] }
            }
        }
        for first in phrases.keys { phrases[first]!.sort { $0.key.count > $1.key.count } }
    }

    /// The fold from the linked ICU's Traditional-Simplified rules.
    public static func icuTraditionalToSimplified() throws -> ScriptFoldTable {
        ScriptFoldTable(rules: try ConversionEngines.icuRules(.hans))
    }

    /// The simplified form of one code point on its own (itself when no rule changes it).
    @inline(__always)
    public func fold(_ value: UInt32) -> UInt32 {
        value < 0x10000 ? basic[Int(value)] : supplementary[value] ?? value
    }

    /// The phrase rule matching `input` at `index`, longest first: its replacement and key length.
    @inline(__always)
    func phrase(in input: UnsafeBufferPointer<UInt32>, at index: Int) -> (replacement: [UInt32], length: Int)? {
        let first = input[index]
        guard first < 0x10000 ? startsPhrase[Int(first)] : phrases[first] != nil, let candidates = phrases[first] else {
            return nil
        }
        for (key, replacement) in candidates where index + key.count <= input.count {
            var matches = true
            for offset in 1..<key.count where input[index + offset] != key[offset] {
                matches = false
                break
            }
            if matches { return (replacement, key.count) }
        }
        return nil
    }
}
