/// One input file found by `InputDiscovery`, in the order batch reads it.
public struct BatchInput: Sendable, Equatable {
    /// What a file holds, by its name (case-insensitive suffix).
    public enum Kind: String, Sendable, Equatable {
        /// `*.txt`: one article, paragraphs are lines.
        case text
        /// `*.jsonl`, `*.jsonl.gz`: one article per line.
        case jsonl, jsonlGzip
        /// `*.tar`, `*.tar.gz` / `*.tgz`, `*.zip`: archives of the above.
        case tar, tarGzip, zip

        /// The kind a file name announces, or nil for files batch does not read.
        public init?(fileName: String) {
            let name = fileName.lowercased()
            if name.hasSuffix(".txt") { self = .text }
            else if name.hasSuffix(".jsonl") { self = .jsonl }
            else if name.hasSuffix(".jsonl.gz") { self = .jsonlGzip }
            else if name.hasSuffix(".tar") { self = .tar }
            else if name.hasSuffix(".tar.gz") || name.hasSuffix(".tgz") { self = .tarGzip }
            else if name.hasSuffix(".zip") { self = .zip }
            else { return nil }
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
