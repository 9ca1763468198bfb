import ArgumentParser
import QingxiCore

/// `qingxi convert --to hans|hant`: traditional ⇄ simplified with ICU's rules (exact, or corrected by default).
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert between traditional and simplified script (ICU's rules in a compiled engine).",
        discussion: """
            Default: ICU's rules plus qingxi's corrections (corpus/convert/*.rules). --exact-icu is byte-identical \
            to ICU's Traditional-Simplified / Simplified-Traditional transliterators. --to hant is neutral \
            traditional: no Taiwan or Hong Kong vocabulary changes.
            """
    )

    @Option(help: "Target script: hans (simplified) or hant (traditional).")
    var to: ScriptDirection

    @Flag(name: .customLong("exact-icu"), help: "Reproduce ICU's output byte for byte (no corrections).")
    var exactICU = false

    @Flag(name: .customLong("exact-uconv"), help: "Reproduce the uconv -x command byte for byte, including how it cuts text (see README).")
    var exactUconv = false

    @Flag(name: .customLong("keep-punctuation"), help: "Leave 「」 and “” as they are.")
    var keepPunctuation = false

    @Option(name: .customLong("rules"), help: "A correction file of your own (repeatable), see corpus/convert/README.md.")
    var ruleFiles: [String] = []

    @OptionGroup var records: RecordOptionGroup

    func run() throws {
        var options = ConversionOptions(direction: to, exactICU: exactICU || exactUconv, keepPunctuation: keepPunctuation,
                                        ruleFiles: ruleFiles)
        options.exactUconv = exactUconv
        try records.run([try ScriptConverter(options)])
    }
}
