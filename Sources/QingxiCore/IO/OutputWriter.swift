#if canImport(Glibc)
import Glibc
#endif

/// Raised when the reader of our output has gone away (`qingxi … | head -1`). The CLI ends quietly with exit 0:
/// the user asked for less output, which is not an error.
public struct BrokenPipe: Error {}

/// One buffered writer per output stream, straight to `write(2)`: no `print`, no `FileHandle` (which crashes
/// on EPIPE). Requires SIGPIPE to be ignored (the CLI does so at start-up); a closed pipe then arrives as EPIPE
/// and becomes `BrokenPipe`.
public final class OutputWriter {
    private let fd: Int32
    private let name: String
    private var buffer: [UInt8] = []
    private let capacity: Int
    private let ownsDescriptor: Bool

    /// Writes to an already open descriptor (1 for stdout).
    public init(fd: Int32, name: String, capacity: Int = 1 << 16) {
        self.fd = fd
        self.name = name
        self.capacity = capacity
        self.ownsDescriptor = false
        buffer.reserveCapacity(capacity)
    }

    /// Creates or truncates `path` for writing.
    public init(path: String, capacity: Int = 1 << 16) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw QingxiError.io(file: path, message: String(cString: strerror(errno))) }
        self.fd = fd
        self.name = path
        self.capacity = capacity
        self.ownsDescriptor = true
        buffer.reserveCapacity(capacity)
    }

    deinit {
        try? flush()
        if ownsDescriptor { close(fd) }
    }

    public func write(_ bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    public func write(_ string: String) throws {
        try write(string.utf8)
    }

    public func write(byte: UInt8) throws {
        buffer.append(byte)
        if buffer.count >= capacity { try flush() }
    }

    /// Sends everything buffered to the descriptor.
    public func flush() throws {
        var offset = 0
        defer { buffer.removeAll(keepingCapacity: true) }
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { throw BrokenPipe() }
                throw QingxiError.io(file: name, message: String(cString: strerror(errno)))
            }
            offset += n
        }
    }
}

/// Messages for the user on stderr (warnings, `--explain`, summaries), unbuffered per message so that they
/// interleave sensibly with the output when both go to a terminal.
public final class MessageWriter: @unchecked Sendable {
    private let writer: OutputWriter

    public init(fd: Int32 = 2) {
        writer = OutputWriter(fd: fd, name: "<stderr>", capacity: 1 << 12)
    }

    /// Writes one line (a newline is added). Errors writing to stderr are ignored: there is nowhere left to
    /// report them.
    public func line(_ text: String) {
        try? writer.write(text)
        try? writer.write(byte: 0x0A)
        try? writer.flush()
    }
}
