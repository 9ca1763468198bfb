/// Pax extended header records (`LENGTH key=value\n`): the `path` and `size` they override.
enum PaxRecords {
    static func pathAndSize(_ bytes: [UInt8], what: String) throws -> ([UInt8]?, Int?) {
        var path: [UInt8]?
        var size: Int?
        var i = 0
        while i < bytes.count {
            guard let space = bytes[i...].firstIndex(of: UInt8(ascii: " ")),
                  let length = Int(String(decoding: bytes[i..<space], as: UTF8.self)), length > 0, i + length <= bytes.count
            else { throw InputDamage("\(what): corrupt pax header record") }
            let record = bytes[(space + 1)..<(i + length - 1)]
            if let equals = record.firstIndex(of: UInt8(ascii: "=")) {
                let key = String(decoding: record[record.startIndex..<equals], as: UTF8.self)
                let value = Array(record[(equals + 1)...])
                if key == "path" { path = value }
                if key == "size" { size = Int(String(decoding: value, as: UTF8.self)) }
            }
            i += length
        }
        return (path, size)
    }
}
