/// Reads one JSONL source into units: lines (see `RecordSplitter`), blank lines skipped, oversized lines
/// rejected, and one line of look-ahead so that the unit holding the last line knows it ends the source.
///
/// Under `--encoding auto` the charset is chosen once, from the first 64 KiB; a UTF-16 JSONL source is
/// rejected whole (its line breaks are not single bytes). Damage ends the source with a reject; when it is the
/// surrounding archive's (`InputDamage.endsArchive`), `endedArchive` tells the reader to stop the archive too.
final class JSONLSourceReader {
    private(set) var source: SourceRef
    private var splitter: RecordSplitter?
    private var lookahead: RecordSplitter.Item?
    private var startFailure: (InputDamage, Reject.Kind)?
    private let maxRecordBytes: Int
    private(set) var endedArchive = false
    static let sampleBytes = 1 << 16

    init(_ entry: SourceEntry, maxRecordBytes: Int, charsets: TextDecoding) {
        self.maxRecordBytes = maxRecordBytes
        let sample = PrefixedSource.sample(entry.stream, count: Self.sampleBytes)
        var charset: String?
        do {
            let bytes = try sample.prefix()
            do {
                charset = try charsets.charset(of: bytes, sampleIsWhole: bytes.count < Self.sampleBytes)
            } catch {
                startFailure = (error, .undecodable)
            }
            if let name = charset, name.uppercased().hasPrefix("UTF-16") {
                startFailure = (InputDamage("UTF-16 JSON Lines are not read: convert the file to UTF-8 first"), .undecodable)
            }
        } catch let damage as InputDamage {
            startFailure = (damage, .damaged)
        } catch {
            startFailure = (InputDamage("\(error)"), .unreadable)
        }
        source = SourceRef(id: entry.id, form: .jsonl, gzip: entry.gzip, charset: charset, mirrorPath: entry.mirrorPath)
        if startFailure == nil { splitter = RecordSplitter(sample, maxBytes: maxRecordBytes) }
    }

    /// Adds lines to `unit` until it is full or the source ends (then `unit.endsSource` is set).
    func fill(_ unit: WorkUnit) {
        if let (failure, kind) = startFailure {
            reject(failure, kind: kind, into: unit)
            return
        }
        do {
            var bytes = 0
            while unit.raw.count < WorkUnit.maxArticles && bytes < WorkUnit.maxBytes {
                guard let item = try nextItem() else {
                    unit.endsSource = true
                    return
                }
                switch item {
                case .line(let line, let number):
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                    bytes += line.count
                    unit.raw.append(RawArticle(bytes: line, line: number))
                case .oversized(let number, let length):
                    let reject = Reject(input: source.id, line: number, reason: "record of \(length) bytes, over --max-record-bytes \(maxRecordBytes)", kind: .oversized)
                    unit.reject(reject)
                }
            }
            lookahead = try splitter!.next()
            if lookahead == nil { unit.endsSource = true }
        } catch let damage as InputDamage {
            reject(damage, kind: .damaged, into: unit)
        } catch {
            reject(InputDamage("\(error)"), kind: .unreadable, into: unit)
        }
    }

    private func nextItem() throws -> RecordSplitter.Item? {
        if let held = lookahead {
            lookahead = nil
            return held
        }
        return try splitter!.next()
    }

    private func reject(_ damage: InputDamage, kind: Reject.Kind, into unit: WorkUnit) {
        let line = splitter.map { $0.lineNumber + 1 }
        let reject = Reject(input: source.id, line: line, reason: damage.message + (line.map { _ in "; the rest of the source is not read" } ?? ""), kind: kind)
        unit.reject(reject)
        unit.endsSource = true
        endedArchive = damage.endsArchive
        splitter = nil
    }
}
