#if canImport(Glibc)
import Glibc
#endif
import QingxiCore

/// The batch readers (`BatchReadProbe`: gzip, tar, ZIP, JSONL record splitting, charset detection and
/// decoding) on any bytes, as `qingxi batch` reads an input file of each kind.
///
/// Flags: bits 0–2 the kind (tar, tar.gz, zip, jsonl.gz, jsonl, txt), bits 3–4 the encoding (utf-8, auto,
/// GB18030, Big5), bit 5 a small `--max-record-bytes` (64 + size byte). Invariants: reading returns (damage
/// becomes rejects), every raw article is decoded or rejected (checked inside the probe), and the counts agree
/// with what came out (articles in == articles, rejects counted == rejects).
final class ArchivesTarget: FuzzTarget {
    let harness = RecordHarness()
    static let kinds: [(BatchInput.Kind, String)] = [
        (.tar, "tar"), (.tarGzip, "tar.gz"), (.zip, "zip"), (.jsonlGzip, "jsonl.gz"), (.jsonl, "jsonl"), (.text, "txt"),
    ]
    static let encodings: [InputEncoding] = [.utf8, .auto, .named("GB18030"), .named("Big5")]

    func run(_ input: FuzzInput) {
        let (kind, suffix) = Self.kinds[Int(input.flags & 7) % Self.kinds.count]
        let encoding = Self.encodings[Int(input.flags >> 3) & 3]
        let maxRecordBytes = input.flag(5) ? 64 + Int(input.sizeByte) : 1 << 20
        let path = harness.directory + "/input." + suffix
        harness.write(input.payload, to: path)
        let outcome: BatchReadProbe.Outcome
        do {
            outcome = try BatchReadProbe.read(path: path, kind: kind, encoding: encoding, maxRecordBytes: maxRecordBytes)
        } catch {
            return FuzzCheck.require(false, "archives: reading threw \(error) instead of rejecting")
        }
        FuzzCheck.require(outcome.stats.articlesIn == outcome.articles.count,
                          "archives: \(outcome.stats.articlesIn) articles counted, \(outcome.articles.count) decoded")
        FuzzCheck.require(outcome.stats.rejectCount == outcome.rejects.count,
                          "archives: \(outcome.stats.rejectCount) rejects counted, \(outcome.rejects.count) made")
    }
}
