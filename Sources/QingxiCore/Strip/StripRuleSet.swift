/// The rules of one strip run, in file order (earlier rules win), with a prefilter that runs a rule's pattern
/// only on lines that contain one of the literals every match of it needs (see `RequiredLiterals`).
///
/// Built-in rules ship in `corpus/strip/rules.tsv` (format: `StripRule`); `--rules FILE` adds more after them.
public struct StripRuleSet: Sendable {
    public let rules: [StripRule]
    /// For each literal's first scalar: the literals starting with it and the (rule, set) pairs they satisfy.
    private let triggers: [UInt32: [(literal: [UInt32], targets: [(rule: Int, bit: UInt8)])]]
    /// Bit per (first scalar & 0xFFFF): a cheap "might start a literal" test before the dictionary lookup.
    private let triggerBits: [UInt64]
    /// Per rule, the mask with one bit per required set: the rule is a candidate when all are found.
    private let fullMasks: [UInt8]
    /// Rules without a required literal: tried on every line they admit.
    private let alwaysTried: [Int]

    public init(rules: [StripRule]) {
        self.rules = rules
        var triggers: [UInt32: [(literal: [UInt32], targets: [(rule: Int, bit: UInt8)])]] = [:]
        var bits = [UInt64](repeating: 0, count: 1024)
        var always: [Int] = []
        var masks: [UInt8] = []
        for (index, rule) in rules.enumerated() {
            let sets = rule.pattern.requiredSets
            masks.append(UInt8((1 << sets.count) - 1))
            if sets.isEmpty { always.append(index) }
            for (k, set) in sets.enumerated() {
                for literal in Set(set) {
                    let first = literal[0]
                    bits[Int(first & 0xFFFF) >> 6] |= 1 << UInt64(first & 63)
                    var entries = triggers[first, default: []]
                    if let at = entries.firstIndex(where: { $0.literal == literal }) {
                        entries[at].targets.append((index, UInt8(1 << k)))
                    } else {
                        entries.append((literal, [(index, UInt8(1 << k))]))
                    }
                    triggers[first] = entries
                }
            }
        }
        self.triggers = triggers
        triggerBits = bits
        fullMasks = masks
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

    /// Every rule among `candidates` (from `triggeredRules`) that matches the line, in rule order. `text` is
    /// the matching view as lowered scalars, `length` its count of non-space characters.
    func hits(of candidates: [Int], in text: [UInt32], length: Int, scratch: StripScratch) -> [RuleHit] {
        var hits: [RuleHit] = []
        for index in candidates where rules[index].admits(length: length) {
            if let match = rules[index].pattern.firstMatch(in: text, scratch: scratch.pattern) {
                hits.append(RuleHit(rule: index, match: match))
            }
        }
        return hits
    }

    /// The rules whose prefilter literal occurs in `text` and whose `max` admits a line of `length`, in
    /// rule order (empty for most lines).
    func candidates(in text: [UInt32], length: Int, scratch: StripScratch) -> [Int] {
        triggeredRules(in: text, scratch: scratch).filter { rules[$0].admits(length: length) }
    }

    private func triggeredRules(in text: [UInt32], scratch: StripScratch) -> [Int] {
        var found = scratch.found  // local copies: no run-time exclusivity checks in the loop
        var seen = scratch.seen
        scratch.found = []
        scratch.seen = []
        if seen.count != rules.count { seen = [UInt8](repeating: 0, count: rules.count) }
        found.removeAll(keepingCapacity: true)
        for start in text.indices {
            let c = text[start]
            guard triggerBits[Int(c & 0xFFFF) >> 6] & (1 << UInt64(c & 63)) != 0,
                  let entries = triggers[c] else { continue }
            for entry in entries where Self.occurs(entry.literal, in: text, at: start) {
                for target in entry.targets {
                    if seen[target.rule] == 0 { found.append(target.rule) }
                    seen[target.rule] |= target.bit
                }
            }
        }
        var result = alwaysTried
        for rule in found {
            if seen[rule] == fullMasks[rule] { result.append(rule) }
            seen[rule] = 0
        }
        scratch.found = found
        scratch.seen = seen
        return result.count > 1 ? result.sorted() : result
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
    var found: [Int] = []
    var seen: [UInt8] = []
    var quick: [UInt32] = []
}
