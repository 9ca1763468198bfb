/// A stream of bytes that batch input readers stack: a file, a gzip stream over it, a tar entry inside that,
/// a gzip stream inside the entry.
///
/// Contract: `read` fills the front of `buffer` and returns how many bytes it wrote; 0 means the end of the
/// stream, and every later call returns 0 again. Damaged data (a truncated or corrupt compressed stream, an
/// archive that ends early) throws `InputDamage`; failing system calls throw `QingxiError.io`.
public protocol ByteSource: AnyObject {
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

extension ByteSource {
    /// Reads until `buffer` is full or the stream ends; returns the number of bytes read.
    public func readFully(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let n = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if n == 0 { break }
            filled += n
        }
        return filled
    }

    /// Reads and discards up to `count` bytes (or to the end when nil); returns how many were skipped.
    @discardableResult
    public func skip(_ count: Int?) throws -> Int {
        var skipped = 0
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { scratch.deallocate() }
        while count.map({ skipped < $0 }) ?? true {
            let want = min(scratch.count, count.map { $0 - skipped } ?? scratch.count)
            let n = try read(into: UnsafeMutableRawBufferPointer(rebasing: scratch[..<want]))
            if n == 0 { break }
            skipped += n
        }
        return skipped
    }

    /// The whole rest of the stream, or nil when it is longer than `limit` (the stream is then left part-read).
    public func readAll(limit: Int) throws -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try read(into: $0) }
            if n == 0 { return bytes }
            if bytes.count + n > limit { return nil }
            bytes.append(contentsOf: chunk[..<n])
        }
    }
}
