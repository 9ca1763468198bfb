/// Builds conversion engines from the linked ICU's rules (read at start-up with `utrans_toRules`, parsed and
/// compiled: a few milliseconds beyond ICU's own ~20 ms open).
public enum ConversionEngines {
    /// The engine for `options`: exact ICU, or ICU plus qingxi's corrections.
    public static func make(_ options: ConversionOptions) throws -> ScalarConverting {
        var rules = try icuRules(options.direction.icuDirection)
        if options.keepPunctuation { rules.removeAll(where: isPunctuationRule) }
        let regional = options.direction == .tw || options.direction == .hk || options.source != nil
        if options.exactICU {
            guard !regional, !options.phrases else {
                throw QingxiError.usage("--exact-icu and --exact-uconv reproduce ICU, which has no Taiwan or Hong Kong standard")
            }
            return CompiledTransliterator(rules: rules)
        }
        if options.phrases && !regional {
            throw QingxiError.usage("--phrases needs a regional target or source (--to tw|hk, --from tw|hk|auto)")
        }
        var corrections = try CorrectionRules.builtIn(options.direction)
        for file in options.ruleFiles { try corrections.add(file: file) }
        // Word boundaries guard ICU's S→T phrases (制作 in 机制|作为); its T→S phrases rarely depend on them.
        let dictionary = options.direction.icuDirection == .hant ? CJKDictionary.shared : nil
        let base = SegmentingConverter(icuRules: rules, corrections: corrections, dictionary: dictionary)
        guard regional else { return base }
        return try RegionalTables.chain(base, options)
    }

    /// ICU's rules for a direction, in ICU's order. Read once per process and direction: opening ICU's
    /// transliterator and parsing its rules is most of a converter's start-up, and a `clean` run builds
    /// several converters and fold tables from the same rules (the chain, the matching view, dedup's fold).
    public static func icuRules(_ direction: ScriptDirection) throws -> [TransliterationRule] {
        try (direction.icuDirection == .hans ? hansRules : hantRules).get()
    }

    private static let hansRules = Result { try readICURules(.hans) }
    private static let hantRules = Result { try readICURules(.hant) }

    private static func readICURules(_ direction: ScriptDirection) throws -> [TransliterationRule] {
        let name = "ICU \(direction.icuID)"
        if let cached = ICURuleCache.source(direction), let rules = try? ICURuleSource.parse(cached, name: name) {
            return rules
        }
        let source = try ICUTransliterator(id: direction.icuID).rules()
        ICURuleCache.keep(source, direction)
        return try ICURuleSource.parse(source, name: name)
    }

    /// A rule that changes a single punctuation mark (「 → “).
    static func isPunctuationRule(_ rule: TransliterationRule) -> Bool {
        guard rule.key.count == 1, let scalar = Unicode.Scalar(rule.key[0]) else { return false }
        switch scalar.properties.generalCategory {
        case .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
