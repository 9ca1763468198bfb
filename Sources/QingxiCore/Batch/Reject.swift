/// Something batch could not turn into articles, and why. Every reject is written to `OUT/rejects/` as one
/// JSON line and counted by kind in the summary: nothing is dropped silently.
public struct Reject: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Text not valid in its encoding (invalid UTF-8, or not decodable with `--encoding`).
        case undecodable
        /// A JSONL line that is not a JSON object with a string text field.
        case malformed
        /// A record or text file over `--max-record-bytes`.
        case oversized
        /// A truncated or corrupt gzip, tar or ZIP, a decompression bomb.
        case damaged
        /// An archive entry refused: a path escaping the archive, a link, a nested archive, a name clash.
        case refused
        /// A file or directory that cannot be read.
        case unreadable
        /// A file named on the command line that batch does not read.
        case unsupported
        /// A file found in a folder, or an archive entry, of a type batch does not read (`x.jsonl.zst`, `notes.doc`):
        /// named like every reject, but the run fails (exit 1) for it only without `--skip-unknown`.
        case skipped
    }

    /// The input's id: relative path, or `archive!entry`.
    public var input: String
    /// The 1-based line of a JSONL record; nil for whole files.
    public var line: Int?
    public var reason: String
    public var kind: Kind
    /// The start of the rejected record, for malformed and undecodable records (at most `excerptBytes`).
    public var excerpt: [UInt8]?

    public static let excerptBytes = 4096

    public init(input: String, line: Int? = nil, reason: String, kind: Kind, record: [UInt8]? = nil) {
        self.input = input
        self.line = line
        self.reason = reason
        self.kind = kind
        self.excerpt = record.map { Array($0.prefix(Self.excerptBytes)) }
    }

    /// The reject as it is written to `OUT/rejects/*.jsonl` (no newline). The excerpt shows invalid bytes as
    /// U+FFFD: it is there to find the record, the input itself is untouched.
    public var jsonLine: [UInt8] {
        var fields: [(String, JSONValue)] = [("input", .string(input))]
        if let line { fields.append(("line", .int(line))) }
        fields.append(("kind", .string(kind.rawValue)))
        fields.append(("reason", .string(reason)))
        if let excerpt { fields.append(("record", .string(String(decoding: excerpt, as: UTF8.self)))) }
        return JSONValue.object(fields).encoded()
    }

    /// `input:line: reason` for messages on stderr.
    public var message: String {
        "\(input)\(line.map { ":\($0)" } ?? ""): \(reason)"
    }
}
