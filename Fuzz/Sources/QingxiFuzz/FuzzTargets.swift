#if canImport(Glibc)
import Glibc
#endif

/// One fuzz target: built once per process, then run on every input libFuzzer generates. `run` crashes (via
/// `FuzzCheck`) when an invariant fails, so that libFuzzer records the input.
protocol FuzzTarget: AnyObject {
    func run(_ input: FuzzInput)
}

/// The registry of targets, by the name `scripts/fuzz` passes.
enum FuzzTargets {
    nonisolated(unsafe) static let all: [(name: String, summary: String, make: () throws -> FuzzTarget)] = [
        ("records", "record reader and printers, text and JSONL: chunked == whole, nothing lost, idempotent", { try RecordsTarget() }),
        ("convert", "convert engines, both directions, exact and default: fast path == paragraph path, exact == ICU", { try ConvertTarget() }),
        ("strip", "strip with the embedded rules: kept + removed == input paragraphs, chunked == whole", { try StripTarget() }),
        ("dedup", "dedup in article and stream scope: kept + removed == input, chunked == whole, idempotent", { try DedupTarget() }),
        ("keywords", "keyword extraction and search tokens: terms well formed, chunked == whole", { try KeywordsTarget() }),
        ("archives", "batch readers: tar, tar.gz, zip, jsonl.gz, GB18030/Big5 detection: every record accounted for", { ArchivesTarget() }),
    ]

    nonisolated(unsafe) static let selected: FuzzTarget = {
        let name = getenv("QINGXI_FUZZ_TARGET").map { String(cString: $0) } ?? ""
        guard let entry = all.first(where: { $0.name == name }) else {
            FuzzCheck.say("QINGXI_FUZZ_TARGET must be one of: " + all.map(\.name).joined(separator: ", "))
            exit(2)
        }
        do {
            return try entry.make()
        } catch {
            FuzzCheck.say("cannot set up target \(name): \(error)")
            exit(2)
        }
    }()
}
