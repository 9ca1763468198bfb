import ArgumentParser
import QingxiCore

/// `qingxi strip`: removes boilerplate (editor tags, source lines, captions, prompts, disclaimers, page chrome)
/// and reports what it removed and why.
struct Strip: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove boilerplate from Chinese news text, with an audit trail and extracted metadata.",
        discussion: """
            Built-in rules: corpus/strip/rules.tsv (embedded). --rules adds your own rules after them (same \
            format, see docs/strip.md). With --explain every removal is reported (stderr in text mode, \
            qingxi.removed in JSONL); metadata (editor, reporter, source, …) goes to qingxi.meta in JSONL.
            """
    )

    @Option(name: .customLong("rules"), help: "A rule file of your own, applied after the built-in rules (repeatable).")
    var ruleFiles: [String] = []

    @Option(name: .customLong("profile"), help: "A footer profile written by 'qingxi profile': remove its lines.")
    var profile: String?

    @Flag(help: "Text mode: print the extracted metadata as key<TAB>value lines on standard error.")
    var meta = false

    @OptionGroup var records: RecordOptionGroup

    func run() throws {
        let rules = try StripRuleSet.builtIn(adding: ruleFiles)
        let footer = try profile.map { try FooterProfile.load(file: $0) }
        let stripper = BoilerplateStripper(rules: rules, view: try ScriptConverter.matchingView(), profile: footer)
        try records.run([stripper], printMeta: meta)
    }
}
