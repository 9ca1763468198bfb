import Testing
@testable import QingxiCore

/// The compiled engine against the real ICU (`utrans` through the C shim), in both directions, on text that
/// puts every rule key in several surroundings (after every before-context character, before every
/// after-context, next to other keys) plus generated prose. `--exact-icu` must be byte-identical.
@Suite struct ICUDifferentialTests {
    @Test(arguments: ScriptDirection.allCases)
    func exactEngineEqualsUtransOnEveryRuleKey(direction: ScriptDirection) throws {
        let icu = try ICUTransliterator(id: direction.icuID)
        let rules = try ConversionEngines.icuRules(direction)
        let engine = StringConverter(engine: CompiledTransliterator(rules: rules))
        let lines = Self.linesExercising(rules)
        var mismatches: [String] = []
        for line in lines {
            let expected = try icu.transliterate(line)
            let got = engine.convert(line)
            if got != expected && mismatches.count < 10 { mismatches.append("\(line) → ICU \(expected), engine \(got)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        let snippets = lines.reduce(0) { $0 + $1.split(separator: "，").count }
        #expect(snippets >= rules.count * 3)  // every rule appears at least three times
    }

    @Test(arguments: ScriptDirection.allCases)
    func exactEngineEqualsUtransOnGeneratedProse(direction: ScriptDirection) throws {
        let icu = try ICUTransliterator(id: direction.icuID)
        let rules = try ConversionEngines.icuRules(direction)
        let engine = StringConverter(engine: CompiledTransliterator(rules: rules))
        var alphabet = Array(Set(rules.flatMap { $0.key + $0.replacement }).compactMap(Unicode.Scalar.init))
        alphabet += Array("，。、「」“”：；！？（）《》 \tAbc123０１２".unicodeScalars)
        alphabet.sort { $0.value < $1.value }
        var generator = TestSupport.SeededGenerator(seed: direction == .hans ? 7 : 11)
        for _ in 0..<400 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...120, using: &generator) { scalars.append(alphabet.randomElement(using: &generator)!) }
            let line = String(scalars)
            #expect(engine.convert(line) == (try icu.transliterate(line)), "\(line)")
        }
    }

    /// For every rule: the key alone, between neutral characters, after each of its before-context characters,
    /// before its after-context, and glued to the next rule's key (overlaps between phrases).
    static func linesExercising(_ rules: [TransliterationRule]) -> [String] {
        func text(_ scalars: [UInt32]) -> String { String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init))) }
        var lines: [String] = []
        var batch: [String] = []
        for (index, rule) in rules.enumerated() {
            let next = rules[(index + 1) % rules.count].key
            var after: [UInt32] = []
            switch rule.after {
            case .none: break
            case .set(let set): after = [set.min()!]
            case .literal(let literal): after = literal
            }
            batch.append(text(rule.key))
            batch.append(text([0x5929] + rule.key + after + [0x5730]))  // 天 … 地
            batch.append(text(rule.key + next))
            for b in (rule.before ?? []).sorted() { batch.append(text([b] + rule.key + after)) }
            if batch.count >= 40 {
                lines.append(batch.joined(separator: "，"))
                batch.removeAll()
            }
        }
        lines.append(batch.joined(separator: "，"))
        return lines
    }
}
