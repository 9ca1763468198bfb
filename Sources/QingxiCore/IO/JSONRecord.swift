/// One JSON Lines record, kept as its original bytes plus the byte ranges of its top-level fields, so that it
/// can be written back with only the fields qingxi changed (text, title, `qingxi`) re-encoded and every other
/// field byte for byte, in order.
public struct JSONRecord {
    public let bytes: [UInt8]
    let fields: [JSONScanner.Field]
    /// Index of the top-level field holding the text (the last one with that name, as JSON parsers keep the
    /// last), or, for a dotted path (`FieldPath`), of the top-level field the text is nested in.
    let textIndex: Int
    /// The byte range of the text's string value: the field's value, or a part of it for a nested text.
    let textRange: Range<Int>
    let titleIndex: Int?
    let qingxiIndex: Int?
    private let isValidatedUTF8: Bool

    /// Parses a line; throws `QingxiError.badData` naming file and line when it is not a JSON object with a
    /// string field `textField`.
    ///
    /// `validatedUTF8`: the caller has checked that `line` is well-formed UTF-8 (or decoded it from a legacy
    /// charset), so `paragraphs(line:)` makes its strings without checking the bytes again.
    public init(line: [UInt8], textField: String, file: String, lineNumber: Int, validatedUTF8: Bool = false) throws {
        bytes = line
        isValidatedUTF8 = validatedUTF8
        let fields: [JSONScanner.Field]
        do {
            fields = try line.withUnsafeBufferPointer { buffer throws(JSONScanner.SyntaxError) in
                try JSONScanner.topLevelFields(of: buffer)
            }
        } catch {
            throw QingxiError.badData(file: file, line: lineNumber, message: "malformed JSON: \(error.message)")
        }
        guard let (text, range) = FieldPath.locate(textField, in: line, fields: fields) else {
            throw QingxiError.badData(file: file, line: lineNumber, message: "record has no field \"\(textField)\"")
        }
        guard line[range.lowerBound] == UInt8(ascii: "\"") else {
            throw QingxiError.badData(file: file, line: lineNumber, message: "field \"\(textField)\" is not a string")
        }
        textIndex = text
        textRange = range
        let title = fields.lastIndex(where: { $0.key == "title" })
        titleIndex = title.flatMap { line[fields[$0].value.lowerBound] == UInt8(ascii: "\"") ? $0 : nil }
        qingxiIndex = fields.lastIndex(where: { $0.key == "qingxi" })
        self.fields = fields
    }

    private func decodeString(at index: Int) -> String {
        bytes.withUnsafeBufferPointer { JSONScanner.decodeString($0, fields[index].value) }
    }

    /// The text's UTF-8 with JSON escapes resolved (what the content-derived id hashes).
    var textBytes: [UInt8] { bytes.withUnsafeBufferPointer { JSONScanner.unescapedBytes($0, textRange) } }

    public var text: String { bytes.withUnsafeBufferPointer { JSONScanner.decodeString($0, textRange) } }

    /// The text as paragraphs (split on line breaks), each `Paragraph.line` set to `line`.
    public func paragraphs(line: Int) -> [Paragraph] {
        var ignored = 0
        return paragraphs(line: line, loneSurrogates: &ignored)
    }

    /// As `paragraphs(line:)`, and counts the text's escaped lone surrogates (replaced with U+FFFD).
    /// More than `Paragraph.maxPerArticle` paragraphs: returns the first `maxPerArticle + 1` only (the caller
    /// refuses the record).
    public func paragraphs(line: Int, loneSurrogates: inout Int) -> [Paragraph] {
        let utf8 = bytes.withUnsafeBufferPointer { JSONScanner.unescapedBytes($0, textRange, loneSurrogates: &loneSurrogates) }
        // Unescaping keeps well-formed bytes well-formed: an escaped lone surrogate becomes U+FFFD.
        return utf8.withUnsafeBufferPointer {
            Paragraph.split($0, line: line, validated: isValidatedUTF8, limit: Paragraph.maxPerArticle)
        }
    }
    public var title: String? { titleIndex.map(decodeString(at:)) }

    /// The record's `id` field as text; nil when absent.
    public var id: String? { id(field: "id") }

    /// The id at `field` (a name or a dotted path, `FieldPath`) as text: a string's content, anything else (a
    /// number) exactly as written. So the number `12345` and the string `"12345"` are the same id, while
    /// `1e3`, `1000` and `1000.0` are three different ones; `null` counts as no id.
    public func id(field: String) -> String? {
        guard let (_, range) = FieldPath.locate(field, in: bytes, fields: fields) else { return nil }
        switch bytes[range.lowerBound] {
        case UInt8(ascii: "\""): return bytes.withUnsafeBufferPointer { JSONScanner.decodeString($0, range) }
        case UInt8(ascii: "n"): return nil
        default: return String(decoding: bytes[range], as: UTF8.self)
        }
    }

    /// What an earlier qingxi run stored under `qingxi`, if anything.
    public var previousAnnotations: JSONValue? {
        guard let index = qingxiIndex else { return nil }
        return bytes.withUnsafeBufferPointer { JSONScanner.value($0, fields[index].value) }
    }

    /// The record with a new text and title and, when given, a new `qingxi` value (in place of the old one,
    /// or appended as the last field).
    public func rewritten(text: [UInt8], title: String?, qingxi: JSONValue?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        out.append(UInt8(ascii: "{"))
        for (index, field) in fields.enumerated() {
            if index == qingxiIndex && qingxi == nil { continue }
            if out.count > 1 { out.append(UInt8(ascii: ",")) }
            JSONString.encode(field.key, into: &out)
            out.append(UInt8(ascii: ":"))
            if index == textIndex {
                // A nested text: the rest of the enclosing field's value is kept byte for byte around it.
                out.append(contentsOf: bytes[field.value.lowerBound..<textRange.lowerBound])
                text.withUnsafeBufferPointer { JSONString.encode(bytes: $0, into: &out) }
                out.append(contentsOf: bytes[textRange.upperBound..<field.value.upperBound])
            } else if index == titleIndex, let title {
                JSONString.encode(title, into: &out)
            } else if index == qingxiIndex, let qingxi {
                qingxi.encode(into: &out)
            } else {
                out.append(contentsOf: bytes[field.value])
            }
        }
        if qingxiIndex == nil, let qingxi {
            if out.count > 1 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: Array(#""qingxi":"#.utf8))
            qingxi.encode(into: &out)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }
}
