extension JSONRecord {
    /// The decoded value of a top-level string field (the last one of that name); nil when absent or not a string.
    func stringField(_ key: String) -> String? {
        guard let index = fields.lastIndex(where: { $0.key == key }),
              bytes[fields[index].value.lowerBound] == UInt8(ascii: "\"") else { return nil }
        return bytes.withUnsafeBufferPointer { JSONScanner.decodeString($0, fields[index].value) }
    }
}
