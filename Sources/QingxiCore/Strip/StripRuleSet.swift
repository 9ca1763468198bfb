/// The rules of one strip run, in file order (earlier rules win), with a prefilter that runs a rule's pattern
/// only on lines that contain one of the literals every match of it needs (see `RuleTriggers`).
///
/// Built-in rules ship in `corpus/strip/rules.tsv` (format: `StripRule`); `--rules FILE` adds more after them.
public struct StripRuleSet: Sendable {
    public let rules: [StripRule]
    /// The rules' patterns by index (read in place by the matching loop, never copied out of a rule).
    private let patterns: [LinePattern]
    /// Per rule, the longest line (non-space characters) it applies to (`Int.max` for none; see
    /// `StripRule.admits(length:)`).
    private let admitLimits: [Int]
    /// Prefilter tables by line length: `tiers[k]` holds the rules that admit lines of at least
    /// `tierLengths[k]` characters (`tierLengths[0]` is 0: every rule).
    private let tierLengths: [Int]
    private let tiers: [RuleTriggers]
    /// Per rule: its category closes an article body / is page furniture (`StripPolicy`).
    private let closing: [Bool]
    private let furniture: [Bool]

    public init(rules: [StripRule]) {
        self.rules = rules
        patterns = rules.map(\.pattern)
        let limits = rules.map { $0.action == .cut ? Int.max : $0.maxLength ?? Int.max }
        admitLimits = limits
        tierLengths = [0] + Set(limits.filter { $0 < Int.max }.map { $0 + 1 }).sorted()
        tiers = tierLengths.map { least in RuleTriggers(rules, including: { limits[$0] >= least }) }
        closing = rules.map { StripPolicy.closingCategories.contains($0.category) }
        furniture = rules.map { StripPolicy.furnitureCategories.contains($0.category) }
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

    /// The reason recorded for a removal: the rule's category, `profile` or `page-chrome`.
    func category(_ reason: StripLine.Reason) -> String {
        switch reason {
        case .rule(let index): return rules[index].category
        case .profile: return "profile"
        case .pageChrome: return "page-chrome"
        }
    }

    /// Whether a line removed for `reason` closes an article body (`StripPolicy.closingCategories`).
    func closesBody(_ reason: StripLine.Reason) -> Bool {
        if case .rule(let index) = reason { return closing[index] }
        return StripPolicy.closingCategories.contains(category(reason))
    }

    /// Whether a line removed for `reason` is page furniture (`StripPolicy.furnitureCategories`).
    func isFurniture(_ reason: StripLine.Reason) -> Bool {
        if case .rule(let index) = reason { return furniture[index] }
        return StripPolicy.furnitureCategories.contains(category(reason))
    }

    /// Every rule among `candidates` (from `candidates(in:length:scratch:)`) that matches the line, in rule
    /// order. `text` is the matching view as lowered scalars.
    func hits(of candidates: [Int], in text: UnsafeBufferPointer<UInt32>, scratch: StripScratch) -> [RuleHit] {
        var hits: [RuleHit] = []
        for index in candidates {
            if let match = patterns[index].firstMatch(in: text, scratch: scratch.pattern) {
                hits.append(RuleHit(rule: index, match: match))
            }
        }
        return hits
    }

    /// The rules whose prefilter literals occur in `text` and whose `max` admits a line of `length` non-space
    /// characters, in rule order, into `scratch.candidates` (empty for most lines).
    func candidates(in text: UnsafeBufferPointer<UInt32>, length: Int, scratch: StripScratch) {
        var result = scratch.candidates, seen = scratch.seen, found = scratch.found
        scratch.candidates = []; scratch.seen = []; scratch.found = []
        var tier = tierLengths.count - 1
        while tierLengths[tier] > length { tier -= 1 }
        tiers[tier].rules(in: text, into: &result, seen: &seen, found: &found)
        if !result.isEmpty { result.removeAll { admitLimits[$0] < length } }
        scratch.candidates = result; scratch.seen = seen; scratch.found = found
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
    var candidates: [Int] = []
    var found: [Int] = []
    var seen: [UInt8] = []
}
