import ArgumentParser
import QingxiCore

/// `qingxi profile`: learns site footers (lines recurring across many articles of one source) from an archive
/// and writes a profile for `qingxi strip --profile`.
struct Profile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Learn lines that recur in many articles of the same source (site footers) from an archive.",
        discussion: """
            First pass of two: 'qingxi profile -o site.profile archive.jsonl' then \
            'qingxi strip --profile site.profile archive.jsonl'. JSONL records are grouped by --source-field; \
            plain text (articles separated by form feed lines) is one group. See docs/strip.md.
            """
    )

    @Argument(help: "Archive files (plain text or JSON Lines); '-' or none reads standard input.")
    var files: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Where to write the profile (default: standard output).")
    var output: String?

    @Option(name: .customLong("source-field"), help: "The JSONL string field that names an article's source.")
    var sourceField = "site"

    @Option(name: .customLong("text-field"), help: "The JSONL field holding the article text.")
    var textField = "text"

    @Option(name: .customLong("input-format"), help: "text or jsonl (default: detected).")
    var inputFormat: RecordFormat?

    @Option(name: .customLong("min-articles"), help: "A line must occur in at least this many articles of its source.")
    var minArticles = 5

    @Option(name: .customLong("min-share"), help: "…and in at least this share of its source's articles.")
    var minShare = 0.3

    func run() throws {
        let learner = FooterProfileLearner(view: try ScriptConverter.matchingView())
        learner.minArticles = minArticles
        learner.minShare = minShare
        try FooterProfileReader.learn(files: files, format: inputFormat, textField: textField,
                                      sourceField: sourceField, into: learner)
        let writer = try output.map { try OutputWriter(path: $0) } ?? OutputWriter(fd: 1, name: "<stdout>")
        try writer.write(learner.profile().serialized())
        try writer.flush()
    }
}
