/// Reads the rule source of an ICU transliterator (what `utrans_toRules` returns for Traditional-Simplified and
/// Simplified-Traditional) into rules, keeping ICU's rule order, which decides which rule wins.
///
/// Only the subset these two transliterators use is accepted: `LHS > RHS;` with LHS as in
/// `RulePatternParser`. A statement outside it (`::Filter;`, `$var = …;`, `<>`, `<`) throws, naming the
/// statement, rather than being skipped: a skipped rule would make `--exact-icu` silently differ from ICU.
public enum ICURuleSource {
    public static func parse(_ source: String, name: String) throws -> [TransliterationRule] {
        var rules: [TransliterationRule] = []
        var statementNumber = 0
        for raw in source.split(separator: ";", omittingEmptySubsequences: true) {
            let statement = raw.trimmingWhitespace()
            if statement.isEmpty || statement.hasPrefix("#") { continue }
            statementNumber += 1
            do {
                rules.append(try parseStatement(statement))
            } catch {
                throw QingxiError.badRuleFile(file: name, line: statementNumber,
                                              message: "\(error.message): \(statement)")
            }
        }
        return rules
    }

    static func parseStatement(_ statement: Substring) throws(DataFileLineError) -> TransliterationRule {
        let parts = statement.split(separator: ">", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].hasSuffix("<"), !parts[0].hasPrefix(":"), !parts[0].hasPrefix("$") else {
            throw DataFileLineError("unsupported ICU statement")
        }
        let lhs = try RulePatternParser.parse(parts[0].trimmingWhitespace())
        let rhs = try RulePatternParser.literal(ArraySlice(parts[1].trimmingWhitespace().unicodeScalars))
        return TransliterationRule(key: lhs.key, replacement: rhs, before: lhs.before, after: lhs.after)
    }
}

extension Substring {
    /// The substring without leading and trailing white space (spaces, tabs, newlines).
    func trimmingWhitespace() -> Substring {
        var s = self
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return s
    }
}
