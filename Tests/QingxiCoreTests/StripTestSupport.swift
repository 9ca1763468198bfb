import Foundation
import Testing
@testable import QingxiCore

/// Paths into the repository's corpus/ folder, found from this file's location (SwiftPM resources must live
/// inside the target folder; the corpus is shared with scripts, so tests look it up instead).
enum Corpus {
    static func path(_ relative: String, file: String = #filePath) -> String {
        var parts = file.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/QingxiCoreTests/<this file>
        return parts.joined(separator: "/") + "/corpus/" + relative
    }

    static func text(_ relative: String) throws -> String {
        guard let bytes = FileBytes.read(path(relative)) else {
            throw QingxiError.io(file: path(relative), message: "cannot read file")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The built-in strip rules, corpus/strip/rules.tsv.
    static func stripRules() throws -> StripRuleSet {
        try StripRuleSet.load(files: [path("strip/rules.tsv")])
    }
}

/// The real matching view (the convert engine's T→S plus width folding), built once for all strip tests and
/// shared behind a lock (tests run in parallel; a converter is not thread-safe).
enum StripView {
    private static let lock = NSLock()
    nonisolated(unsafe) private static let converter = try! ScriptConverter(ConversionOptions(direction: .hans))
    static var shared: MatchingView {
        MatchingView(simplify: { text in lock.withLock { converter.convert(text) } },
                     changeStarts: { lock.withLock { converter.changeStarts() } })
    }
}

/// A stripper with the built-in rules and the real matching view.
func builtInStripper(profile: FooterProfile? = nil) throws -> BoilerplateStripper {
    BoilerplateStripper(rules: try Corpus.stripRules(), view: StripView.shared, profile: profile)
}

/// Runs a stage over one article given as lines; returns what it emitted and the article (removals, meta).
func runStage(_ stage: Stage, lines: [String], id: String = "test") throws -> (kept: [Paragraph], article: Article) {
    let article = Article(id: id, file: "-", line: 1)
    var kept: [Paragraph] = []
    try stage.begin(article)
    for (i, text) in lines.enumerated() {
        try stage.process(Paragraph(text: text, number: i + 1, line: i + 1), of: article) { kept.append($0) }
    }
    try stage.end(article) { kept.append($0) }
    return (kept, article)
}
