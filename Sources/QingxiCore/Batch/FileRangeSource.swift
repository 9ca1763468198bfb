/// A window `[offset, offset + length)` of a file read with `pread`, as a stream (a ZIP entry's data).
final class FileRangeSource: ByteSource {
    private let file: FileByteSource
    private var offset: Int
    private var remaining: Int

    init(file: FileByteSource, offset: Int, length: Int) {
        self.file = file
        self.offset = offset
        self.remaining = length
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, remaining)
        guard n > 0 else { return 0 }
        try file.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<n]))
        offset += n
        remaining -= n
        return n
    }
}
