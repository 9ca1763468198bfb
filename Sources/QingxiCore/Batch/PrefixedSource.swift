/// A stream whose first bytes were read ahead (to detect a charset) and are served again before the rest.
final class PrefixedSource: ByteSource {
    private let base: ByteSource
    private var head: [UInt8] = []
    private var offset = 0
    private var wanted: Int

    static func sample(_ base: ByteSource, count: Int) -> PrefixedSource {
        PrefixedSource(base, wanted: count)
    }

    private init(_ base: ByteSource, wanted: Int) {
        self.base = base
        self.wanted = wanted
    }

    /// Reads (once) and returns the first bytes, up to the count asked for.
    func prefix() throws -> [UInt8] {
        if wanted > 0 {
            head = [UInt8](repeating: 0, count: wanted)
            let n = try head.withUnsafeMutableBytes { try base.readFully(into: $0) }
            head.removeSubrange(n...)
            wanted = 0
        }
        return head
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if offset < head.count {
            let n = min(buffer.count, head.count - offset)
            head.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + n])) }
            offset += n
            return n
        }
        return try base.read(into: buffer)
    }
}
