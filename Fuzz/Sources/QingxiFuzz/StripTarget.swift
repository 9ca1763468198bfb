import QingxiCore

/// `strip` with the embedded rules (`StripRuleSet.builtIn`) and the matching view, through the record layer.
///
/// Flags: bit 0 JSONL input (else text). Invariants: every input paragraph is kept, removed with a reason, or
/// cut into a kept rest and removed spans that add up to it (`Conservation`); 1…64-byte reads give the same
/// articles as 64 KiB reads; and stripping the output again removes nothing (the documented idempotence, cut
/// lines included since the rest of a cut line is decided again).
final class StripTarget: FuzzTarget {
    let harness = RecordHarness()
    let rules: StripRuleSet
    let view: MatchingView

    init() throws {
        rules = try StripRuleSet.builtIn(adding: [])
        view = try ScriptConverter.matchingView()
    }

    func run(_ input: FuzzInput) {
        let format: RecordFormat = input.flag(0) ? .jsonl : .text
        let options = RecordOptions.fuzzing(format: format)
        let read = harness.run(input.payload, options: options, capture: true) { [] }
        guard read.error == nil else { return }
        let make = { [rules, view] () -> [Stage] in [BoilerplateStripper(rules: rules, view: view)] }
        let stripped = harness.run(input.payload, options: options, capture: true, makeStages: make)
        FuzzCheck.require(stripped.error == nil, "strip: failed where reading did not: \(stripped.error!)")
        Conservation.check(read.articles, stripped.articles, stage: "strip")
        FuzzCheck.same(stripped, harness.run(input.payload, options: options.reading(input.smallReadSize), capture: true, makeStages: make),
                       "strip: chunked == whole")
        var text = options
        text.outputFormat = format
        let output = harness.run(input.payload, options: text, makeStages: make).output
        let again = harness.run(output, options: options, capture: true, makeStages: make)
        let removed = again.articles.flatMap(\.removed)
        FuzzCheck.require(removed.isEmpty, "strip: stripping the output again removes \(removed.map { "¶\($0.paragraph) \($0.reason): \($0.text.debugDescription)" })")
    }
}
