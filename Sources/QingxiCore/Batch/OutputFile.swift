#if canImport(Glibc)
import Glibc
#endif

/// An open output file, written with `write(2)` through a 1 MiB buffer.
final class OutputFile {
    let path: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private(set) var size = 0
    private let budget: DiskBudget?

    init(path: String, append: Bool = false, budget: DiskBudget? = nil) throws {
        self.budget = budget
        fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0o644)
        self.path = path
        guard fd >= 0 else { throw OutputDirectory.error(path) }
        buffer.reserveCapacity(1 << 20)
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    func write(_ bytes: [UInt8]) throws {
        size += bytes.count
        if buffer.count + bytes.count > 1 << 20 { try flush() }
        if bytes.count >= 1 << 20 { try writeAll(bytes) } else { buffer.append(contentsOf: bytes) }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try writeAll(buffer)
    }

    func sync() throws {
        try flush()
        guard fsync(fd) == 0 else { throw OutputDirectory.error(path) }
    }

    func close() throws {
        try flush()
        let fd = self.fd
        self.fd = -1
        guard Glibc.close(fd) == 0 else { throw OutputDirectory.error(path) }
    }

    /// Cuts the file back to `length` bytes (undoes a partial append).
    func truncate(to length: Int) {
        buffer.removeAll()
        _ = ftruncate(fd, off_t(length))
        size = length
    }

    private func writeAll(_ bytes: [UInt8]) throws {
        if let budget, !budget.take(bytes.count) {
            errno = ENOSPC
            throw OutputDirectory.error(path)
        }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputDirectory.error(path)
            }
            offset += n
        }
    }
}
