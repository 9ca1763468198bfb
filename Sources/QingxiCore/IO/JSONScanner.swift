/// A strict JSON scanner over UTF-8 bytes (RFC 8259) for JSON Lines records. It validates the whole line but
/// decodes only what qingxi needs: the top level object's keys and the byte ranges of their values, so that
/// every field qingxi does not touch is written back byte for byte, in its original order.
struct JSONScanner {
    struct SyntaxError: Error {
        let offset: Int
        let message: String
    }

    /// A top-level field: its decoded key and the byte range of its value.
    struct Field {
        var key: String
        var value: Range<Int>
    }

    static let maxDepth = 256
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses one JSON object that fills the whole line (white space around it allowed).
    static func topLevelFields(of bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> [Field] {
        var scanner = JSONScanner(bytes)
        scanner.skipSpace()
        guard scanner.peek == UInt8(ascii: "{") else { throw scanner.error("a JSON Lines record must be an object") }
        scanner.i += 1
        var fields: [Field] = []
        scanner.skipSpace()
        if scanner.peek == UInt8(ascii: "}") {
            scanner.i += 1
        } else {
            while true {
                scanner.skipSpace()
                guard scanner.peek == UInt8(ascii: "\"") else { throw scanner.error("expected a field name") }
                let keyStart = scanner.i
                try scanner.skipString()
                let key = JSONScanner.decodeString(bytes, keyStart..<scanner.i)
                scanner.skipSpace()
                guard scanner.peek == UInt8(ascii: ":") else { throw scanner.error("expected ':' after field name") }
                scanner.i += 1
                scanner.skipSpace()
                let valueStart = scanner.i
                try scanner.skipValue(depth: 1)
                fields.append(Field(key: key, value: valueStart..<scanner.i))
                scanner.skipSpace()
                if scanner.peek == UInt8(ascii: ",") { scanner.i += 1; continue }
                if scanner.peek == UInt8(ascii: "}") { scanner.i += 1; break }
                throw scanner.error("expected ',' or '}'")
            }
        }
        scanner.skipSpace()
        guard scanner.i == bytes.count else { throw scanner.error("unexpected data after the JSON object") }
        return fields
    }

    var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    func error(_ message: String) -> SyntaxError {
        SyntaxError(offset: i, message: i < bytes.count ? "\(message) at byte \(i + 1)" : "\(message) (line ends early)")
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    mutating func skipValue(depth: Int) throws(SyntaxError) {
        guard depth <= Self.maxDepth else { throw error("nested deeper than \(Self.maxDepth) levels") }
        guard let b = peek else { throw error("expected a value") }
        switch b {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "{"): try skipContainer(close: UInt8(ascii: "}"), keyed: true, depth: depth)
        case UInt8(ascii: "["): try skipContainer(close: UInt8(ascii: "]"), keyed: false, depth: depth)
        case UInt8(ascii: "t"): try skipLiteral("true")
        case UInt8(ascii: "f"): try skipLiteral("false")
        case UInt8(ascii: "n"): try skipLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
        default: throw error("unexpected character")
        }
    }

    mutating func skipContainer(close: UInt8, keyed: Bool, depth: Int) throws(SyntaxError) {
        i += 1
        skipSpace()
        if peek == close { i += 1; return }
        while true {
            skipSpace()
            if keyed {
                guard peek == UInt8(ascii: "\"") else { throw error("expected a field name") }
                try skipString()
                skipSpace()
                guard peek == UInt8(ascii: ":") else { throw error("expected ':'") }
                i += 1
                skipSpace()
            }
            try skipValue(depth: depth + 1)
            skipSpace()
            if peek == UInt8(ascii: ",") { i += 1; continue }
            if peek == close { i += 1; return }
            throw error(keyed ? "expected ',' or '}'" : "expected ',' or ']'")
        }
    }

    mutating func skipString() throws(SyntaxError) {
        i += 1
        while i < bytes.count {
            i = Self.plainRunEnd(bytes, from: i)
            guard i < bytes.count else { break }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; return }
            if b < 0x20 { throw error("control character inside a string") }
            if b == UInt8(ascii: "\\") {
                i += 1
                guard let e = peek else { break }
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 1
                case UInt8(ascii: "u"):
                    guard i + 4 < bytes.count, (1...4).allSatisfy({ Self.hexValue(bytes[i + $0]) != nil }) else {
                        throw error("bad \\u escape")
                    }
                    i += 5
                default: throw error("bad escape")
                }
                continue
            }
            i += 1
        }
        throw error("unterminated string")
    }

    /// The first index at or after `start` whose byte ends a run of plain string content (a quote, a backslash
    /// or a control character), or a position in the last 7 bytes: eight bytes a step, as news text is long
    /// runs of plain UTF-8 between quotes.
    @inline(__always)
    static func plainRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= bytes.count {
            let x = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
            let quote = x ^ (ones &* 0x22), backslash = x ^ (ones &* 0x5C)
            let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((x &- ones &* 0x20) & ~x)
            if special & highs != 0 { return i }
            i += 8
        }
        return i
    }

    mutating func skipLiteral(_ word: StaticString) throws(SyntaxError) {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { throw error("unexpected end") }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] { throw error("unexpected character") }
        i += n
    }

    mutating func skipNumber() throws(SyntaxError) {
        let digits = { (s: inout JSONScanner) -> Int in
            let from = s.i
            while let d = s.peek, d >= 0x30 && d <= 0x39 { s.i += 1 }
            return s.i - from
        }
        if peek == UInt8(ascii: "-") { i += 1 }
        if peek == UInt8(ascii: "0") { i += 1 } else if digits(&self) == 0 { throw error("bad number") }
        if peek == UInt8(ascii: ".") {
            i += 1
            if digits(&self) == 0 { throw error("bad number") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            i += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
            if digits(&self) == 0 { throw error("bad number") }
        }
    }

    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }
}
