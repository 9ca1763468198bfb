/// The MinHash signature of one article: the sketch `MinHashLSH` compares to find near-duplicate articles.
///
/// Input: the character 5-grams of each paragraph key (grams never span two paragraphs, so a paragraph
/// repeated inside the article does not change the sketch). Method: one-permutation hashing — each gram is
/// hashed once, the top 7 bits pick one of 128 bins and the bin keeps its minimum — with optimal
/// densification (an empty bin borrows the value of a non-empty bin chosen by a fixed probe sequence), so that
/// the chance two signatures agree in a bin equals the Jaccard similarity of the two gram sets. One hash per
/// gram instead of 128 keeps `--near-articles` cheap.
public struct MinHashSketch {
    public static let binCount = 128
    public static let gramLength = 5
    static let emptyBin = UInt32.max

    private var bins: [UInt32]
    /// Grams hashed so far (with repeats).
    public private(set) var gramCount = 0

    public init() {
        bins = [UInt32](repeating: Self.emptyBin, count: Self.binCount)
    }

    /// Starts a new article.
    public mutating func reset() {
        for i in bins.indices { bins[i] = Self.emptyBin }
        gramCount = 0
    }

    /// Adds the 5-grams of one paragraph key.
    public mutating func add(key scalars: [UInt32]) {
        guard scalars.count >= Self.gramLength else { return }
        for i in 0...(scalars.count - Self.gramLength) {
            let front = UInt64(scalars[i]) << 42 | UInt64(scalars[i + 1]) << 21 | UInt64(scalars[i + 2])
            let back = UInt64(scalars[i + 3]) << 21 | UInt64(scalars[i + 4])
            let h = KeyHash.finalize(front ^ KeyHash.finalize(back &+ 0x9E37_79B9_7F4A_7C15))
            let bin = Int(h >> 57)
            let value = UInt32(truncatingIfNeeded: h >> 16) & 0xFFFF_FFFE
            if value < bins[bin] { bins[bin] = value }
        }
        gramCount += scalars.count - Self.gramLength + 1
    }

    /// The densified signature, or nil when no gram was added.
    public func signature() -> [UInt32]? {
        guard gramCount > 0 else { return nil }
        var signature = bins
        for i in 0..<Self.binCount where bins[i] == Self.emptyBin {
            var attempt: UInt64 = 0
            while true {
                let probe = KeyHash.finalize(UInt64(i) << 32 | attempt)
                let j = Int(probe % UInt64(Self.binCount))
                if bins[j] != Self.emptyBin {
                    signature[i] = bins[j]
                    break
                }
                attempt += 1
            }
        }
        return signature
    }
}
