import QingxiCore

/// A fuzz input: the first two bytes choose options (flags, read size), the rest is the payload. Short inputs
/// read as zero options, so every byte string is a valid input.
struct FuzzInput {
    let flags: UInt8
    let sizeByte: UInt8
    let payload: [UInt8]

    init(_ bytes: [UInt8]) {
        flags = bytes.count > 0 ? bytes[0] : 0
        sizeByte = bytes.count > 1 ? bytes[1] : 0
        payload = bytes.count > 2 ? Array(bytes[2...]) : []
    }

    func flag(_ bit: Int) -> Bool { flags & (1 << bit) != 0 }

    /// A small `read(2)` size, 1…64 bytes, to cut lines and UTF-8 sequences at every place.
    var smallReadSize: Int { 1 + Int(sizeByte % 64) }

    /// The payload as text, invalid UTF-8 replaced (as the record layer does).
    var text: String { String(decoding: payload, as: UTF8.self) }
}

extension RecordOptions {
    /// Options with explain on (stages record removals) and the given input format.
    static func fuzzing(format: RecordFormat?, explain: Bool = true) -> RecordOptions {
        var options = RecordOptions()
        options.inputFormat = format
        options.explain = explain
        return options
    }

    func reading(_ size: Int) -> RecordOptions {
        var options = self
        options.readSize = size
        return options
    }
}

extension FuzzInput {
    /// The payload's lines as the record layer splits them (LF, CRLF, lone CR), invalid UTF-8 replaced.
    var lines: [String] {
        var lines: [String] = []
        var start = 0
        var i = 0
        while i < payload.count {
            let b = payload[i]
            if b == 0x0A || b == 0x0D {
                lines.append(String(decoding: payload[start..<i], as: UTF8.self))
                i += (b == 0x0D && i + 1 < payload.count && payload[i + 1] == 0x0A) ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        if start < payload.count { lines.append(String(decoding: payload[start...], as: UTF8.self)) }
        return lines
    }
}
