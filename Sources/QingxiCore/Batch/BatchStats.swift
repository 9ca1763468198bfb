/// The counts a batch run reports (summary on stderr, `--report FILE`, and each manifest commit, so that a
/// resumed run ends with the same totals as an uninterrupted one). Every field is a plain sum over units.
public struct BatchStats: Sendable, Equatable {
    /// Files and archive entries read as sources of articles.
    public var sources = 0
    public var articlesIn = 0
    /// Articles written with text left in them.
    public var articlesOut = 0
    /// Articles whose every paragraph was removed (not written, except with `--explain` or as mirrored `.txt`).
    public var articlesEmptied = 0
    public var paragraphsIn = 0
    public var paragraphsOut = 0
    /// Paragraphs removed, by `stage: reason` (see `reasonKey`).
    public var removed: [String: Int] = [:]
    /// Paragraphs removed by the dedup stage.
    public var duplicates = 0
    /// Rejects by `Reject.Kind` raw value.
    public var rejects: [String: Int] = [:]
    /// Files and entries of types batch does not read.
    public var ignored = 0
    /// Symbolic links not followed (loops, directories reached twice).
    public var skippedLinks = 0
    /// Uncompressed bytes of article input, and of output written.
    public var bytesIn = 0
    public var bytesOut = 0

    public init() {}

    public var rejectCount: Int { rejects.values.reduce(0, +) }
    public var removedCount: Int { removed.values.reduce(0, +) }

    public mutating func add(_ other: BatchStats) {
        sources += other.sources
        articlesIn += other.articlesIn
        articlesOut += other.articlesOut
        articlesEmptied += other.articlesEmptied
        paragraphsIn += other.paragraphsIn
        paragraphsOut += other.paragraphsOut
        removed.merge(other.removed, uniquingKeysWith: +)
        duplicates += other.duplicates
        rejects.merge(other.rejects, uniquingKeysWith: +)
        ignored += other.ignored
        skippedLinks += other.skippedLinks
        bytesIn += other.bytesIn
        bytesOut += other.bytesOut
    }

    mutating func count(_ reject: Reject) {
        rejects[reject.kind.rawValue, default: 0] += 1
    }

    /// Counts an article's removals under `stage: reason` keys.
    mutating func countRemovals(of article: Article) {
        for removal in article.removed {
            removed[Self.reasonKey(stage: removal.stage, reason: removal.reason), default: 0] += 1
            if removal.stage == "dedup" { duplicates += 1 }
        }
    }

    /// The reason without the particulars that make it unique ("duplicate of ¶3" → "duplicate", "seen in
    /// article X" → "seen", "near-duplicate article of X (0.87)" → "near-duplicate article"): the text before
    /// the first " of ", " in ", " (" or ":".
    public static func reasonKey(stage: String, reason: String) -> String {
        var cut = reason.endIndex
        for marker in [" of ", " in ", " (", ":", "："] {
            if let range = reason.firstRange(of: marker), range.lowerBound < cut { cut = range.lowerBound }
        }
        let head = reason[..<cut]
        return "\(stage): \(head.isEmpty ? Substring(reason) : head)"
    }

    static let fieldNames = ["sources", "articles_in", "articles_out", "articles_emptied", "paragraphs_in",
                             "paragraphs_out", "duplicates", "ignored", "skipped_links", "bytes_in", "bytes_out"]

    private var scalars: [Int] {
        [sources, articlesIn, articlesOut, articlesEmptied, paragraphsIn, paragraphsOut, duplicates, ignored,
         skippedLinks, bytesIn, bytesOut]
    }

    /// JSON with fixed key order (tables sorted by key), so that manifests and reports are reproducible.
    public var json: JSONValue {
        var fields = zip(Self.fieldNames, scalars).map { ($0.0, JSONValue.int($0.1)) }
        fields.append(("removed", Self.table(removed)))
        fields.append(("rejects", Self.table(rejects)))
        return .object(fields)
    }

    /// Reads what `json` wrote (a manifest line); missing fields count as 0.
    public init(json: JSONValue) {
        func int(_ key: String) -> Int {
            if case .raw(let bytes)? = json[key] { return Int(String(decoding: bytes, as: UTF8.self)) ?? 0 }
            if case .int(let value)? = json[key] { return value }
            return 0
        }
        let values = Self.fieldNames.map(int)
        (sources, articlesIn, articlesOut, articlesEmptied, paragraphsIn, paragraphsOut) =
            (values[0], values[1], values[2], values[3], values[4], values[5])
        (duplicates, ignored, skippedLinks, bytesIn, bytesOut) = (values[6], values[7], values[8], values[9], values[10])
        removed = Self.untable(json["removed"])
        rejects = Self.untable(json["rejects"])
    }

    private static func table(_ counts: [String: Int]) -> JSONValue {
        .object(counts.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, .int($0.value)) })
    }

    private static func untable(_ value: JSONValue?) -> [String: Int] {
        guard case .object(let fields)? = value else { return [:] }
        var counts: [String: Int] = [:]
        for (key, value) in fields {
            if case .raw(let bytes) = value { counts[key] = Int(String(decoding: bytes, as: UTF8.self)) ?? 0 }
            if case .int(let n) = value { counts[key] = n }
        }
        return counts
    }
}
