/// Reads a tar stream entry by entry, in archive order: POSIX ustar (name prefix), GNU long names (`L`) and
/// pax extended headers (`x`: `path` and `size`). It never seeks: the stream may be a gzip stream.
///
/// Damage ends the archive with `InputDamage` naming the byte offset: a header whose checksum fails, a stream
/// cut inside a header or a body, or a missing end-of-archive marker (a stream cut exactly between entries).
/// Entries read before the damage stay read. Entry paths come back raw: `ArchivePath` checks them.
final class TarReader {
    enum Kind: Equatable {
        case file, directory, symlink(String), hardlink(String), other(UInt8)
    }

    struct Entry {
        /// The entry's path bytes as stored (after pax / GNU long-name overrides).
        var path: [UInt8]
        var kind: Kind
        var size: Int
        /// Byte offset of the entry's header in the uncompressed tar stream.
        var offset: Int
    }

    private let source: ByteSource
    private let what: String
    private var body: LimitedByteSource?
    private var bodyPadding = 0
    private var position = 0
    private var ended = false
    private static let maxMetadataBytes = 1 << 20

    /// `what` names the archive in damage messages.
    init(_ source: ByteSource, what: String) {
        self.source = source
        self.what = what
    }

    /// The next entry and a stream of its body (valid until the next call); nil after the end marker.
    func next() throws -> (Entry, LimitedByteSource)? {
        try finishBody()
        var longName: [UInt8]?
        var paxPath: [UInt8]?
        var paxSize: Int?
        while !ended {
            let offset = position
            guard let header = try readBlock(allowEnd: true) else {
                ended = true
                throw InputDamage("\(what): truncated tar: no end-of-archive marker after byte \(offset)")
            }
            if header.allSatisfy({ $0 == 0 }) {
                ended = true
                return nil
            }
            let fields = try TarHeader(header, offset: offset, what: what)
            switch fields.type {
            case UInt8(ascii: "L"): longName = Array(try readMetadata(fields.size, offset: offset).prefix { $0 != 0 })
            case UInt8(ascii: "x"): (paxPath, paxSize) = try PaxRecords.pathAndSize(try readMetadata(fields.size, offset: offset), what: what)
            case UInt8(ascii: "g"), UInt8(ascii: "K"): _ = try readMetadata(fields.size, offset: offset)
            default:
                let size = paxSize ?? fields.size
                let entry = Entry(path: paxPath ?? longName ?? fields.name, kind: fields.kind, size: size, offset: offset)
                let stream = LimitedByteSource(source, length: Self.dataLength(of: entry.kind, size: size),
                                               what: "\(what): tar entry at byte \(offset)")
                body = stream
                bodyPadding = (512 - stream.remaining % 512) % 512
                return (entry, stream)
            }
        }
        return nil
    }

    /// Bytes of data that follow the header: none for directories, links and devices (as Python's tarfile
    /// reads them), `size` for files and for unknown types.
    static func dataLength(of kind: Kind, size: Int) -> Int {
        switch kind {
        case .directory, .symlink, .hardlink: return 0
        case .other(let type) where [UInt8(ascii: "3"), UInt8(ascii: "4"), UInt8(ascii: "6")].contains(type): return 0
        default: return size
        }
    }

    private func finishBody() throws {
        guard let current = body else { return }
        body = nil
        let remaining = current.remaining
        try current.finish()
        position += remaining
        try skipExactly(bodyPadding)
        position += bodyPadding
    }

    /// A pax or GNU long-name body (bounded, so a hostile header cannot make us allocate gigabytes).
    private func readMetadata(_ size: Int, offset: Int) throws -> [UInt8] {
        guard size <= Self.maxMetadataBytes else { throw InputDamage("\(what): tar metadata of \(size) bytes at byte \(offset), refused") }
        let padded = (size + 511) / 512 * 512
        var bytes = [UInt8](repeating: 0, count: padded)
        let n = try bytes.withUnsafeMutableBytes { try source.readFully(into: $0) }
        guard n == padded else { throw InputDamage("\(what): truncated tar inside the header at byte \(offset)") }
        position += padded
        return Array(bytes[..<size])
    }

    /// One 512-byte block; nil at a clean end of stream (when allowed); damage when cut inside the block.
    private func readBlock(allowEnd: Bool) throws -> [UInt8]? {
        var block = [UInt8](repeating: 0, count: 512)
        let n = try block.withUnsafeMutableBytes { try source.readFully(into: $0) }
        if n == 0 && allowEnd { return nil }
        guard n == 512 else { throw InputDamage("\(what): truncated tar: header at byte \(position) is cut after \(n) byte(s)") }
        position += 512
        return block
    }

    private func skipExactly(_ count: Int) throws {
        guard count > 0 else { return }
        let skipped = try source.skip(count)
        if skipped < count { throw InputDamage("\(what): truncated tar: padding at byte \(position) is cut") }
    }
}
