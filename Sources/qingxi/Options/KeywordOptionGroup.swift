import ArgumentParser
import QingxiCore

/// The options of the keywords stage, shared by `qingxi keywords` and `qingxi clean`.
struct KeywordOptionGroup: ParsableArguments {
    @Option(help: "At most N terms per article.")
    var top = 20

    @Option(name: .customLong("min-score"), help: "Leave out terms scoring below this (fewer terms for articles naming few policies).")
    var minScore = KeywordRanker().minimumScore

    @Option(name: .customLong("df"), help: "A document-frequency table made by `qingxi df`, for archive-aware ranking.")
    var dfFile: String?

    @Flag(help: "JSONL: also add qingxi.tokens (search-index tokens, see `qingxi tokens`).")
    var tokens = false

    func validate() throws {
        guard top > 0 else { throw ValidationError("--top must be at least 1") }
    }
}
