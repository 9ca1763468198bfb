/// Feeds an archive to a `FooterProfileLearner` for `qingxi profile`, one article at a time (memory holds one
/// article plus the learner's counters):
/// - JSON Lines: one article a record, its `textField` split into lines, grouped by the string field
///   `sourceField` (e.g. `site`; records without it go to the group `-`);
/// - plain text: articles separated by a line holding only a form feed, all in the group `-`.
/// Malformed records are errors naming file:line, as in every other command.
public enum FooterProfileReader {
    public static func learn(files: [String], format: RecordFormat?, textField: String, sourceField: String,
                             into learner: FooterProfileLearner) throws {
        for path in files.isEmpty ? ["-"] : files {
            let reader = path == "-" ? LineReader(fd: 0, name: "<stdin>") : try LineReader(path: path)
            try reader.decompressOrRefuse()
            let detected = try format ?? (reader.peekFirstSignificantByte() == UInt8(ascii: "{") ? .jsonl : .text)
            switch detected {
            case .jsonl: try readJSONLines(reader, textField: textField, sourceField: sourceField, into: learner)
            case .text: try readPlainText(reader, into: learner)
            }
        }
    }

    private static func readJSONLines(_ reader: LineReader, textField: String, sourceField: String,
                                      into learner: FooterProfileLearner) throws {
        while let parsed = try reader.nextLine({ bytes -> (String, String)? in
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
            let record = try JSONRecord(line: Array(bytes), textField: textField, file: reader.name,
                                        lineNumber: reader.lineNumber)
            return (record.text, source(of: record, field: sourceField) ?? "-")
        }) {
            guard let (text, source) = parsed else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            learner.add(paragraphs: lines, source: source)
        }
    }

    private static func readPlainText(_ reader: LineReader, into learner: FooterProfileLearner) throws {
        var article: [String] = []
        while let line = try reader.nextLine({ bytes -> String? in
            if bytes.count == 1 && bytes[0] == 0x0C { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }) {
            if let text = line {
                article.append(text)
            } else if !article.isEmpty {
                learner.add(paragraphs: article, source: "-")
                article.removeAll(keepingCapacity: true)
            }
        }
        if !article.isEmpty { learner.add(paragraphs: article, source: "-") }
    }

    /// The record's string field `field`, or nil.
    static func source(of record: JSONRecord, field: String) -> String? {
        guard let index = record.fields.lastIndex(where: { $0.key == field }) else { return nil }
        let range = record.fields[index].value
        guard record.bytes[range.lowerBound] == UInt8(ascii: "\"") else { return nil }
        let value = record.bytes.withUnsafeBufferPointer { JSONScanner.decodeString($0, range) }
        return value.isEmpty ? nil : value
    }
}
