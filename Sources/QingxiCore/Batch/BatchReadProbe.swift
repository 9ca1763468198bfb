/// A fuzzing entry point (see docs/fuzzing.md): reads one input file exactly as `qingxi batch` reads it — the
/// unit reader (gzip, tar, ZIP, JSONL record splitting, charset detection) and then the article decoder —
/// without running stages or writing output, and returns what came out.
///
/// Contract: for any bytes in the file, `read` returns (damaged or undecodable input becomes rejects, never a
/// crash) and every unit the reader cuts is accounted for: each raw article of a unit is either decoded into
/// an article or rejected by the decoder.
public enum BatchReadProbe {
    public struct Outcome: Sendable, Equatable {
        /// Each decoded article: its id and its paragraphs' text.
        public var articles: [(id: String, paragraphs: [String])] = []
        public var rejects: [Reject] = []
        public var stats = BatchStats()

        public static func == (a: Outcome, b: Outcome) -> Bool {
            a.rejects == b.rejects && a.stats == b.stats && a.articles.elementsEqual(b.articles) {
                $0.id == $1.id && $0.paragraphs == $1.paragraphs
            }
        }
    }

    /// Reads `path` as an input of `kind` (as batch would from its file name) under `encoding`.
    public static func read(path: String, kind: BatchInput.Kind, encoding: InputEncoding = .utf8,
                            maxRecordBytes: Int = 1 << 20) throws -> Outcome {
        let input = BatchInput(path: path, id: "input", kind: kind, size: 0, modified: 0)
        let options = UnitReader.Options(maxRecordBytes: maxRecordBytes, encoding: encoding, refuseDuplicateEntries: true)
        let reader = UnitReader(items: [.file(input)], options: options, resumeAfter: nil, replay: false)
        let decoder = ArticleDecoder(encoding: encoding, textField: "text", mirror: false, explain: false)
        var outcome = Outcome()
        while let unit = try reader.next() {
            let raw = unit.raw.count
            let rejectsBefore = unit.rejects.count
            decoder.decode(unit)
            precondition(unit.articles.count + unit.rejects.count - rejectsBefore == raw,
                         "a raw article was neither decoded nor rejected")
            outcome.articles += unit.articles.map { ($0.article.id, $0.paragraphs.map(\.text)) }
            outcome.rejects += unit.rejects
            outcome.stats.add(unit.stats)
        }
        return outcome
    }
}
