/// Writes a unit's processed articles as output bytes, on the worker (so that the ordered writer only copies):
/// JSONL records (the input record with text, title and `qingxi` rewritten, every other field byte for byte;
/// `{"id","text"}` for a text file; an `id` added when the record had none), or, for a text file mirrored as
/// `.txt`, its paragraphs one per line. Compressed as one gzip member when the target file is gzip.
///
/// With `indexRecords`, each article becomes its index record instead (`IndexRecordBuilder`, this worker's own),
/// in the encoder's format.
///
/// An article with no text left is not written to JSONL unless `explain` asks for the removal trail; it is
/// counted as emptied. A mirrored `.txt` is always written, empty or not, so the tree stays a mirror.
final class ArticleEncoder {
    enum Layout: String, Sendable { case shards, mirror }

    private let layout: Layout
    private let textField: String
    /// The field holding the id (`--id-field`): a record without it gets an `id` field with the made-up one.
    var idField = "id"
    private let explain: Bool
    private let gzipLevel: Int32
    private var compressor: GzipCompressor?
    private let indexRecords: (encoder: IndexRecordEncoder, builder: IndexRecordBuilder)?

    init(layout: Layout, textField: String, explain: Bool, gzipLevel: Int,
         indexRecords: (IndexRecordEncoder, IndexRecordBuilder)? = nil) {
        self.indexRecords = indexRecords
        self.layout = layout
        self.textField = textField
        self.explain = explain
        self.gzipLevel = Int32(gzipLevel)
    }

    func encode(_ unit: WorkUnit) throws {
        guard unit.mode == .process, let source = unit.source else {
            unit.articles = []
            return
        }
        var out: [UInt8] = []
        let asText = layout == .mirror && source.form == .text
        for item in unit.articles {
            if let indexRecords {
                let record = try indexRecords.builder.record(for: item.article, paragraphs: item.paragraphs, record: item.record)
                count(item, emptied: record == nil, &unit.stats)
                if let record { indexRecords.encoder.append(record, to: &out) }
                continue
            }
            let emptied = item.paragraphs.allSatisfy(\.isBlank)
            count(item, emptied: emptied, &unit.stats)
            if asText {
                appendText(item, to: &out)
            } else if !emptied || explain {
                appendRecord(item, to: &out)
            }
        }
        unit.stats.bytesOut += out.count
        unit.outputPlainBytes = out.count
        let gzip = layout == .shards || source.gzip
        unit.output = gzip && !out.isEmpty ? try gzipMember(out) : out
        unit.articles = []
    }

    private func count(_ item: WorkArticle, emptied: Bool, _ stats: inout BatchStats) {
        stats.countRemovals(of: item.article)
        if emptied { stats.articlesEmptied += 1 } else { stats.articlesOut += 1 }
        stats.paragraphsOut += item.paragraphs.count
    }

    private func appendText(_ item: WorkArticle, to out: inout [UInt8]) {
        for paragraph in item.paragraphs {
            out.append(contentsOf: paragraph.text.utf8)
            out.append(0x0A)
        }
    }

    private func appendRecord(_ item: WorkArticle, to out: inout [UInt8]) {
        var body: [UInt8] = []
        for (index, paragraph) in item.paragraphs.enumerated() {
            if index > 0 { body.append(0x0A) }
            body.append(contentsOf: paragraph.text.utf8)
        }
        let article = item.article
        let qingxi = AnnotationMerger.merged(previous: article.previous, article: article, explain: explain)
        if let record = item.record {
            let rewritten = record.rewritten(text: body, title: article.title, qingxi: qingxi)
            if record.id(field: idField) == nil {
                out.append(UInt8(ascii: "{"))
                JSONString.encode("id", into: &out)
                out.append(UInt8(ascii: ":"))
                JSONString.encode(article.id, into: &out)
                if rewritten.count > 2 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: rewritten.dropFirst())
            } else {
                out.append(contentsOf: rewritten)
            }
        } else {
            var fields: [(String, JSONValue)] = [("id", .string(article.id))]
            if let title = article.title { fields.append(("title", .string(title))) }
            var text: [UInt8] = []
            body.withUnsafeBufferPointer { JSONString.encode(bytes: $0, into: &text) }
            fields.append((textField, .raw(text)))
            if let qingxi { fields.append(("qingxi", qingxi)) }
            JSONValue.object(fields).encode(into: &out)
        }
        out.append(0x0A)
    }

    private func gzipMember(_ bytes: [UInt8]) throws -> [UInt8] {
        if compressor == nil { compressor = try GzipCompressor(level: gzipLevel) }
        return try compressor!.member(bytes)
    }
}
