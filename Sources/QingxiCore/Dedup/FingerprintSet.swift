/// An exact in-memory set of 64-bit key fingerprints, each with the ordinal of the article that first had it:
/// the memory of `--scope stream` without `--bloom`.
///
/// Layout: 256 shards (chosen by the top 8 bits), each an open-addressing table with Robin Hood linear probing
/// in two parallel arrays (8-byte fingerprint, 4-byte owner: 12 bytes a slot). A shard grows by 1.2× when it
/// is 90% full, so the load stays between 75% and 90%: 13.3 to 16 bytes per distinct paragraph. Because one
/// shard grows at a time, a resize never needs a second copy of the whole table (peak = steady state + 1/256).
/// Robin Hood probing lets a lookup of an absent fingerprint (the common case) stop early even at 90% load.
public struct FingerprintSet {
    static let shardBits = 8
    static let maxLoad = 0.9
    static let growth = 1.2

    private var shards: [Shard]

    /// `expected`: distinct fingerprints to size for up front (0: start small and grow).
    public init(expected: Int = 0) {
        let perShard = expected >> Self.shardBits
        let capacity = max(16, Int(Double(perShard) / 0.85) + 1)
        shards = (0..<(1 << Self.shardBits)).map { _ in Shard(capacity: capacity) }
    }

    /// Number of fingerprints stored.
    public var count: Int { shards.reduce(0) { $0 + $1.count } }

    /// Bytes held by the tables.
    public var bytes: Int { shards.reduce(0) { $0 + $1.capacity * 12 } }

    /// The owner recorded for `fingerprint`, or nil.
    public func owner(of fingerprint: UInt64) -> UInt32? {
        let f = Self.stored(fingerprint)
        return shards[Int(f >> UInt64(64 - Self.shardBits))].find(f)
    }

    /// Adds `fingerprint` with `owner` unless present; returns the owner now recorded.
    @discardableResult
    public mutating func insert(_ fingerprint: UInt64, owner: UInt32) -> UInt32 {
        let f = Self.stored(fingerprint)
        return shards[Int(f >> UInt64(64 - Self.shardBits))].insert(f, owner: owner)
    }

    /// 0 marks an empty slot, so a zero fingerprint is stored as 1.
    @inline(__always)
    private static func stored(_ fingerprint: UInt64) -> UInt64 { fingerprint == 0 ? 1 : fingerprint }
}

extension FingerprintSet {
    /// One open-addressing table. Home slot = fingerprint bits below the shard bits, scaled to the capacity.
    struct Shard {
        private(set) var fingerprints: [UInt64]
        private(set) var owners: [UInt32]
        private(set) var count = 0

        init(capacity: Int) {
            fingerprints = [UInt64](repeating: 0, count: capacity)
            owners = [UInt32](repeating: 0, count: capacity)
        }

        var capacity: Int { fingerprints.count }

        @inline(__always)
        private func home(_ f: UInt64) -> Int {
            Int((f << UInt64(FingerprintSet.shardBits)).multipliedFullWidth(by: UInt64(fingerprints.count)).high)
        }

        @inline(__always)
        private func distance(from home: Int, to slot: Int) -> Int {
            slot >= home ? slot - home : slot + fingerprints.count - home
        }

        func find(_ f: UInt64) -> UInt32? {
            var slot = home(f)
            var probed = 0
            while true {
                let here = fingerprints[slot]
                if here == f { return owners[slot] }
                if here == 0 || distance(from: home(here), to: slot) < probed { return nil }
                probed += 1
                slot += 1
                if slot == fingerprints.count { slot = 0 }
            }
        }

        mutating func insert(_ f: UInt64, owner: UInt32) -> UInt32 {
            if let existing = find(f) { return existing }
            if Double(count + 1) > Double(fingerprints.count) * FingerprintSet.maxLoad { grow() }
            place(f, owner)
            count += 1
            return owner
        }

        /// Robin Hood insertion of a fingerprint known to be absent.
        private mutating func place(_ fingerprint: UInt64, _ owner: UInt32) {
            var f = fingerprint, o = owner
            var slot = home(f)
            var probed = 0
            while true {
                let here = fingerprints[slot]
                if here == 0 {
                    fingerprints[slot] = f
                    owners[slot] = o
                    return
                }
                let theirs = distance(from: home(here), to: slot)
                if theirs < probed {
                    swap(&fingerprints[slot], &f)
                    swap(&owners[slot], &o)
                    probed = theirs
                }
                probed += 1
                slot += 1
                if slot == fingerprints.count { slot = 0 }
            }
        }

        private mutating func grow() {
            let oldFingerprints = fingerprints, oldOwners = owners
            let capacity = Int(Double(fingerprints.count) * FingerprintSet.growth) + 1
            fingerprints = [UInt64](repeating: 0, count: capacity)
            owners = [UInt32](repeating: 0, count: capacity)
            for index in oldFingerprints.indices where oldFingerprints[index] != 0 {
                place(oldFingerprints[index], oldOwners[index])
            }
        }
    }
}
