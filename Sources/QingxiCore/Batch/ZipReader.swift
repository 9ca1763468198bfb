/// Reads the entries of a ZIP file in central-directory order (the archive's own listing), streaming the
/// directory so that memory does not grow with the number of entries. Stored and deflated entries are read;
/// other methods, encrypted entries and damage become `InputDamage` for that entry or, when the directory
/// itself is damaged, for the rest of the archive.
///
/// Against zip bombs: an entry whose data starts before the end of an earlier entry's data (overlapping
/// entries share one compressed stream many times over) is refused; an entry may not inflate past the size its
/// header declares; the CRC-32 is checked; and `InflatingSource` stops extreme expansion ratios.
final class ZipReader {
    struct Entry {
        var path: [UInt8]
        var isDirectory: Bool
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var localOffset: Int
    }

    private let file: FileByteSource
    private let what: String
    private let directory: ZipDirectory
    private let listing: ByteSource
    private var read = 0
    private var dataEnd = 0

    init(file: FileByteSource, what: String) throws {
        self.file = file
        self.what = what
        directory = try ZipDirectory(file: file, fileSize: try file.size(), what: what)
        listing = FileRangeSource(file: file, offset: directory.offset, length: directory.size)
    }

    /// The next entry of the directory, or nil after the last one.
    func next() throws -> Entry? {
        guard read < directory.entryCount else { return nil }
        var fixed = [UInt8](repeating: 0, count: 46)
        try readListing(&fixed)
        guard fixed.u32(0) == 0x0201_4B50 else { throw InputDamage("\(what): corrupt ZIP central directory (entry \(read + 1))") }
        var variable = [UInt8](repeating: 0, count: Int(fixed.u16(28)) + Int(fixed.u16(30)) + Int(fixed.u16(32)))
        try readListing(&variable)
        read += 1
        let nameLength = Int(fixed.u16(28))
        var entry = Entry(path: Array(variable[..<nameLength]), isDirectory: variable[..<nameLength].last == UInt8(ascii: "/"),
                          method: fixed.u16(10), flags: fixed.u16(8), crc: fixed.u32(16), compressedSize: Int(fixed.u32(20)),
                          size: Int(fixed.u32(24)), localOffset: Int(fixed.u32(42)))
        applyZip64(Array(variable[nameLength..<(nameLength + Int(fixed.u16(30)))]), to: &entry)
        return entry
    }

    /// Opens the entry's data, checked against its declared size and CRC-32.
    func open(_ entry: Entry, limit: InflatingSource.ExpansionLimit) throws -> ByteSource {
        let label = "\(what)!\(ArchivePath.readable(entry.path))"
        if entry.flags & 1 != 0 { throw InputDamage("\(label): encrypted ZIP entry not supported") }
        guard entry.method == 0 || entry.method == 8 else {
            throw InputDamage("\(label): ZIP compression method \(entry.method) not supported (only stored and deflate)")
        }
        var local = [UInt8](repeating: 0, count: 30)
        try local.withUnsafeMutableBytes { try file.read(at: entry.localOffset, into: $0) }
        guard local.u32(0) == 0x0403_4B50 else { throw InputDamage("\(label): corrupt ZIP (no local header at byte \(entry.localOffset))") }
        let dataStart = entry.localOffset + 30 + Int(local.u16(26)) + Int(local.u16(28))
        guard entry.localOffset >= dataEnd else {
            throw InputDamage("\(label): overlaps the data of an earlier entry (zip bomb?), refused")
        }
        guard dataStart + entry.compressedSize <= directory.offset else {
            throw InputDamage("\(label): data runs past the central directory (truncated or corrupt ZIP)")
        }
        dataEnd = dataStart + entry.compressedSize
        let raw = FileRangeSource(file: file, offset: dataStart, length: entry.compressedSize)
        if entry.method == 0 && entry.compressedSize != entry.size {
            throw InputDamage("\(label): stored entry with different compressed and real sizes")
        }
        let data: ByteSource = entry.method == 0 ? raw : try InflatingSource(raw, format: .rawDeflate, limit: limit, what: label)
        return CheckedEntrySource(data, size: entry.size, crc: entry.crc, what: label)
    }

    private func readListing(_ bytes: inout [UInt8]) throws {
        let n = try bytes.withUnsafeMutableBytes { try listing.readFully(into: $0) }
        guard n == bytes.count else { throw InputDamage("\(what): truncated ZIP central directory (entry \(read + 1))") }
    }

    /// The ZIP64 extra field (id 1) holds the 64-bit values of the fields that read 0xFFFFFFFF, in order.
    private func applyZip64(_ extra: [UInt8], to entry: inout Entry) {
        var i = 0
        while i + 4 <= extra.count {
            let id = extra.u16(i)
            let length = Int(extra.u16(i + 2))
            guard i + 4 + length <= extra.count else { return }
            if id == 1 {
                var at = i + 4
                func take(_ value: inout Int) {
                    guard value == 0xFFFF_FFFF, at + 8 <= i + 4 + length else { return }
                    value = Int(clamping: extra.u64(at))
                    at += 8
                }
                take(&entry.size)
                take(&entry.compressedSize)
                take(&entry.localOffset)
            }
            i += 4 + length
        }
    }
}
