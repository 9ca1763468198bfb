/// Reads the rule source of an ICU transliterator (what `utrans_toRules` returns for Traditional-Simplified and
/// Simplified-Traditional) into rules, keeping ICU's rule order, which decides which rule wins.
///
/// Only the subset these two transliterators use is accepted: `LHS > RHS;` with LHS as in
/// `RulePatternParser`. A statement outside it (`::Filter;`, `$var = …;`, `<>`, `<`) throws, naming the
/// statement, rather than being skipped: a skipped rule would make `--exact-icu` silently differ from ICU.
public enum ICURuleSource {
    public static func parse(_ source: String, name: String) throws -> [TransliterationRule] {
        try parse(scalars: source.unicodeScalars.map(\.value), name: name)
    }

    public static func parse(scalars: [UInt32], name: String) throws -> [TransliterationRule] {
        var rules: [TransliterationRule] = []
        rules.reserveCapacity(scalars.count / 8)
        var statementNumber = 0
        var start = 0
        while start < scalars.count {
            let end = scalars[start...].firstIndex(of: 0x3B) ?? scalars.count  // ;
            let statement = RulePatternParser.trimmed(scalars[start..<end])
            start = end + 1
            if statement.isEmpty || statement.first == 0x23 { continue }  // #
            statementNumber += 1
            do {
                rules.append(try parseStatement(statement))
            } catch {
                let text = String(String.UnicodeScalarView(statement.compactMap(Unicode.Scalar.init)))
                throw QingxiError.badRuleFile(file: name, line: statementNumber, message: "\(error.message): \(text)")
            }
        }
        return rules
    }

    static func parseStatement(_ statement: ArraySlice<UInt32>) throws(DataFileLineError) -> TransliterationRule {
        guard let arrow = statement.firstIndex(of: 0x3E),  // >
              statement.first != 0x3A, statement.first != 0x24,  // :: and $variables
              arrow == statement.startIndex || statement[arrow - 1] != 0x3C  // <>
        else { throw DataFileLineError("unsupported ICU statement") }
        let lhs = try RulePatternParser.parse(RulePatternParser.trimmed(statement[..<arrow]))
        let rhs = try RulePatternParser.literal(RulePatternParser.trimmed(statement[(arrow + 1)...]))
        return TransliterationRule(key: lhs.key, replacement: rhs, before: lhs.before, after: lhs.after)
    }
}
