#if canImport(Glibc)
import Glibc
#endif

/// The bytes of an open file descriptor as a `ByteSource`, served after `head` (bytes already read from it while
/// looking for a magic number). Does not close the descriptor: its owner (a `LineReader`) does.
final class DescriptorSource: ByteSource {
    private let fd: Int32
    private let name: String
    private var head: [UInt8]
    private var offset = 0

    init(fd: Int32, name: String, head: [UInt8]) {
        self.fd = fd
        self.name = name
        self.head = head
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        if offset < head.count {
            let n = min(buffer.count, head.count - offset)
            head.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + n])) }
            offset += n
            if offset == head.count { head = [] ; offset = 0 }
            return n
        }
        while true {
            let n = Glibc.read(fd, base, buffer.count)
            if n >= 0 { return n }
            if errno != EINTR { throw QingxiError.io(file: name, message: String(cString: strerror(errno))) }
        }
    }
}
