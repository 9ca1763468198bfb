/// A 64-bit SimHash document fingerprint over character shingles, for grouping near-duplicate articles in an
/// index: copies of one article that differ by a few edits (a changed byline, a dropped paragraph, another
/// site's conversion of the same traditional text) get fingerprints a few bits apart, unrelated articles about
/// 32 bits apart.
///
/// Features are the overlapping `shingle`-character windows of the key text (letters and digits of the
/// simplified, width-folded view; the index record uses its tokens, which are exactly that, concatenated).
/// Every window counts once per occurrence; bit i of the fingerprint is set when more than half of the windows'
/// hashes have bit i set. A text shorter than one shingle hashes as one window. Deterministic across runs and
/// machines (no seeded hashing).
public struct SimHash: Hashable, Sendable {
    public let value: UInt64

    public init(value: UInt64) { self.value = value }

    /// Characters per shingle: 4 keeps a two-word Chinese phrase together, and one edited character changes at
    /// most 4 of the text's windows.
    public static let shingle = 4

    /// The fingerprint of a sequence of scalar values (the key text).
    public init(scalars: [UInt32]) {
        var counter = BitCounter()
        if scalars.count <= Self.shingle {
            if !scalars.isEmpty { counter.add(Self.hash(scalars[...])) }
        } else {
            for start in 0...(scalars.count - Self.shingle) {
                counter.add(Self.hash(scalars[start..<(start + Self.shingle)]))
            }
        }
        value = counter.majority()
    }

    /// The fingerprint of the concatenation of `pieces` (e.g. an article's tokens), read as scalars.
    public init(concatenating pieces: some Sequence<some StringProtocol>) {
        var scalars: [UInt32] = []
        for piece in pieces { for scalar in piece.unicodeScalars { scalars.append(scalar.value) } }
        self.init(scalars: scalars)
    }

    /// 16 lower-case hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public init?(hex: String) {
        guard hex.utf8.count == 16, let value = UInt64(hex, radix: 16) else { return nil }
        self.value = value
    }

    /// Bits in which two fingerprints differ: 0–3 is a near duplicate, unrelated texts sit around 32.
    public func distance(to other: SimHash) -> Int { (value ^ other.value).nonzeroBitCount }

    /// A well-mixed 64-bit hash of one window (multiply-rotate per scalar, SplitMix64 finish).
    @inline(__always)
    static func hash(_ window: ArraySlice<UInt32>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for value in window {
            h = (h ^ UInt64(value)) &* 0xBF58_476D_1CE4_E5B9
            h = (h << 31) | (h >> 33)
        }
        h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }
}

/// Counts, for each of 64 bit positions, how many added hashes have that bit set: eight byte-lane counters per
/// 64-bit word (a 256-entry table spreads 8 bits into 8 bytes), flushed to full counts before a lane can
/// overflow. About 8 additions per hash instead of 64.
private struct BitCounter {
    private var lanes = [UInt64](repeating: 0, count: 8)
    private var counts = [Int](repeating: 0, count: 64)
    private var pending = 0
    private var total = 0

    private static let spread: [UInt64] = (0..<256).map { byte in
        var word: UInt64 = 0
        for bit in 0..<8 where byte & (1 << bit) != 0 { word |= 1 << (8 * UInt64(bit)) }
        return word
    }

    mutating func add(_ hash: UInt64) {
        Self.spread.withUnsafeBufferPointer { table in
            lanes.withUnsafeMutableBufferPointer { lane in
                for k in 0..<8 { lane[k] &+= table[Int((hash >> (8 * UInt64(k))) & 0xFF)] }
            }
        }
        pending += 1
        total += 1
        if pending == 255 { flush() }
    }

    private mutating func flush() {
        for k in 0..<8 {
            for byte in 0..<8 { counts[8 * k + byte] += Int((lanes[k] >> (8 * UInt64(byte))) & 0xFF) }
            lanes[k] = 0
        }
        pending = 0
    }

    /// Bit i set when more than half of the hashes had bit i set.
    mutating func majority() -> UInt64 {
        flush()
        var value: UInt64 = 0
        for bit in 0..<64 where 2 * counts[bit] > total { value |= 1 << UInt64(bit) }
        return value
    }
}
