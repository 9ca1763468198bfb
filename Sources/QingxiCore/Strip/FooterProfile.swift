/// Lines that recur in many articles of one source (site footers, fixed slogans, subscription blurbs), learned
/// from an archive by `qingxi profile` and removed by `qingxi strip --profile FILE` with the reason `profile`.
///
/// Profile file format (UTF-8, `#` comments; written by `serialized()`), three tab-separated fields a line:
///
///     source  articles  line
///
/// `source` is the group the line recurs in (a JSONL field such as `site`, or the dateline org), `articles`
/// how many of that source's articles hold it, `line` the line's matching view (simplified, width-folded,
/// trimmed). The stripper removes a line whose matching view equals any profile line, whatever its source
/// (it streams articles without knowing their source field).
public struct FooterProfile: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var source: String
        public var articles: Int
        public var line: String
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The lines the stripper removes.
    public var lines: Set<String> { Set(entries.map(\.line)) }

    /// Trims white space around a line and lowers ASCII letters (as the matching view does).
    public static func normalize(_ line: String) -> String {
        let scalars = line.unicodeScalars.map { Unicode.Scalar(ASCIIFold.lower($0.value)) ?? $0 }
        var low = 0, high = scalars.count
        while low < high, scalars[low].properties.isWhitespace { low += 1 }
        while high > low, scalars[high - 1].properties.isWhitespace { high -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[low..<high])
        return String(view)
    }

    /// Reads a profile file (errors name file and line).
    public static func load(file: String) throws -> FooterProfile {
        var entries: [Entry] = []
        try DataFile.lines(ofFile: file) { line, _ in
            entries.append(try parse(line))
        }
        return FooterProfile(entries: entries)
    }

    static func parse(_ line: Substring) throws(DataFileLineError) -> Entry {
        let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3 else { throw DataFileLineError("expected source, articles and line, tab-separated") }
        guard let count = Int(fields[1]), count > 0 else { throw DataFileLineError("bad article count '\(fields[1])'") }
        let text = normalize(String(fields[2]))
        guard !text.isEmpty else { throw DataFileLineError("empty profile line") }
        return Entry(source: String(fields[0]), articles: count, line: text)
    }

    /// The profile as a file: a header comment, then entries by source, most frequent first.
    public func serialized() -> String {
        var out = "# qingxi footer profile: source<TAB>articles<TAB>line (matching view)\n"
        for entry in entries {
            out += "\(entry.source)\t\(entry.articles)\t\(entry.line)\n"
        }
        return out
    }
}

/// Counts, per source, in how many articles each short line occurs, and keeps the lines that occur in at least
/// `minArticles` articles and in at least `minShare` of the source's articles.
///
/// Memory: one counter per distinct short line per source; when a source holds more than `maxDistinct`
/// counters, lines seen only once are forgotten (a footer recurs, so it survives the pruning).
public final class FooterProfileLearner {
    public var minArticles = 5
    public var minShare = 0.3
    /// Longest line (characters) considered: footers are short; body paragraphs are not learned.
    public var maxLength = 120
    public var maxDistinct = 200_000
    private let view: MatchingView
    private var counts: [String: [String: Int]] = [:]
    private var articles: [String: Int] = [:]

    public init(view: MatchingView) {
        self.view = view
    }

    /// Adds one article's paragraphs under `source` (each distinct line counts once per article).
    public func add(paragraphs: [String], source: String) {
        articles[source, default: 0] += 1
        var seen = Set<String>()
        for text in paragraphs where text.unicodeScalars.count <= maxLength {
            let line = FooterProfile.normalize(view.folded(text))
            guard !line.isEmpty, seen.insert(line).inserted else { continue }
            counts[source, default: [:]][line, default: 0] += 1
        }
        if let table = counts[source], table.count > maxDistinct {
            counts[source] = table.filter { $0.value > 1 }
        }
    }

    /// The learned profile: sources in name order, lines by descending count, then by text.
    public func profile() -> FooterProfile {
        var entries: [FooterProfile.Entry] = []
        for source in counts.keys.sorted() {
            let total = articles[source] ?? 0
            let needed = max(minArticles, Int((Double(total) * minShare).rounded(.up)))
            let lines = counts[source]!.filter { $0.value >= needed }
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            entries += lines.map { FooterProfile.Entry(source: source, articles: $0.value, line: $0.key) }
        }
        return FooterProfile(entries: entries)
    }
}
