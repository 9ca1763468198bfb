import ArgumentParser
import QingxiCore

/// `qingxi convert --to hans|hant|tw|hk`: traditional ⇄ simplified with ICU's rules (exact, or corrected by default).
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert between traditional and simplified script (ICU's rules in a compiled engine).",
        discussion: """
            Default: ICU's rules plus qingxi's corrections (corpus/convert/*.rules). --exact-icu is byte-identical \
            to ICU's Traditional-Simplified / Simplified-Traditional transliterators. --to hant is neutral \
            traditional; --to tw and --to hk write Taiwan's and Hong Kong's glyphs (and vocabulary with --phrases), \
            from OpenCC's tables (corpus/convert/README.md).
            """
    )

    @Option(help: "Target: hans (simplified), hant (neutral traditional), tw (Taiwan), hk (Hong Kong).")
    var to: ScriptDirection

    @Option(help: "The input's regional standard: tw, hk, or auto (told apart per paragraph by its glyphs).")
    var from: SourceRegion?

    @Flag(help: "Regional vocabulary too (软件 ↔ 軟體), with --to tw|hk or --from tw|hk|auto.")
    var phrases = false

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
        options.source = from
        options.phrases = phrases
        try records.run([try ScriptConverter(options)])
    }
}
