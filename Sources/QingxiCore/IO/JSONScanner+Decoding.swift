#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONScanner {
    /// Decodes a string token (quotes included, already validated by the scanner). Escaped lone surrogates
    /// become U+FFFD.
    static func decodeString(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let inner = UnsafeBufferPointer(rebasing: bytes[(range.lowerBound + 1)..<(range.upperBound - 1)])
        if nextBackslash(inner, from: 0) == nil { return String(decoding: inner, as: UTF8.self) }
        return String(decoding: unescapedBytes(bytes, range), as: UTF8.self)
    }

    /// The UTF-8 bytes of a string token's value (escapes resolved).
    static func unescapedBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var ignored = 0
        return unescapedBytes(bytes, range, loneSurrogates: &ignored)
    }

    /// As `unescapedBytes(_:_:)`, and adds to `loneSurrogates` the escaped surrogates without their other half
    /// (`\ud800` alone), each replaced with U+FFFD: JSON allows them, Unicode text cannot hold them.
    static func unescapedBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, loneSurrogates: inout Int) -> [UInt8] {
        let inner = UnsafeBufferPointer(rebasing: bytes[(range.lowerBound + 1)..<(range.upperBound - 1)])
        guard var next = nextBackslash(inner, from: 0) else { return Array(inner) }
        var out: [UInt8] = []
        out.reserveCapacity(inner.count)
        var i = 0
        while i < inner.count {
            if i < next {  // the plain run up to the next escape, in one copy
                out.append(contentsOf: UnsafeBufferPointer(rebasing: inner[i..<next]))
                i = next
                continue
            }
            let e = inner[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(inner, i)
                i += 4
                if (0xD800..<0xDC00).contains(scalar), i + 5 < inner.count, inner[i] == UInt8(ascii: "\\"),
                   inner[i + 1] == UInt8(ascii: "u") {
                    let low = hex4(inner, i + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                if Unicode.Scalar(scalar) == nil {
                    loneSurrogates += 1
                    scalar = 0xFFFD
                }
                UTF8Decoding.appendUTF8(of: scalar, to: &out)
            default: out.append(e)
            }
            next = nextBackslash(inner, from: i) ?? inner.count
        }
        return out
    }

    /// The index of the next backslash at or after `start` (memchr), if any.
    private static func nextBackslash(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(UInt8(ascii: "\\")), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func hex4(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 << 4 | (hexValue(b[at + $1]) ?? 0) }
    }

    /// Parses an already validated value into a `JSONValue`: objects keep key order, numbers stay raw text.
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> JSONValue {
        var scanner = JSONScanner(UnsafeBufferPointer(rebasing: bytes[range]))
        return scanner.parseValue()
    }

    private mutating func parseValue() -> JSONValue {
        skipSpace()
        let start = i
        switch peek {
        case UInt8(ascii: "\""):
            try? skipString()
            return .string(Self.decodeString(bytes, start..<i))
        case UInt8(ascii: "{"):
            i += 1
            var fields: [(String, JSONValue)] = []
            while true {
                skipSpace()
                if peek == UInt8(ascii: "}") { i += 1; return .object(fields) }
                if peek == UInt8(ascii: ",") { i += 1; continue }
                let keyStart = i
                try? skipString()
                let key = Self.decodeString(bytes, keyStart..<i)
                skipSpace()
                i += 1  // ':'
                fields.append((key, parseValue()))
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONValue] = []
            while true {
                skipSpace()
                if peek == UInt8(ascii: "]") { i += 1; return .array(items) }
                if peek == UInt8(ascii: ",") { i += 1; continue }
                items.append(parseValue())
            }
        default:
            try? skipValue(depth: 1)
            let raw = Array(bytes[start..<i])
            switch raw {
            case Array("true".utf8): return .bool(true)
            case Array("false".utf8): return .bool(false)
            case Array("null".utf8): return .null
            default: return .raw(raw)
            }
        }
    }
}
