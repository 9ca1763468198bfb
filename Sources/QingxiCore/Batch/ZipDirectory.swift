/// Where a ZIP file's central directory is and how many entries it lists, from the end-of-central-directory
/// record (and its ZIP64 form for archives over 4 GiB or 65,535 entries).
///
/// A file without that record (truncated, or not a ZIP), spanning several disks, or whose directory lies
/// outside the file is damage.
struct ZipDirectory {
    var entryCount: Int
    var offset: Int
    var size: Int

    static let endSignature: UInt32 = 0x0605_4B50
    static let zip64EndSignature: UInt32 = 0x0606_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50

    init(file: FileByteSource, fileSize: Int, what: String) throws {
        let tailLength = min(fileSize, 22 + 0xFFFF)
        guard tailLength >= 22 else { throw InputDamage("\(what): not a ZIP file (too short)") }
        var tail = [UInt8](repeating: 0, count: tailLength)
        try tail.withUnsafeMutableBytes { try file.read(at: fileSize - tailLength, into: $0) }
        guard let at = Self.findEnd(tail) else {
            throw InputDamage("\(what): not a ZIP file or truncated (no end-of-central-directory record)")
        }
        let endOffset = fileSize - tailLength + at
        guard tail.u16(at + 4) == 0 && tail.u16(at + 6) == 0 else { throw InputDamage("\(what): multi-disk ZIP not supported") }
        entryCount = Int(tail.u16(at + 10))
        size = Int(tail.u32(at + 12))
        offset = Int(tail.u32(at + 16))
        if entryCount == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            try readZip64(file: file, endOffset: endOffset, what: what)
        }
        guard offset >= 0, size >= 0, offset + size <= endOffset else {
            throw InputDamage("\(what): truncated or corrupt ZIP (central directory at byte \(offset) lies outside the file)")
        }
    }

    /// The last end-of-central-directory signature whose comment length fits the tail.
    private static func findEnd(_ tail: [UInt8]) -> Int? {
        var i = tail.count - 22
        while i >= 0 {
            if tail.u32(i) == endSignature && i + 22 + Int(tail.u16(i + 20)) <= tail.count { return i }
            i -= 1
        }
        return nil
    }

    private mutating func readZip64(file: FileByteSource, endOffset: Int, what: String) throws {
        guard endOffset >= 20 else { throw InputDamage("\(what): corrupt ZIP64 (no locator)") }
        var locator = [UInt8](repeating: 0, count: 20)
        try locator.withUnsafeMutableBytes { try file.read(at: endOffset - 20, into: $0) }
        guard locator.u32(0) == Self.zip64LocatorSignature else { throw InputDamage("\(what): corrupt ZIP64 (no locator)") }
        let recordOffset = Int(clamping: locator.u64(8))
        guard recordOffset + 56 <= endOffset else { throw InputDamage("\(what): corrupt ZIP64 end record offset") }
        var record = [UInt8](repeating: 0, count: 56)
        try record.withUnsafeMutableBytes { try file.read(at: recordOffset, into: $0) }
        guard record.u32(0) == Self.zip64EndSignature else { throw InputDamage("\(what): corrupt ZIP64 end record") }
        entryCount = Int(clamping: record.u64(32))
        size = Int(clamping: record.u64(40))
        offset = Int(clamping: record.u64(48))
    }
}
