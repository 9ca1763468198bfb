/// The two record formats every stage reads and writes.
public enum RecordFormat: String, Sendable, CaseIterable {
    /// Plain text: paragraphs are lines; articles are separated by a line holding only a form feed (\f).
    case text
    /// JSON Lines: one article per line, its text in a string field (default `text`).
    case jsonl
}

/// Options of the record layer, shared by every stage command.
public struct RecordOptions: Sendable {
    /// Input files; `-` (or none) is standard input.
    public var inputs: [String] = []
    /// Forced input format; nil detects it per input (JSONL when the first non-space byte is `{`).
    public var inputFormat: RecordFormat?
    /// Output format; nil means the format of the first input.
    public var outputFormat: RecordFormat?
    /// The JSONL field that holds the article text.
    public var textField = "text"
    /// Invalid UTF-8 is an error (exit 1) instead of being replaced with U+FFFD and reported.
    public var strict = false
    /// Malformed records are set aside (written verbatim to `rejectsPath`, counted) instead of ending the run.
    public var skipMalformed = false
    /// Where set-aside records go; nil means standard error.
    public var rejectsPath: String?
    /// Report removals: on stderr (text output) or under `qingxi.removed` (JSONL output).
    public var explain = false
    /// Text output: print the metadata stages found as `key<TAB>value` lines on stderr.
    public var printMeta = false
    /// Bytes per `read(2)` (tests use tiny sizes to prove that chunking does not change the output).
    public var readSize = 1 << 16
    /// A JSONL record or a plain-text line longer than this is not loaded: it is reported and set aside like a
    /// malformed record (an error unless `skipMalformed`). 64 MiB, as `qingxi batch`.
    public var maxRecordBytes = RecordOptions.defaultMaxRecordBytes
    public static let defaultMaxRecordBytes = 64 << 20
    /// The inputs' character encoding: UTF-8, or `auto` (GB18030/GBK and Big5 detected by ICU per input and
    /// decoded line by line), or a charset ICU knows by name.
    public var encoding = InputEncoding.utf8
    /// Why article ids must be unique (`--emit-keys`, `--drop`), or nil: when set, the first article whose id
    /// qingxi had to make up (`FILE:LINE`, a file name) is named in one warning.
    public var uniqueIDsNeededBy: String?
    /// The JSONL field holding the article id: a name or a dotted path (`meta.id`, see `FieldPath`).
    public var idField = "id"
    /// How a JSONL record without an id is named: `position` (`FILE:LINE`, the default) or `content` (a hash
    /// of its text, the same in every run, shard and machine).
    public var missingIDs = MissingIDPolicy.position
    /// When `uniqueIDsNeededBy` is set: what a repeated article id does (`DuplicateIDPolicy`).
    public var duplicateIDs = DuplicateIDPolicy.fail

    public init() {}
}

/// How a JSONL record without an id is named (`RecordOptions.missingIDs`).
public enum MissingIDPolicy: String, Sendable, CaseIterable {
    /// `FILE:LINE` (`<stdin>:N`): unique within a run, but it repeats across runs and shards.
    case position
    /// `qx-` and 32 hex digits of a 128-bit hash of the text field's unescaped UTF-8: the same whatever file,
    /// line, shard or machine; two records with the same text get the same id (a repeat, see `DuplicateIDPolicy`).
    case content

    /// The id of `record`, read at `file:line`, under this policy.
    func madeUpID(for record: JSONRecord, file: String, line: Int) -> String {
        switch self {
        case .position: return "\(file):\(line)"
        case .content: return "qx-" + KeyHash(scalars: record.textBytes.map(UInt32.init)).hex
        }
    }
}

/// What a run did, for the final summary line.
public struct RunSummary: Sendable, Equatable {
    public var articles = 0
    public var paragraphsIn = 0
    public var paragraphsOut = 0
    /// Malformed records set aside (`--on-error skip`).
    public var rejected = 0
    /// Records or lines over `maxRecordBytes` set aside (`--on-error skip`).
    public var oversized = 0
    /// Whole inputs not processed (e.g. UTF-16 files), each reported on stderr.
    public var inputsSetAside = 0
    public var invalidUTF8Lines = 0
    /// JSONL records whose text held escaped lone surrogates (replaced with U+FFFD).
    public var loneSurrogateRecords = 0
    public var bytesIn = 0
    /// Articles skipped because an earlier one had their id (`--on-duplicate-id keep-first`), and articles
    /// given a new id (`rename`).
    public var duplicateIDsSkipped = 0
    public var duplicateIDsRenamed = 0
}
