/// A stream whose first bytes were read ahead (to detect a charset) and are served again before the rest.
final class PrefixedSource: ByteSource {
    private let base: ByteSource
    private var head: [UInt8] = []
    private var offset = 0
    private var wanted: Int
    /// Damage met while reading the head, thrown (every time) once the head is served.
    private var deferred: InputDamage?

    static func sample(_ base: ByteSource, count: Int) -> PrefixedSource {
        PrefixedSource(base, wanted: count)
    }

    private init(_ base: ByteSource, wanted: Int) {
        self.base = base
        self.wanted = wanted
    }

    /// Reads (once) and returns the first bytes, up to the count asked for. Damage met while reading them (a
    /// truncated gzip) is kept and thrown once those bytes have been served, so the records before the damage
    /// are read like any others and the damage is reported where it is (a 20-record `.jsonl.gz` cut in half
    /// yielded no record at all).
    func prefix() throws -> [UInt8] {
        if wanted > 0 {
            head = [UInt8](repeating: 0, count: wanted)
            var filled = 0
            do {
                while filled < wanted {
                    let n = try head.withUnsafeMutableBytes { try base.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
                    if n == 0 { break }
                    filled += n
                }
            } catch let damage as InputDamage {
                deferred = damage
            }
            head.removeSubrange(filled...)
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
        if let deferred { throw deferred }
        return try base.read(into: buffer)
    }
}
