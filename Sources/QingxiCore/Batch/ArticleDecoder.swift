/// Turns a unit's raw articles into `Article`s and paragraphs, as the record layer does for `clean`: a text
/// file's lines (LF, CRLF or a lone CR end a line) or a JSONL record's text split as `JSONRecord.paragraphs`
/// splits it. Text that cannot be decoded and malformed records become rejects. One instance per worker.
final class ArticleDecoder {
    private let decoding: TextDecoding
    private let textField: String
    /// The field holding the id (`--id-field`, a name or a dotted path).
    var idField = "id"
    /// The output is a mirrored tree: text files come out as text (stages that write differently per format,
    /// such as keyword tokens, are told so through `Article.outputFormat`); JSONL always comes out as JSONL.
    private let mirrorText: Bool
    private let outputFormat = RecordFormat.jsonl
    /// `--explain`: stages also record what they changed (`Article.tracing`).
    private let tracing: Bool

    init(encoding: InputEncoding, textField: String, mirror: Bool, explain: Bool) {
        decoding = TextDecoding(encoding)
        self.textField = textField
        mirrorText = mirror
        tracing = explain
    }

    func decode(_ unit: WorkUnit) {
        guard let source = unit.source else { return }
        unit.articles.reserveCapacity(unit.raw.count)
        for raw in unit.raw {
            unit.stats.bytesIn += raw.bytes.count
            let decoded: WorkArticle?
            switch source.form {
            case .text: decoded = text(raw, source, unit)
            case .jsonl: decoded = record(raw, source, unit)
            }
            guard let article = decoded else { continue }
            if article.paragraphs.count > Paragraph.maxPerArticle {  // the split stopped there: refused whole
                let jsonl = source.form == .jsonl
                reject(Reject(input: source.id, line: jsonl ? raw.line : nil, reason: Paragraph.overLimitMessage,
                              kind: .oversized, record: jsonl ? raw.bytes : nil), unit)
                continue
            }
            unit.stats.articlesIn += 1
            unit.stats.paragraphsIn += article.paragraphs.count
            unit.articles.append(article)
        }
        unit.raw = []
    }

    private func text(_ raw: RawArticle, _ source: SourceRef, _ unit: WorkUnit) -> WorkArticle? {
        let text: String
        do {
            text = try decoding.decode(raw.bytes)
        } catch {
            reject(Reject(input: source.id, reason: error.message, kind: .undecodable), unit)
            return nil
        }
        let article = Article(id: source.id, file: source.id, line: 1)
        article.outputFormat = mirrorText ? .text : .jsonl
        article.tracing = tracing
        return WorkArticle(article: article, paragraphs: Self.lines(text), record: nil)
    }

    private func record(_ raw: RawArticle, _ source: SourceRef, _ unit: WorkUnit) -> WorkArticle? {
        let parsed: JSONRecord
        do {
            let line = source.charset == nil ? raw.bytes : Array(try decoding.decode(raw.bytes, charset: source.charset).utf8)
            if source.charset == nil { try TextDecoding.validateUTF8(line) }
            parsed = try JSONRecord(line: line, textField: textField, file: source.id, lineNumber: raw.line,
                                    validatedUTF8: true)
        } catch let damage as InputDamage {
            reject(Reject(input: source.id, line: raw.line, reason: damage.message, kind: .undecodable, record: raw.bytes), unit)
            return nil
        } catch let error as QingxiError {
            let message: String
            if case .badData(_, _, let text) = error { message = text } else { message = error.description }
            reject(Reject(input: source.id, line: raw.line, reason: message, kind: .malformed, record: raw.bytes), unit)
            return nil
        } catch {
            reject(Reject(input: source.id, line: raw.line, reason: "\(error)", kind: .malformed, record: raw.bytes), unit)
            return nil
        }
        let article = Article(id: parsed.id(field: idField) ?? "\(source.id):\(raw.line)", file: source.id, line: raw.line, title: parsed.title)
        article.previous = parsed.previousAnnotations
        article.outputFormat = outputFormat
        article.tracing = tracing
        return WorkArticle(article: article, paragraphs: parsed.paragraphs(line: raw.line), record: parsed)
    }

    private func reject(_ reject: Reject, _ unit: WorkUnit) {
        unit.reject(reject)
    }

    /// A text's lines as paragraphs: LF, CRLF and a lone CR end a line; a final terminator ends the last line
    /// (it does not start an empty one). Stops after `Paragraph.maxPerArticle + 1` lines (the article is refused).
    static func lines(_ text: String) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var utf8 = text
        utf8.withUTF8 { bytes in
            var start = 0
            var i = 0
            func emit(_ end: Int) {
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                paragraphs.append(Paragraph(text: line, number: paragraphs.count + 1, line: paragraphs.count + 1))
            }
            while i < bytes.count && paragraphs.count <= Paragraph.maxPerArticle {
                let b = bytes[i]
                if b == 0x0A || b == 0x0D {
                    emit(i)
                    i += (b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) ? 2 : 1
                    start = i
                } else {
                    i += 1
                }
            }
            if start < bytes.count && paragraphs.count <= Paragraph.maxPerArticle { emit(bytes.count) }
        }
        return paragraphs
    }
}
