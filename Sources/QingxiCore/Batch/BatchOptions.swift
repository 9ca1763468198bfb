#if canImport(Glibc)
import Glibc
#endif


/// The options of `qingxi batch` (see docs/batch.md).
public struct BatchOptions: Sendable {
    /// Files and directories to read.
    public var inputs: [String] = []
    /// The output folder.
    public var output = ""
    public var layout = BatchLayout.shards
    /// Uncompressed JSONL bytes per shard; with `mirror`, output bytes between commits.
    public var shardBytes = 128 << 20
    /// Worker threads; the output is the same for any value.
    public var jobs = BatchOptions.availableCores
    /// Continue the run recorded in `OUT/manifest.jsonl`.
    public var resume = false
    /// No progress meter and no summary on stderr.
    public var quiet = false
    /// The progress meter: nil shows it when stderr is a terminal.
    public var progress: Bool?
    /// Also write the summary as JSON to this file.
    public var reportPath: String?
    public var encoding = InputEncoding.utf8
    /// A JSONL line or a text file longer than this is rejected (and never held in memory).
    public var maxRecordBytes = 64 << 20
    public var textField = "text"
    /// The JSONL field holding the article id (a name or a dotted path, `meta.id`).
    public var idField = "id"
    /// zlib level of gzip output (1 fastest … 9 smallest). 3 costs a third of level 6's time on news JSONL for
    /// about 8% more bytes.
    public var gzipLevel = 3
    /// Keep the removal trail (`qingxi.removed`) in JSONL output, and articles emptied by the stages.
    public var explain = false
    /// Write index records (`--format`) instead of cleaned articles; shards layout only.
    public var indexFormat: BatchIndexFormat?
    /// What the stage chain does, as the CLI's option values: part of the resume fingerprint, so that
    /// `--resume` with other stage options is refused.
    public var chainDescription = ""

    /// Tests only: output writes fail with ENOSPC once this many bytes were written (a full disk on demand).
    var diskBudget: Int?

    /// Follow symbolic links found in input folders (`--follow`; links named as arguments are always followed).
    public var followLinks = false

    public init() {}

    public static var availableCores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    public func validate() throws {
        if inputs.isEmpty { throw QingxiError.usage("batch needs at least one input file or folder") }
        if output.isEmpty { throw QingxiError.usage("batch needs --out FOLDER") }
        if jobs < 1 { throw QingxiError.usage("--jobs must be at least 1, got \(jobs)") }
        if shardBytes < 1 { throw QingxiError.usage("--shard-bytes must be positive, got \(shardBytes)") }
        if !(1...9).contains(gzipLevel) { throw QingxiError.usage("--gzip-level must be 1 to 9, got \(gzipLevel)") }
        if maxRecordBytes < 1 || maxRecordBytes > 1 << 30 {
            throw QingxiError.usage("--max-record-bytes must be between 1 and 1G, got \(maxRecordBytes)")
        }
        if inputs.contains("-") {
            if resume { throw QingxiError.usage("batch -: standard input cannot be read again, so it cannot be resumed: save it to a file first") }
            if layout == .mirror { throw QingxiError.usage("batch -: standard input has no path to mirror: use --layout shards") }
            if inputs.filter({ $0 == "-" }).count > 1 { throw QingxiError.usage("batch: '-' (standard input) given twice") }
        }
        if indexFormat != nil && layout != .shards {
            throw QingxiError.usage("--format writes index records into shards; it does not combine with --layout \(layout.rawValue)")
        }
    }

    /// A byte count with an optional K, M or G suffix (powers of 1024): "64M", "512k", "1000".
    public static func byteCount(_ text: String) -> Int? {
        let units: [Character: Int] = ["k": 1 << 10, "m": 1 << 20, "g": 1 << 30]
        var digits = Substring(text.lowercased())
        if digits.hasSuffix("ib") || digits.hasSuffix("b") { digits = digits.dropLast(digits.hasSuffix("ib") ? 2 : 1) }
        var multiplier = 1
        if let last = digits.last, let unit = units[last] {
            multiplier = unit
            digits = digits.dropLast()
        }
        guard let value = Int(digits), value >= 0 else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : product
    }
}
