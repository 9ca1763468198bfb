/// Where a named field is in a JSON Lines record: `--text-field` and `--id-field` take a top-level name
/// (`text`) or a dotted path into nested objects (`meta.id`, `doc.body.text`).
///
/// Resolution: a top-level field whose name is exactly the argument wins (a key may contain dots); otherwise
/// the argument is split on dots and each part names a field of the object before it. As everywhere in qingxi,
/// the last of several fields with one name counts (as JSON parsers keep the last).
enum FieldPath {
    /// The index of the top-level field that holds the value and the byte range of the value itself; nil when
    /// there is no such field (or a part of the path is not an object).
    static func locate(_ path: String, in bytes: [UInt8], fields: [JSONScanner.Field]) -> (Int, Range<Int>)? {
        if let index = fields.lastIndex(where: { $0.key == path }) { return (index, fields[index].value) }
        guard path.utf8.contains(UInt8(ascii: ".")) else { return nil }
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let top = fields.lastIndex(where: { $0.key == parts[0] }) else { return nil }
        var range = fields[top].value
        for part in parts.dropFirst() {
            guard bytes[range.lowerBound] == UInt8(ascii: "{") else { return nil }
            let inner: [JSONScanner.Field]? = bytes.withUnsafeBufferPointer { buffer in
                try? JSONScanner.topLevelFields(of: UnsafeBufferPointer(rebasing: buffer[range]))
            }
            guard let field = inner?.last(where: { $0.key == part }) else { return nil }
            range = (range.lowerBound + field.value.lowerBound)..<(range.lowerBound + field.value.upperBound)
        }
        return (top, range)
    }
}
