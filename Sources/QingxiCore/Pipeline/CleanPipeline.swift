/// The stages `qingxi clean` can chain, in the only order they run: convert → strip → dedup → keywords.
/// Conversion comes first so that every later stage sees one script; strip before dedup so that boilerplate
/// repeated in every article is explained as boilerplate, not as a duplicate; keywords last, on clean text.
public enum CleanStage: String, Sendable, CaseIterable {
    case convert, strip, dedup, keywords
}

/// Everything `qingxi clean` (and `qingxi batch`) needs to build its chain: the stage list and each stage's
/// options, with the defaults of the single-stage commands.
public struct CleanOptions: Sendable {
    /// The output script: `hans`, `hant`, or `keep` (no conversion; matching still uses the simplified view).
    public enum Target: String, Sendable, CaseIterable { case hans, hant, tw, hk, keep }

    public var target: Target = .hans
    public var stages: [CleanStage] = CleanStage.allCases
    public var exactICU = false
    public var keepPunctuation = false
    public var convertRuleFiles: [String] = []
    public var stripRuleFiles: [String] = []
    public var footerProfile: String?
    public var dedup = DedupOptions()
    public var keywordTop = 20
    public var keywordMinScore: Double?
    public var documentFrequencies: String?
    public var lexiconFiles: [String] = []
    public var outletFiles: [String] = []
    public var builtInLexicon = true
    public var tokens = false

    public init() {}
}

/// Builds the chain of `qingxi clean` from `CleanOptions`: one fresh set of stages per call (stages are not
/// thread-safe, so a parallel driver calls this once per worker). The output equals piping the single-stage
/// commands with the same options one after another (a test holds this).
public enum CleanPipeline {
    /// `recordBuilder`: the index record builder that will take the chain's output, if any; the keyword stage
    /// shares its term finder when their lexicons agree (see `IndexRecordBuilder.keywordFinder(for:)`).
    public static func stages(_ options: CleanOptions, recordBuilder: IndexRecordBuilder? = nil) throws -> [Stage] {
        let converter = try ScriptConverter(ConversionOptions(direction: .hans))
        let view = ScriptConverter.matchingView(using: converter)
        var stages: [Stage] = []
        for stage in CleanStage.allCases where options.stages.contains(stage) {
            switch stage {
            case .convert:
                guard let conversion = conversionOptions(options) else { continue }
                stages.append(conversion.isMatchingViewConversion ? converter : try ScriptConverter(conversion))
            case .strip:
                let profile = try options.footerProfile.map { try FooterProfile.load(file: $0) }
                stages.append(BoilerplateStripper(rules: try StripRuleSet.builtIn(adding: options.stripRuleFiles),
                                                  view: view, profile: profile))
            case .dedup:
                try options.dedup.validate()
                let fold = ParagraphKeyMaker.ScriptFold.table(try .icuTraditionalToSimplified())
                stages.append(try ParagraphDeduplicator(options: options.dedup, fold: fold))
            case .keywords:
                stages += try keywordStages(options, view: view, recordBuilder: recordBuilder)
            }
        }
        return stages
    }

    /// The convert stage's options; nil for `--to keep`. When they convert as the matching view does, one
    /// converter serves both (building a converter is most of a chain's start-up); sharing is safe because a
    /// conversion finishes (its string made) before the stage emits and a later stage asks for a view.
    private static func conversionOptions(_ options: CleanOptions) -> ConversionOptions? {
        guard let direction = ScriptDirection(rawValue: options.target.rawValue) else { return nil }
        return ConversionOptions(direction: direction, exactICU: options.exactICU,
                                 keepPunctuation: options.keepPunctuation, ruleFiles: options.convertRuleFiles)
    }

    private static func keywordStages(_ options: CleanOptions, view: MatchingView,
                                      recordBuilder: IndexRecordBuilder?) throws -> [Stage] {
        var lexicon = options.builtInLexicon ? try PolicyLexicon.builtIn(view: view) : PolicyLexicon(view: view)
        for file in options.lexiconFiles { try lexicon.loadTerms(file: file) }
        for file in options.outletFiles { try lexicon.loadOutlets(file: file) }
        let table = try options.documentFrequencies.map { try DocumentFrequencyTable.load(file: $0) }
        var ranker = KeywordRanker(top: options.keywordTop, documentFrequencies: table)
        if let score = options.keywordMinScore { ranker = KeywordRanker(top: options.keywordTop, minimumScore: score, documentFrequencies: table) }
        let finder = try recordBuilder?.keywordFinder(for: lexicon) ?? TermCandidateFinder(lexicon: lexicon)
        var stages: [Stage] = [PolicyTermExtractor(finder: finder, view: view, ranker: ranker)]
        if options.tokens { stages.append(try SearchTokenizer(lexicon: lexicon, view: view, mode: .annotate)) }
        return stages
    }
}
