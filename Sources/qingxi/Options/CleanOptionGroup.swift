import ArgumentParser
import QingxiCore

/// The options of the whole chain (convert → strip → dedup → keywords), shared by `qingxi clean` and
/// `qingxi index` and `qingxi batch`.
struct CleanOptionGroup: ParsableArguments {
    @Option(help: "Output script: hans, hant, tw (Taiwan), hk (Hong Kong), or keep (no conversion; matching still uses simplified).")
    var to: CleanOptions.Target = .hans

    @Option(help: ArgumentHelp("The stages to run, comma-separated (always in the order convert,strip,dedup,keywords).",
                               valueName: "list"))
    var stages = CleanStage.allCases.map(\.rawValue).joined(separator: ",")

    @Flag(name: .customLong("exact-icu"), help: "convert: reproduce ICU byte for byte (no corrections).")
    var exactICU = false

    @Flag(name: .customLong("keep-punctuation"), help: "convert: leave 「」 and “” as they are.")
    var keepPunctuation = false

    @Option(name: .customLong("convert-rules"), help: "convert: a correction file of your own (repeatable).")
    var convertRules: [String] = []

    @Option(name: .customLong("strip-rules"), help: "strip: a rule file of your own (repeatable).")
    var stripRules: [String] = []

    @Option(name: .customLong("profile"), help: "strip: a footer profile written by 'qingxi profile'.")
    var profile: String?

    @OptionGroup(title: "dedup") var dedup: DedupOptionGroup
    @OptionGroup(title: "keywords") var keywords: KeywordOptionGroup
    @OptionGroup(title: "lexicon") var lexicon: LexiconOptionGroup

    func validate() throws {
        for name in stageList where CleanStage(rawValue: name) == nil {
            throw ValidationError("unknown stage '\(name)' in --stages (known: \(CleanStage.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    private var stageList: [String] {
        stages.split(separator: ",").map { String($0.filter { $0 != " " }) }.filter { !$0.isEmpty }
    }

    /// The chain's options from the command line.
    var cleanOptions: CleanOptions {
        var options = CleanOptions()
        options.target = to
        options.stages = stageList.compactMap(CleanStage.init(rawValue:))
        options.exactICU = exactICU
        options.keepPunctuation = keepPunctuation
        options.convertRuleFiles = convertRules
        options.stripRuleFiles = stripRules
        options.footerProfile = profile
        options.dedup = dedup.options
        options.keywordTop = keywords.top
        options.keywordMinScore = keywords.minScore
        options.documentFrequencies = keywords.dfFile
        options.lexiconFiles = lexicon.lexiconFiles
        options.outletFiles = lexicon.outletFiles
        options.builtInLexicon = !lexicon.noBuiltInLexicon
        options.tokens = keywords.tokens
        return options
    }
}

extension CleanOptions.Target: ExpressibleByArgument {}
