import ArgumentParser
import QingxiCore

/// The options of the dedup stage, shared by `qingxi dedup` and `qingxi clean`.
struct DedupOptionGroup: ParsableArguments {
    @Option(help: "article: repeats inside each article; stream: also paragraphs seen in earlier articles.")
    var scope: DedupOptions.Scope = .article

    @Option(help: ArgumentHelp("In-article near-duplicates: share of the kept paragraph a later one repeats in order (0 turns it off).", valueName: "threshold"))
    var near = 0.9

    @Option(name: .customLong("min-chars"), help: ArgumentHelp("Stream scope: shorter keys are never removed as seen elsewhere.", valueName: "n"))
    var minChars = 10

    @Flag(name: .customLong("fold-digits"), help: "Treat every digit as 0 (template hunting; off: figures make news differ).")
    var foldDigits = false

    @Option(help: ArgumentHelp("Stream scope with a fixed-size Bloom filter of this false-positive rate instead of an exact set.", valueName: "rate"))
    var bloom: Double?

    @Option(help: ArgumentHelp("Distinct paragraphs expected in the stream (sizes --bloom; presizes the exact set).", valueName: "n"))
    var expected: Int?

    @Option(name: .customLong("near-articles"), help: ArgumentHelp("Also find near-duplicate articles at this MinHash similarity (e.g. 0.8).", valueName: "threshold"))
    var nearArticles: Double?

    @Option(name: .customLong("article-action"),
            help: "drop or mark near-duplicate articles (default: drop for text output, mark for JSONL).")
    var articleAction: DedupOptions.NearArticleAction?

    /// The stage options these flags describe (`--bloom` implies stream scope).
    var options: DedupOptions {
        var options = DedupOptions()
        options.scope = bloom != nil ? .stream : scope
        options.near = near > 0 ? near : nil
        options.minChars = minChars
        options.foldDigits = foldDigits
        options.bloomRate = bloom
        options.expected = expected
        options.nearArticles = nearArticles
        options.nearArticleAction = articleAction
        return options
    }
}
