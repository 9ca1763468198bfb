#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed-size Bloom filter over paragraph key hashes: the memory of `--scope stream --bloom RATE`.
///
/// Sized once from the expected number of distinct paragraphs n and the false-positive rate p:
/// m = −n·ln p / (ln 2)² bits and k = (m/n)·ln 2 hash functions (1.8 bytes and 10 probes per paragraph at
/// p = 10⁻³). It never grows: past n paragraphs the false-positive rate rises above p (1.3% at 1.5n, 6% at 2n for
/// p = 10⁻³). A false positive drops a paragraph that was never seen, so choose n generously. Probes use
/// double hashing (g_i = h₁ + i·h₂) on the two lanes of the key's `KeyHash`.
public struct BloomFilter {
    public let bitCount: Int
    public let hashCount: Int
    private var words: [UInt64]

    public init(expected: Int, falsePositiveRate rate: Double) {
        let n = Double(max(1, expected))
        let p = min(max(rate, 1e-12), 0.5)
        let bits = Int((-n * log(p) / (log(2.0) * log(2.0))).rounded(.up))
        let wordCount = max(1, (bits + 63) / 64)
        bitCount = wordCount * 64
        hashCount = max(1, Int((Double(bitCount) / n * log(2.0)).rounded()))
        words = [UInt64](repeating: 0, count: wordCount)
    }

    /// Bytes held by the bit array.
    public var bytes: Int { words.count * 8 }

    /// True if `hash` may have been inserted (false positives at about the configured rate), false if it
    /// certainly was not.
    public func mightContain(_ hash: KeyHash) -> Bool {
        var g = hash.low
        let step = hash.high | 1
        for _ in 0..<hashCount {
            let bit = index(g)
            if words[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
            g &+= step
        }
        return true
    }

    /// Sets the bits of `hash`.
    public mutating func insert(_ hash: KeyHash) {
        var g = hash.low
        let step = hash.high | 1
        for _ in 0..<hashCount {
            let bit = index(g)
            words[bit >> 6] |= 1 << UInt64(bit & 63)
            g &+= step
        }
    }

    /// Maps a 64-bit probe to a bit position without division (Lemire's multiply-shift range reduction).
    @inline(__always)
    private func index(_ g: UInt64) -> Int {
        Int(KeyHash.finalize(g).multipliedFullWidth(by: UInt64(bitCount)).high)
    }
}
