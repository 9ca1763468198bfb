/// A per-character traditional → simplified fold for matching keys: the convert engine's single-character
/// rules (ICU's Traditional-Simplified without its phrase rules), applied one code point at a time.
///
/// Why not the full converter: a key is only compared, never printed, so it does not need the phrase-level
/// accuracy of `convert` (乾隆 vs 干净); it needs a simplified text and its traditional twin to fold to the
/// same key. A context-free fold does that, folds every occurrence of a character the same way whatever
/// surrounds it, and costs one table lookup per character instead of a segmentation (the converter is about
/// a third of `dedup`'s time otherwise). Simplified characters are fixed points of the rules, so applying the
/// fold to both sides of a pair makes them agree even where a character has several traditional forms.
public struct ScriptFoldTable: Sendable {
    private var basic: [UInt32]
    private var supplementary: [UInt32: UInt32] = [:]

    /// Builds the table from single-character, context-free rules; the first rule for a character wins (ICU's
    /// rule order), phrase and context rules are ignored.
    public init(rules: [TransliterationRule]) {
        basic = (0..<0x10000).map { UInt32($0) }
        var seen = Set<UInt32>()
        for rule in rules where rule.key.count == 1 && rule.replacement.count == 1 && !rule.hasContext {
            let key = rule.key[0]
            guard seen.insert(key).inserted else { continue }
            if key < 0x10000 { basic[Int(key)] = rule.replacement[0] } else { supplementary[key] = rule.replacement[0] }
        }
    }

    /// The table from the linked ICU's Traditional-Simplified rules.
    public static func icuTraditionalToSimplified() throws -> ScriptFoldTable {
        ScriptFoldTable(rules: try ConversionEngines.icuRules(.hans))
    }

    /// The simplified form of one code point (itself when no rule changes it).
    @inline(__always)
    public func fold(_ value: UInt32) -> UInt32 {
        value < 0x10000 ? basic[Int(value)] : supplementary[value] ?? value
    }
}
