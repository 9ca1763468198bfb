/// The rules of one strip run, in file order (earlier rules win), with a prefilter that runs a rule's pattern
/// only on lines that contain one of the literals every match of it needs (see `RuleTriggers`).
///
/// Built-in rules ship in `corpus/strip/rules.tsv` (format: `StripRule`); `--rules FILE` adds more after them.
public struct StripRuleSet: Sendable {
    public let rules: [StripRule]
    /// What runs the rules on one line (prefilter tables and compiled patterns), shared by reference.
    let matcher: RuleMatcher
    /// Per rule: its category is page furniture / article metadata (`StripPolicy`).
    private let furniture: [Bool]
    private let metadata: [Bool]
    private let thread: [Bool]

    public init(rules: [StripRule]) {
        self.rules = rules
        matcher = RuleMatcher(rules)
        furniture = rules.map { StripPolicy.furnitureCategories.contains($0.category) }
        metadata = rules.map { StripPolicy.metadataCategories.contains($0.category) }
        thread = rules.map { $0.action == .thread }
    }

    /// Reads rule files in order (each error names its file and line).
    public static func load(files: [String]) throws -> StripRuleSet {
        StripRuleSet(rules: try rules(ofFiles: files))
    }

    private static func rules(ofFiles files: [String]) throws -> [StripRule] {
        var rules: [StripRule] = []
        for file in files {
            try DataFile.lines(ofFile: file) { line, number in
                rules.append(try StripRule.parse(line, origin: "\(file):\(number)"))
            }
        }
        return rules
    }

    /// The built-in rules: `corpus/strip/rules.tsv` as embedded in the binary by `scripts/embed-data`.
    public static func builtIn() throws -> StripRuleSet {
        StripRuleSet(rules: try builtInRules())
    }

    /// The built-in rules followed by the rules of `files` (a user's site-specific rules); the rule tables
    /// are built once, for all of them.
    public static func builtIn(adding files: [String]) throws -> StripRuleSet {
        StripRuleSet(rules: try builtInRules() + rules(ofFiles: files))
    }

    private static func builtInRules() throws -> [StripRule] {
        let name = "strip/rules.tsv"
        guard let text = EmbeddedData.files[name] else {
            throw QingxiError.io(file: "corpus/" + name, message: "not embedded in this build: run scripts/embed-data")
        }
        return try rules(of: text, name: "corpus/" + name)
    }

    /// Parses rules from text (`name` is used in error messages).
    public static func parse(_ text: String, name: String) throws -> StripRuleSet {
        StripRuleSet(rules: try rules(of: text, name: name))
    }

    private static func rules(of text: String, name: String) throws -> [StripRule] {
        var rules: [StripRule] = []
        try DataFile.lines(of: text, name: name) { line, number in
            rules.append(try StripRule.parse(line, origin: "\(name):\(number)"))
        }
        return rules
    }

    /// The reason recorded for a removal: the rule's category, `profile` or `page-chrome`.
    func category(_ reason: StripLine.Reason) -> String {
        switch reason {
        case .rule(let index): return rules[index].category
        case .profile: return "profile"
        case .pageChrome: return "page-chrome"
        }
    }

    /// Whether the rule at `index` finds article metadata (`StripPolicy.metadataCategories`).
    func isMetadata(_ index: Int) -> Bool { metadata[index] }

    /// Whether the rule at `index` is a `thread` rule (a comment heading).
    func isThread(_ index: Int) -> Bool { thread[index] }

    /// Whether a line removed for `reason` is page furniture (`StripPolicy.furnitureCategories`).
    func isFurniture(_ reason: StripLine.Reason) -> Bool {
        if case .rule(let index) = reason { return furniture[index] }
        return StripPolicy.furnitureCategories.contains(category(reason))
    }
}
