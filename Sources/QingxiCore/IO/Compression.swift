/// A compressed stream recognised by its magic bytes. Every input of the filters (and every batch input) is
/// checked before its first byte is read as text: compressed bytes read as text turn into thousands of
/// "invalid UTF-8" repairs and garbage articles with exit 0, which is data loss nobody is told about.
///
/// gzip is inflated (zlib, `InflatingSource`); the others are recognised so that they can be refused with a
/// message that says what to do (`refusal`), never read as text.
public enum Compression: String, Sendable, CaseIterable {
    case gzip, zstd, bzip2, xz

    /// The bytes `detect` needs to see at most.
    public static let magicLength = 10

    /// The format whose magic starts `prefix`, or nil. Each magic begins with a byte sequence that is not valid
    /// UTF-8 or, for bzip2 ("BZh"), is checked up to the 48-bit block magic: no news text starts that way.
    public static func detect(_ prefix: [UInt8]) -> Compression? {
        func starts(_ magic: [UInt8]) -> Bool { prefix.count >= magic.count && Array(prefix[..<magic.count]) == magic }
        if starts([0x1F, 0x8B]) { return .gzip }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
        if prefix.count >= 10, starts([0x42, 0x5A, 0x68]), (0x31...0x39).contains(prefix[3]) {
            let block = Array(prefix[4..<10])
            if block == [0x31, 0x41, 0x59, 0x26, 0x53, 0x59] || block == [0x17, 0x72, 0x45, 0x38, 0x50, 0x90] { return .bzip2 }
        }
        return nil
    }

    /// Whether qingxi decompresses this format itself.
    public var isReadable: Bool { self == .gzip }

    /// The command line tool that decompresses this format to standard output.
    var decompressor: String {
        switch self {
        case .gzip: return "gzip -dc"
        case .zstd: return "zstd -dc"
        case .bzip2: return "bzip2 -dc"
        case .xz: return "xz -dc"
        }
    }

    /// Why an input in a format qingxi does not read is refused, and what to do (`name`: the file or `<stdin>`).
    public func refusal(_ name: String) -> String {
        "\(rawValue)-compressed data (by its magic bytes); qingxi reads gzip but not \(rawValue): "
            + "decompress it first (\(decompressor) \(name == "<stdin>" ? "FILE" : name) | qingxi …)"
    }
}
