#if canImport(Glibc)
import Glibc
#endif

/// Bytes of a file through `read(2)` (or `pread(2)` for the random access a ZIP directory needs). Counts the
/// bytes it delivered, which the progress meter reads as "input bytes done". Closes the file on deinit.
public final class FileByteSource: ByteSource {
    public let path: String
    private let fd: Int32
    /// Bytes delivered by `read` so far.
    public private(set) var consumed = 0

    public init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw QingxiError.io(file: path, message: String(cString: strerror(errno))) }
        self.path = path
        self.fd = fd
    }

    deinit { close(fd) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = Glibc.read(fd, base, buffer.count)
            if n >= 0 {
                consumed += n
                return n
            }
            if errno != EINTR { throw QingxiError.io(file: path, message: String(cString: strerror(errno))) }
        }
    }

    /// Reads `buffer.count` bytes at `offset`; throws `InputDamage` when the file ends first.
    public func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws {
        var done = 0
        while done < buffer.count {
            let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw QingxiError.io(file: path, message: String(cString: strerror(errno)))
            }
            if n == 0 { throw InputDamage("file ends at byte \(offset + done), expected data up to byte \(offset + buffer.count)") }
            done += n
        }
        consumed += buffer.count
    }

    /// The file's size in bytes.
    public func size() throws -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw QingxiError.io(file: path, message: String(cString: strerror(errno))) }
        return Int(info.st_size)
    }
}
