/// How many documents of an archive each policy term occurs in, for ranking rarer terms higher
/// (`qingxi keywords --df FILE`). Built in one streaming pass by `DocumentFrequencyCounter` (`qingxi df`).
///
/// File format (UTF-8, `#` comments allowed):
/// ```
/// # qingxi document frequencies
/// documents	523
/// 河长制	12
/// 乡村振兴战略	9
/// ```
/// The `documents<TAB>N` line comes first; then one `term<TAB>count` line per term (simplified script),
/// most frequent first. Terms are candidates as the keyword stage sees them, before thresholds.
public struct DocumentFrequencyTable: Sendable, Equatable {
    /// How many documents were counted.
    public private(set) var documents = 0
    /// Term → number of documents containing it.
    public private(set) var counts: [String: Int] = [:]
    /// When the table holds more than this many terms, terms seen in one document only are dropped (their
    /// counts become 0, which barely changes their weight); keeps memory bounded on any archive.
    public var maximumTerms: Int

    public init(maximumTerms: Int = 2_000_000) {
        self.maximumTerms = maximumTerms
    }

    /// The number of documents that contain `term` (0 when unknown).
    public func frequency(of term: String) -> Int {
        counts[term] ?? 0
    }

    /// Counts one document holding `terms` (each counted once).
    public mutating func addDocument(terms: Set<String>) {
        documents += 1
        for term in terms { counts[term, default: 0] += 1 }
        if counts.count > maximumTerms { counts = counts.filter { $0.value > 1 } }
    }

    /// The table in its file format; terms seen in fewer than `minimumCount` documents are left out.
    public func serialized(minimumCount: Int = 1) -> String {
        var out = "# qingxi document frequencies: documents<TAB>N, then term<TAB>count\n"
        out += "documents\t\(documents)\n"
        let rows = counts.filter { $0.value >= minimumCount }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        for (term, count) in rows { out += "\(term)\t\(count)\n" }
        return out
    }

    /// Reads a table file.
    public static func load(file: String) throws -> DocumentFrequencyTable {
        var table = DocumentFrequencyTable()
        var sawHeader = false
        try DataFile.lines(ofFile: file) { line, _ in try table.read(line, sawHeader: &sawHeader) }
        return table
    }

    /// Reads table text (`name` is used in error messages).
    public static func parse(_ text: String, name: String) throws -> DocumentFrequencyTable {
        var table = DocumentFrequencyTable()
        var sawHeader = false
        try DataFile.lines(of: text, name: name) { line, _ in try table.read(line, sawHeader: &sawHeader) }
        return table
    }

    private mutating func read(_ line: Substring, sawHeader: inout Bool) throws {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 2, let count = Int(fields[1]), count >= 0 else {
            throw DataFileLineError("expected term<TAB>count")
        }
        if !sawHeader {
            guard fields[0] == "documents" else { throw DataFileLineError("expected documents<TAB>N first") }
            documents = count
            sawHeader = true
            return
        }
        guard !fields[0].isEmpty else { throw DataFileLineError("empty term") }
        guard count <= documents else { throw DataFileLineError("count \(count) exceeds documents \(documents)") }
        counts[String(fields[0])] = count
    }
}
