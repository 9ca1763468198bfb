/// qingxi's correction layer for one direction, read from rule files (`corpus/convert/{t2s,s2t}.rules`, and
/// users' `--rules FILE`). One rule per line, `#` comments:
///
/// - `SOURCE<TAB>TARGET` — a phrase or single character and its conversion (same number of characters).
/// - `SOURCE` alone — a word: it only steers segmentation (`经理` keeps ICU's `理发 > 理髮` from firing in
///   经理发现); its characters convert one by one.
/// - Contexts, checked on the input text: `[chars]{KEY}<TAB>TARGET`, `{KEY}[chars]<TAB>TARGET`,
///   `{KEY}literal<TAB>TARGET`. Only KEY is replaced.
///
/// A later entry with the same key and contexts replaces an earlier one (so user files override built-ins).
public struct CorrectionRules: Sendable {
    public struct Entry: Sendable, Equatable {
        public var rule: TransliterationRule
        /// True for a word entry (no target given): its replacement is computed from the character table.
        public var isWord: Bool
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    /// Parses rule text; a bad line throws `QingxiError.badRuleFile` naming `name` and the line. Regional
    /// vocabulary tables may change a phrase's length (计算机 → 電腦); correction files may not.
    public mutating func add(text: String, name: String, lengthMayChange: Bool = false) throws {
        try DataFile.lines(of: text, name: name) { line, _ in
            entries.append(try Self.parse(line, lengthMayChange: lengthMayChange))
        }
    }

    /// Reads a rule file.
    public mutating func add(file path: String) throws {
        guard let bytes = FileBytes.read(path) else { throw QingxiError.io(file: path, message: "cannot read rule file") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw QingxiError.badRuleFile(file: path, line: 1, message: "not valid UTF-8")
        }
        try add(text: text, name: path)
    }

    static func parse(_ line: Substring, lengthMayChange: Bool = false) throws(DataFileLineError) -> Entry {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count <= 2 else { throw DataFileLineError("expected SOURCE or SOURCE<TAB>TARGET, found \(fields.count) fields") }
        let source = fields[0].unicodeScalars.map(\.value)
        // ICU's pattern syntax ignores white space, so `软件 軟體` (a space where the TAB belongs) would be read
        // as the word 软件軟體 and do nothing: a rule never needs inner white space, so it is an error.
        for field in fields where RulePatternParser.trimmed(field.unicodeScalars.map(\.value)[...]).contains(where: {
            RulePatternParser.isPatternWhiteSpace($0) || $0 == 0x3000
        }) {
            throw DataFileLineError("white space inside a field (SOURCE and TARGET are separated by one TAB): \(field)")
        }
        let pattern = try RulePatternParser.parse(RulePatternParser.trimmed(source[...]))
        guard fields.count == 2 else {
            guard !pattern.key.isEmpty, pattern.before == nil, pattern.after == .none else {
                throw DataFileLineError("a word entry has no contexts")
            }
            return Entry(rule: TransliterationRule(key: pattern.key, replacement: []), isWord: true)
        }
        let target = try RulePatternParser.literal(RulePatternParser.trimmed(fields[1].unicodeScalars.map(\.value)[...]))
        guard target.count == pattern.key.count || (lengthMayChange && !target.isEmpty) else {
            throw DataFileLineError("target has \(target.count) characters, source key has \(pattern.key.count)")
        }
        return Entry(rule: TransliterationRule(key: pattern.key, replacement: target, before: pattern.before,
                                               after: pattern.after), isWord: false)
    }

    /// The built-in corrections for a direction (embedded from `corpus/convert/`).
    public static func builtIn(_ direction: ScriptDirection) throws -> CorrectionRules {
        var rules = CorrectionRules()
        var names = [direction == .hans ? "convert/t2s.rules" : "convert/s2t.rules"]
        if direction == .hk { names.append("convert/s2hk.rules") }
        for name in names {
            if let text = EmbeddedData.files[name] { try rules.add(text: text, name: "corpus/" + name) }
        }
        return rules
    }
}
