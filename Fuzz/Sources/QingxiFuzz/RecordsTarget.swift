import QingxiCore

/// The record layer alone (no stages): `LineReader`, format detection, UTF-8 repair, JSON Lines parsing and the
/// text and JSONL printers, on any bytes.
///
/// Flags: bits 0–1 input format (0, 3: detected; 1: text; 2: JSONL), bit 2 `--explain`, bit 3 `--on-error skip`,
/// bit 4 `--strict`. Invariants: reading in 1…64-byte chunks gives the same output, messages, summary and error
/// as 64 KiB reads; with no stages every paragraph read is written (`paragraphsOut == paragraphsIn`); and
/// reading the output again (same format) writes it unchanged.
final class RecordsTarget: FuzzTarget {
    let harness = RecordHarness()

    func run(_ input: FuzzInput) {
        var options = RecordOptions()
        switch input.flags & 3 {
        case 1: options.inputFormat = .text
        case 2: options.inputFormat = .jsonl
        default: break
        }
        options.explain = input.flag(2)
        options.skipMalformed = input.flag(3)
        options.strict = input.flag(4)
        let whole = harness.run(input.payload, options: options) { [] }
        var chunked = options
        chunked.readSize = input.smallReadSize
        FuzzCheck.same(whole, harness.run(input.payload, options: chunked) { [] }, "records: chunked == whole (read size \(chunked.readSize))")
        guard whole.error == nil, let summary = whole.summary else { return }
        FuzzCheck.require(summary.paragraphsOut == summary.paragraphsIn, "records: no stage, yet \(summary.paragraphsIn) paragraphs in, \(summary.paragraphsOut) out")
        guard options.inputFormat != nil else { return }
        let again = harness.run(whole.output, options: options) { [] }
        FuzzCheck.same(whole.output, again.output, "records: reading the output again writes it unchanged")
    }
}
