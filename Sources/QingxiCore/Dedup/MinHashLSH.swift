#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds, among the articles indexed so far, one whose MinHash signature says it is at least `threshold`
/// similar (estimated Jaccard similarity of the character 5-gram sets of the keys): the memory of
/// `--near-articles`.
///
/// LSH banding: the 128-bin signature is cut into b bands of r rows; two articles become candidates when
/// all rows of some band agree, which happens with probability 1 − (1 − s^r)^b for similarity s. (b, r) are
/// chosen so that an article at the threshold is a candidate with probability ≥ 0.995 (21 bands of 6 rows
/// at 0.8). Candidates are then checked on a stored 8-bit-per-bin copy of the signature (b-bit MinHash,
/// corrected for chance 8-bit agreement), and the most similar one at or above the threshold wins.
///
/// Memory per indexed article: 128 bytes of signature + b band entries in a `FingerprintSet` (13–16 bytes
/// each) + 4 bytes: about 450 bytes at threshold 0.8. A band key keeps the first article that had it only.
public struct MinHashLSH {
    public let threshold: Double
    public let bands: Int
    public let rows: Int
    private var bandIndex = FingerprintSet()
    private var signatures: [UInt8] = []
    private var owners: [UInt32] = []

    public struct Match: Equatable {
        /// The `owner` passed to `insert` for the matched article.
        public var owner: UInt32
        public var similarity: Double
    }

    public init(threshold: Double) {
        self.threshold = threshold
        (bands, rows) = Self.bandsAndRows(threshold: threshold, permutations: MinHashSketch.binCount)
    }

    public var count: Int { owners.count }

    /// The best indexed article at or above the threshold (the earliest on a tie), or nil.
    public func query(_ signature: [UInt32]) -> Match? {
        var candidates: [UInt32] = []
        for band in 0..<bands {
            if let entry = bandIndex.owner(of: bandKey(signature, band)), !candidates.contains(entry) {
                candidates.append(entry)
            }
        }
        var best: Match?
        for entry in candidates.sorted() {
            let similarity = estimate(signature, entry: Int(entry))
            if similarity >= threshold, similarity > (best?.similarity ?? -1) {
                best = Match(owner: owners[Int(entry)], similarity: similarity)
            }
        }
        return best
    }

    /// Indexes an article's signature under `owner`.
    public mutating func insert(_ signature: [UInt32], owner: UInt32) {
        let entry = UInt32(owners.count)
        owners.append(owner)
        signatures.append(contentsOf: signature.map { UInt8(truncatingIfNeeded: $0 >> 1) })
        for band in 0..<bands {
            bandIndex.insert(bandKey(signature, band), owner: entry)
        }
    }

    private func bandKey(_ signature: [UInt32], _ band: Int) -> UInt64 {
        var h = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
        for row in (band * rows)..<(band * rows + rows) {
            h = KeyHash.finalize(h ^ UInt64(signature[row]))
        }
        return h
    }

    /// Estimated Jaccard similarity from the stored 8-bit bins: agreement p = s + (1 − s)/256.
    private func estimate(_ signature: [UInt32], entry: Int) -> Double {
        let base = entry * MinHashSketch.binCount
        var agree = 0
        for i in 0..<MinHashSketch.binCount where signatures[base + i] == UInt8(truncatingIfNeeded: signature[i] >> 1) {
            agree += 1
        }
        let p = Double(agree) / Double(MinHashSketch.binCount)
        return max(0, (p - 1.0 / 256) / (1 - 1.0 / 256))
    }

    /// The (bands, rows) with the most rows (fewest candidates) such that an article exactly at the threshold
    /// becomes a candidate with probability ≥ 0.995. Candidates are verified on the stored signature, so a
    /// generous band layout costs a little time, while a strict one (the equal-weight optimum puts the middle of
    /// the S-curve above the threshold: 0.4 at 0.8 for b = 9, r = 13) would lose near-duplicates outright.
    static func bandsAndRows(threshold t: Double, permutations: Int) -> (Int, Int) {
        for r in stride(from: permutations, through: 1, by: -1) {
            let b = permutations / r
            if candidateProbability(t, bands: b, rows: r) >= 0.995 { return (b, r) }
        }
        return (permutations, 1)
    }

    /// The chance that two articles of similarity s share at least one band: 1 − (1 − s^r)^b.
    static func candidateProbability(_ s: Double, bands: Int, rows: Int) -> Double {
        1 - pow(1 - pow(s, Double(rows)), Double(bands))
    }
}
