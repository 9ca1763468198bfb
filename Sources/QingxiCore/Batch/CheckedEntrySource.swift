/// A ZIP entry's data, refused when it runs past its declared size or when its length or CRC-32 do not match
/// the directory at the end.
final class CheckedEntrySource: ByteSource {
    private let base: ByteSource
    private let size: Int
    private let crc: UInt32
    private let what: String
    private var seen = 0
    private var running: UInt32 = 0

    init(_ base: ByteSource, size: Int, crc: UInt32, what: String) {
        self.base = base
        self.size = size
        self.crc = crc
        self.what = what
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = try base.read(into: buffer)
        seen += n
        if seen > size { throw InputDamage("\(what): inflates past its declared size of \(size) bytes (zip bomb?), refused") }
        if n > 0 {
            running = ZipCRC.update(running, UnsafeRawBufferPointer(rebasing: buffer[..<n]))
            return n
        }
        if seen != size { throw InputDamage("\(what): truncated: \(seen) of \(size) bytes") }
        if running != crc { throw InputDamage("\(what): CRC-32 mismatch (corrupt entry)") }
        return 0
    }
}
