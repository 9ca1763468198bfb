/// The rules of one strip run, in file order (earlier rules win), with a prefilter that runs a rule's pattern
/// only on lines that contain one of the literals every match of it needs (see `RequiredLiterals`).
///
/// Built-in rules ship in `corpus/strip/rules.tsv` (format: `StripRule`); `--rules FILE` adds more after them.
public struct StripRuleSet: Sendable {
    public let rules: [StripRule]
    /// For each literal's first scalar: the literals starting with it and the rules they trigger.
    private let triggers: [UInt32: [(literal: [UInt32], rules: [Int])]]
    /// Bit per (first scalar & 0xFFFF): a cheap "might start a literal" test before the dictionary lookup.
    private let triggerBits: [UInt64]
    /// Rules without a required literal: tried on every line they admit.
    private let alwaysTried: [Int]

    public init(rules: [StripRule]) {
        self.rules = rules
        var triggers: [UInt32: [(literal: [UInt32], rules: [Int])]] = [:]
        var bits = [UInt64](repeating: 0, count: 1024)
        var always: [Int] = []
        for (index, rule) in rules.enumerated() {
            guard let literals = rule.pattern.requiredLiterals else {
                always.append(index)
                continue
            }
            for literal in Set(literals) {
                let first = literal[0]
                bits[Int(first & 0xFFFF) >> 6] |= 1 << UInt64(first & 63)
                var entries = triggers[first, default: []]
                if let at = entries.firstIndex(where: { $0.literal == literal }) {
                    entries[at].rules.append(index)
                } else {
                    entries.append((literal, [index]))
                }
                triggers[first] = entries
            }
        }
        self.triggers = triggers
        triggerBits = bits
        alwaysTried = always
    }

    /// Reads rule files in order (each error names its file and line).
    public static func load(files: [String]) throws -> StripRuleSet {
        var rules: [StripRule] = []
        for file in files {
            try DataFile.lines(ofFile: file) { line, number in
                rules.append(try StripRule.parse(line, origin: "\(file):\(number)"))
            }
        }
        return StripRuleSet(rules: rules)
    }

    /// The built-in rules: `corpus/strip/rules.tsv` as embedded in the binary by `scripts/embed-data`.
    public static func builtIn() throws -> StripRuleSet {
        let name = "strip/rules.tsv"
        guard let text = EmbeddedData.files[name] else {
            throw QingxiError.io(file: "corpus/" + name, message: "not embedded in this build: run scripts/embed-data")
        }
        return try parse(text, name: "corpus/" + name)
    }

    /// The built-in rules followed by the rules of `files` (a user's site-specific rules).
    public static func builtIn(adding files: [String]) throws -> StripRuleSet {
        StripRuleSet(rules: try builtIn().rules + load(files: files).rules)
    }

    /// Parses rules from text (`name` is used in error messages).
    public static func parse(_ text: String, name: String) throws -> StripRuleSet {
        var rules: [StripRule] = []
        try DataFile.lines(of: text, name: name) { line, number in
            rules.append(try StripRule.parse(line, origin: "\(name):\(number)"))
        }
        return StripRuleSet(rules: rules)
    }

    /// Every rule that matches the line, in rule order. `text` is the matching view as lowered scalars,
    /// `length` its count of non-space characters.
    func hits(in text: [UInt32], length: Int, scratch: StripScratch) -> [RuleHit] {
        let candidates = triggeredRules(in: text, scratch: scratch)
        var hits: [RuleHit] = []
        for index in candidates where rules[index].admits(length: length) {
            if let match = rules[index].pattern.firstMatch(in: text, scratch: scratch.pattern) {
                hits.append(RuleHit(rule: index, match: match))
            }
        }
        return hits
    }

    private func triggeredRules(in text: [UInt32], scratch: StripScratch) -> [Int] {
        scratch.resetTriggered(count: rules.count)
        var found = alwaysTried
        for index in alwaysTried { scratch.triggered[index] = true }
        for start in text.indices {
            let c = text[start]
            guard triggerBits[Int(c & 0xFFFF) >> 6] & (1 << UInt64(c & 63)) != 0,
                  let entries = triggers[c] else { continue }
            for entry in entries where Self.occurs(entry.literal, in: text, at: start) {
                for rule in entry.rules where !scratch.triggered[rule] {
                    scratch.triggered[rule] = true
                    found.append(rule)
                }
            }
        }
        return found.sorted()
    }

    @inline(__always) private static func occurs(_ literal: [UInt32], in text: [UInt32], at start: Int) -> Bool {
        guard start + literal.count <= text.count else { return false }
        for k in 1..<max(literal.count, 1) where text[start + k] != literal[k] { return false }
        return true
    }
}

/// A rule that matched a line, and where.
struct RuleHit {
    var rule: Int
    var match: PatternMatch
}

/// Reusable working memory of one stripper (not thread-safe).
final class StripScratch {
    let pattern = PatternScratch()
    var triggered: [Bool] = []

    func resetTriggered(count: Int) {
        if triggered.count != count {
            triggered = [Bool](repeating: false, count: count)
        } else {
            for i in triggered.indices { triggered[i] = false }
        }
    }
}
