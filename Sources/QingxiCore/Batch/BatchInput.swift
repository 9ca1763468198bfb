/// One input file found by `InputDiscovery`, in the order batch reads it.
public struct BatchInput: Sendable, Equatable {
    /// What a file holds, by its name (case-insensitive suffix).
    public enum Kind: String, Sendable, Equatable {
        /// `*.txt`: one article, paragraphs are lines.
        case text
        /// `*.jsonl` / `*.ndjson`; `*.jsonl.gz`, `*.ndjson.gz`, `*.json.gz` (Dolma's name for gzip JSONL): one
        /// article per line.
        case jsonl, jsonlGzip
        /// `*.tar`, `*.tar.gz` / `*.tgz`, `*.zip`: archives of the above.
        case tar, tarGzip, zip

        /// The kind a file name announces, or nil for files batch does not read (`skipReason` says why).
        public init?(fileName: String) {
            let name = fileName.lowercased()
            func ends(_ suffixes: String...) -> Bool { suffixes.contains { name.hasSuffix($0) } }
            if ends(".txt") { self = .text }
            else if ends(".jsonl", ".ndjson") { self = .jsonl }
            else if ends(".jsonl.gz", ".ndjson.gz", ".json.gz") { self = .jsonlGzip }
            else if ends(".tar") { self = .tar }
            else if ends(".tar.gz", ".tgz") { self = .tarGzip }
            else if ends(".zip") { self = .zip }
            else { return nil }
        }

        /// The names batch reads, for messages.
        public static let readableNames = ".txt, .jsonl, .ndjson, .jsonl.gz, .ndjson.gz, .json.gz, .tar, .tar.gz, .tgz, .zip"

        /// Why a file whose name is not a `Kind` is not read: a compression batch does not inflate over a name
        /// it would read (`x.jsonl.zst`), or a type it does not read at all.
        public static func skipReason(fileName: String) -> String {
            let name = fileName.lowercased()
            let compressors = [(".zst", "zstd"), (".zstd", "zstd"), (".bz2", "bzip2"), (".xz", "xz"), (".lz4", "lz4"),
                               (".gz", "gzip")]
            for (suffix, format) in compressors where name.hasSuffix(suffix) {
                let inner = String(name.dropLast(suffix.count))
                if format == "gzip" && inner.hasSuffix(".txt") {
                    return "gzip-compressed plain text; batch inflates JSONL (.jsonl.gz) and tar (.tar.gz) only: decompress it first"
                }
                if Kind(fileName: inner) != nil || inner.hasSuffix(".json") {
                    return "\(format)-compressed; batch reads gzip (.jsonl.gz) only: decompress it first"
                }
            }
            return "not a file batch reads (\(readableNames))"
        }

        var isArchive: Bool { self == .tar || self == .tarGzip || self == .zip }
    }

    /// The path to open.
    public var path: String
    /// The relative path: below the directory given on the command line, or the file's name when the file
    /// itself was given. Article ids and mirrored output paths start from it.
    public var id: String
    public var kind: Kind
    /// Size and modification time when discovered (the resume fingerprint includes them).
    public var size: Int
    public var modified: Int

    public init(path: String, id: String, kind: Kind, size: Int, modified: Int) {
        self.path = path
        self.id = id
        self.kind = kind
        self.size = size
        self.modified = modified
    }
}
