@testable import QingxiCore

/// Runs dedup stages over small articles written as lines, the way the CLI feeds them: plain text, one
/// paragraph per line, articles separated by a line holding only a form feed.
enum DedupHarness {
    struct Result {
        var articles: [Article] = []
        var kept: [[String]] = []

        /// Every removal of every article, as (article id, paragraph number, reason).
        var removals: [(String, Int, String)] {
            articles.flatMap { a in a.removed.map { (a.id, $0.paragraph, $0.reason) } }
        }

        /// Output in plain-text form.
        var text: String {
            kept.map { $0.map { $0 + "\n" }.joined() }.joined(separator: "\u{0C}\n")
        }
    }

    /// The script fold the CLI uses: the convert engine's single-character T→S rules.
    static var cliFold: ParagraphKeyMaker.ScriptFold {
        get throws { .table(try .icuTraditionalToSimplified()) }
    }

    /// Splits plain text into articles of lines.
    static func articles(fromText text: String) -> [[String]] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var result: [[String]] = [[]]
        for line in lines {
            if line == "\u{0C}" { result.append([]) } else { result[result.count - 1].append(line) }
        }
        return result
    }

    /// Runs `stage` over `articles` (ids `a1`, `a2`, … unless given).
    static func run(_ stage: Stage, _ articles: [[String]], ids: [String]? = nil) throws -> Result {
        var result = Result()
        var line = 1
        for (index, lines) in articles.enumerated() {
            let article = Article(id: ids?[index] ?? "a\(index + 1)", file: "test", line: line)
            var kept: [String] = []
            try stage.begin(article)
            for (number, text) in lines.enumerated() {
                try stage.process(Paragraph(text: text, number: number + 1, line: line), of: article) { kept.append($0.text) }
                line += 1
            }
            try stage.end(article) { kept.append($0.text) }
            result.articles.append(article)
            result.kept.append(kept)
        }
        try stage.finish()
        return result
    }

    static func dedup(_ articles: [[String]], fold: ParagraphKeyMaker.ScriptFold? = nil, dropList: DropList? = nil,
                      configure: (inout DedupOptions) -> Void = { _ in }) throws -> Result {
        var options = DedupOptions()
        configure(&options)
        return try run(ParagraphDeduplicator(options: options, fold: fold ?? cliFold, dropList: dropList), articles)
    }

    /// Checks the stage contract on a result: every input paragraph is either kept (in order) or removed, once.
    static func accountsForEverything(_ input: [[String]], _ result: Result) -> Bool {
        for (index, lines) in input.enumerated() {
            let removed = Set(result.articles[index].removed.map(\.paragraph))
            let kept = lines.enumerated().filter { !removed.contains($0.offset + 1) }.map(\.element)
            if kept != result.kept[index] || removed.count != result.articles[index].removed.count { return false }
        }
        return true
    }
}
