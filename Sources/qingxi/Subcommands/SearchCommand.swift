import ArgumentParser
import QingxiCore
#if canImport(Glibc)
import Glibc
#endif

/// `qingxi search --db FILE QUERY`: ranked hits from an index made by `qingxi index`.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search an index made by `qingxi index`: ranked hits (bm25) with marked snippets, keywords and meta.",
        discussion: """
            The query is cut like the articles (simplified script, policy terms whole): 河長制 finds 河长制. Words \
            separated by spaces must all match; each one matches as a phrase. A query is at most 1,000 characters \
            and 64 words. Exit codes (as grep): 0 some article matched; 1 nothing matched (with --queries: no \
            query matched), or a damaged database; 2 an empty or too long query, a missing, locked or non-qingxi \
            database. See docs/index.md.
            """
    )

    @Option(help: ArgumentHelp("The index file.", valueName: "file"))
    var db: String

    @Argument(help: "The query (several arguments are joined with spaces).")
    var query: [String] = []

    @Option(help: ArgumentHelp("Run every query of this file (one a line; '-' reads standard input) in one process.",
                               valueName: "file"))
    var queries: String?

    @Option(help: ArgumentHelp("At most N hits.", valueName: "n"))
    var limit = 10

    @Flag(help: "One JSON object per hit, one a line.")
    var json = false

    @Option(help: ArgumentHelp("Only articles whose source contains this (either script).", valueName: "name"))
    var source: String?

    @Option(help: ArgumentHelp("Only articles with a keyword term containing this (either script, 《》 optional).", valueName: "term"))
    var keyword: String?

    @Flag(help: "Leave out near duplicates (fingerprints within 8 bits) of a better hit.")
    var collapse = false

    @Option(name: .customLong("snippet-width"), help: ArgumentHelp("Characters per snippet.", valueName: "n"))
    var snippetWidth = 100

    @Option(help: ArgumentHelp("The marks around matches, OPEN,CLOSE.", valueName: "open,close"))
    var mark = "**,**"

    @Option(name: .customLong("busy-timeout"), help: ArgumentHelp("Milliseconds to wait for another process's lock.", valueName: "ms"))
    var busyTimeout: Int32 = 5_000

    @Flag(help: "Report the time spent opening the index and answering the query on standard error.")
    var timing = false

    func validate() throws {
        if queries != nil && !query.isEmpty { throw ValidationError("give a QUERY or --queries, not both") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard mark.split(separator: ",", omittingEmptySubsequences: false).count == 2 else {
            throw ValidationError("--mark takes OPEN,CLOSE (e.g. '<b>,</b>')")
        }
    }

    func run() throws {
        let started = Self.now()
        let store = try SearchIndexStore.openForReading(path: db, busyTimeout: busyTimeout)
        let lexicon = try IndexLexicon.stored(in: store) ?? IndexLexicon()
        let searcher = try IndexSearcher(store: store, lexicon: try lexicon.load(view: try ScriptConverter.matchingView()))
        let marks = mark.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        searcher.snippets.open = marks[0]
        searcher.snippets.close = marks[1]
        searcher.snippets.width = snippetWidth
        let messages = MessageWriter()
        if timing { messages.line("qingxi: search: open \(Self.ms(Self.now() - started)) ms (\(try store.articleCount()) articles)") }
        let output = OutputWriter(fd: 1, name: "<stdout>")
        let list = try queries.map(Self.lines(of:)) ?? [query.joined(separator: " ")]
        for (number, text) in list.enumerated() { try Self.checkSize(text, where: queries.map { "\($0 == "-" ? "<stdin>" : $0): query \(number + 1): " } ?? "") }
        var matched = false
        for text in list {
            let asked = Self.now()
            let hits = try searcher.search(try searcher.query(text), options: options)
            let answered = Self.now()
            try write(hits, for: text, many: queries != nil, to: output)
            matched = matched || !hits.isEmpty
            if hits.isEmpty && !json && queries == nil { messages.line("qingxi: search: no article matches") }
            if timing { messages.line("qingxi: search: '\(text)': \(hits.count) hit(s) in \(Self.ms(answered - asked)) ms") }
        }
        try output.flush()
        if !matched { Glibc.exit(1) }  // grep's convention: a script can test for "found nothing"
    }

    static let maxQueryCharacters = 1_000
    static let maxQueryWords = 64

    /// Bounds the work of one query: its cost grows with its length (about 17 KB of memory per character once
    /// cut and expanded), so a huge query is a usage error rather than gigabytes.
    static func checkSize(_ text: String, where place: String) throws {
        let characters = text.count
        let words = text.split(whereSeparator: \.isWhitespace).count
        guard characters <= maxQueryCharacters, words <= maxQueryWords else {
            throw QingxiError.usage("\(place)query of \(characters) characters and \(words) word(s): at most "
                                    + "\(maxQueryCharacters) characters and \(maxQueryWords) words")
        }
    }

    private var options: SearchOptions {
        var options = SearchOptions()
        options.limit = limit
        options.source = source
        options.keyword = keyword
        options.collapse = collapse
        return options
    }

    /// Text: hits separated by blank lines (with --queries, each query's hits under a `## QUERY` line).
    /// JSON: one object per hit (with --queries, each has a "query" field first).
    private func write(_ hits: [SearchHit], for text: String, many: Bool, to output: OutputWriter) throws {
        if json {
            for hit in hits {
                var value = hit.json
                if many, case .object(let fields) = value { value = .object([("query", .string(text))] + fields) }
                try output.write(value.encoded())
                try output.write(byte: 0x0A)
            }
            return
        }
        if many { try output.write("## \(text)\n") }
        try output.write(hits.map(\.text).joined(separator: "\n"))
        if many { try output.write("\n") }
    }

    /// The non-blank lines of a file ('-': standard input).
    private static func lines(of path: String) throws -> [String] {
        let reader = path == "-" ? LineReader(fd: 0, name: "<stdin>") : try LineReader(path: path)
        try reader.decompressOrRefuse()
        var lines: [String] = []
        while let line = try reader.nextLine({ String(decoding: $0, as: UTF8.self) }) {
            if !line.allSatisfy(\.isWhitespace) { lines.append(line) }
        }
        return lines
    }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    private static func ms(_ seconds: Double) -> String { String(Int((seconds * 1000).rounded())) }
}
