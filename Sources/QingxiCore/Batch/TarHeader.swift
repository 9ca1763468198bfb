/// The fields of one 512-byte tar header that `TarReader` uses, checked: the checksum must match (else the
/// archive is corrupt, or not a tar at all), and the size must be octal or GNU base-256.
struct TarHeader {
    var name: [UInt8]
    var size: Int
    var type: UInt8
    var kind: TarReader.Kind

    init(_ block: [UInt8], offset: Int, what: String) throws {
        guard Self.checksumMatches(block) else {
            throw InputDamage("\(what): corrupt tar header at byte \(offset) (checksum mismatch)")
        }
        guard let size = Self.number(block[124..<136]), size >= 0 else {
            throw InputDamage("\(what): corrupt tar header at byte \(offset) (bad size field)")
        }
        self.size = size
        type = block[156]
        var name = Self.string(block[0..<100])
        let ustar = Array(block[257..<263]) == Array("ustar\0".utf8)
        if ustar {
            let prefix = Self.string(block[345..<500])
            if !prefix.isEmpty { name = prefix + [UInt8(ascii: "/")] + name }
        }
        self.name = name
        let link = String(decoding: Self.string(block[157..<257]), as: UTF8.self)
        switch type {
        case 0, UInt8(ascii: "0"), UInt8(ascii: "7"): kind = .file
        case UInt8(ascii: "5"): kind = .directory
        case UInt8(ascii: "2"): kind = .symlink(link)
        case UInt8(ascii: "1"): kind = .hardlink(link)
        default: kind = .other(type)
        }
    }

    /// The bytes up to the first NUL.
    static func string(_ field: ArraySlice<UInt8>) -> [UInt8] {
        Array(field.prefix { $0 != 0 })
    }

    /// An octal number (space or NUL padded) or a GNU base-256 number (high bit of the first byte set).
    static func number(_ field: ArraySlice<UInt8>) -> Int? {
        if let first = field.first, first & 0x80 != 0 {
            var value = 0
            for (i, byte) in field.enumerated() {
                let b = i == 0 ? byte & 0x7F : byte
                guard value < Int.max >> 8 else { return nil }
                value = value << 8 | Int(b)
            }
            return value
        }
        var value = 0
        var seenDigit = false
        for byte in field {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                guard value < Int.max >> 3 else { return nil }
                value = value << 3 | Int(byte - UInt8(ascii: "0"))
                seenDigit = true
            case 0, UInt8(ascii: " "):
                if seenDigit { return value }
            default:
                return nil
            }
        }
        return value
    }

    /// The header checksum: the sum of all bytes with the checksum field counted as spaces (unsigned, or signed
    /// as some old tars wrote it).
    static func checksumMatches(_ block: [UInt8]) -> Bool {
        guard let stored = number(block[148..<156]) else { return false }
        var unsigned = 0
        var signed = 0
        for (i, byte) in block.enumerated() {
            let b = (148..<156).contains(i) ? UInt8(ascii: " ") : byte
            unsigned += Int(b)
            signed += Int(Int8(bitPattern: b))
        }
        return stored == unsigned || stored == signed
    }
}
