/// The edges below the root of a `ScalarTrie`: (parent node, scalar) → child node, in an open-addressing hash
/// table with linear probing and a multiplicative hash. A `Dictionary` lookup hashes its key with SipHash,
/// which costs more than the rest of a trie step; this table's lookup is one multiply, a shift and (almost
/// always) one probe. Built once, read many times: there is no removal.
struct TrieEdgeTable {
    /// Keys `parent << 32 | scalar`; `empty` marks a free slot (no node has number 0xFFFF_FFFF).
    private var keys: [UInt64]
    private var children: [Int32]
    private var shift: UInt64
    private(set) var count = 0
    private static let empty = UInt64.max

    init() {
        keys = [UInt64](repeating: Self.empty, count: 64)
        children = [Int32](repeating: 0, count: 64)
        shift = 64 - 6
    }

    /// The child of `parent` along `scalar`, if there is one.
    @inline(__always)
    func child(of parent: Int32, _ scalar: UInt32) -> Int32? {
        let key = Self.key(parent, scalar)
        let mask = keys.count - 1
        var slot = slot(of: key)
        while true {
            let found = keys[slot]
            if found == key { return children[slot] }
            if found == Self.empty { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Sets the child of `parent` along `scalar` (replacing an earlier one).
    mutating func setChild(of parent: Int32, _ scalar: UInt32, _ child: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let key = Self.key(parent, scalar)
        var slot = slot(of: key)
        while keys[slot] != Self.empty && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
        if keys[slot] == Self.empty { count += 1 }
        keys[slot] = key
        children[slot] = child
    }

    @inline(__always)
    private static func key(_ parent: Int32, _ scalar: UInt32) -> UInt64 {
        UInt64(UInt32(bitPattern: parent)) << 32 | UInt64(scalar)
    }

    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Doubles the table (load stays at most one half) and re-inserts every edge.
    private mutating func grow() {
        let old = zip(keys, children).filter { $0.0 != Self.empty }
        keys = [UInt64](repeating: Self.empty, count: keys.count * 2)
        children = [Int32](repeating: 0, count: keys.count)
        shift -= 1
        count = 0
        for (key, child) in old {
            setChild(of: Int32(bitPattern: UInt32(truncatingIfNeeded: key >> 32)), UInt32(truncatingIfNeeded: key), child)
        }
    }
}
