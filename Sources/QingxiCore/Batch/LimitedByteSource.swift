/// The next `length` bytes of another stream (a tar entry's body). Ending early is damage: the archive was cut
/// inside the entry. Damage from the stream below is marked `endsArchive`: it is the archive's, not the entry's. `finish()` skips whatever the consumer did not read, so the underlying stream stands at
/// the entry's end.
final class LimitedByteSource: ByteSource {
    private let base: ByteSource
    private(set) var remaining: Int
    private let what: String

    /// `what` names the data in the damage message ("tar entry x/y.txt").
    init(_ base: ByteSource, length: Int, what: String) {
        self.base = base
        self.remaining = length
        self.what = what
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let want = min(buffer.count, remaining)
        guard want > 0 else { return 0 }
        let n: Int
        do {
            n = try base.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<want]))
        } catch var damage as InputDamage {
            damage.endsArchive = true
            throw damage
        }
        if n == 0 { throw InputDamage("truncated: \(what) ends \(remaining) byte(s) early", endsArchive: true) }
        remaining -= n
        return n
    }

    /// Skips the unread rest.
    func finish() throws {
        if remaining > 0 { try skip(remaining) }
    }
}
