/// A set of keys (sequences of Unicode scalars) with a value each, matched by longest match at a position.
///
/// Built once, read many times, and laid out so that the common case, a position where no key starts, costs
/// one load from a small bit set that stays in the L1 cache: `startsKey` reads a bit per BMP scalar (8 KB), and
/// `longestMatch` first reads a hashed bit per (first, second) scalar pair of the keys (32 KB) and a bit per
/// one-scalar key. Only then is the trie walked: the first scalar through a flat table (one array read for
/// the Basic Multilingual Plane), deeper levels through one hash table keyed by (node, scalar)
/// (`TrieEdgeTable`).
struct ScalarTrie {
    private var rootBMP: [Int32]
    private var rootAstral: [UInt32: Int32] = [:]
    private var children = TrieEdgeTable()
    /// Per node: the value of the key ending there, or -1.
    private var values: [Int32] = [-1]
    /// One bit per BMP scalar that begins a key, and one per BMP scalar that is a key by itself.
    private var startsBMP = [UInt64](repeating: 0, count: 1024)
    private var wholeBMP = [UInt64](repeating: 0, count: 1024)
    /// One bit per hashed (first, second) scalar pair of the keys: a position whose pair is not there can only
    /// match a one-scalar key, without a trie walk (most positions of running text).
    private var pairs = [UInt64](repeating: 0, count: 1 << 12)
    /// The length, in scalars, of the longest key.
    private(set) var longestKey = 0
    /// How many keys were added (a key added twice counts once).
    private(set) var count = 0

    init() {
        rootBMP = [Int32](repeating: 0, count: 0x10000)
    }

    /// The set of `words` (value 0 each), for membership tests with `value(of:)`.
    init(words: some Sequence<String>) {
        self.init()
        for word in words { insert(word.unicodeScalars.map(\.value), value: 0) }
    }

    /// Adds `key` with `value`; an existing key keeps its first value (first definition wins).
    mutating func insert(_ key: [UInt32], value: Int32) {
        guard !key.isEmpty else { return }
        if key.count >= 2 { setPair(key[0], key[1]) }
        var node: Int32 = 0
        for scalar in key {
            if let next = child(of: node, scalar) {
                node = next
            } else {
                let next = Int32(values.count)
                values.append(-1)
                setChild(of: node, scalar, next)
                node = next
            }
        }
        if values[Int(node)] < 0 {
            values[Int(node)] = value
            count += 1
            if key.count == 1, key[0] < 0x10000 { Self.set(&wholeBMP, key[0]) }
        }
        longestKey = max(longestKey, key.count)
    }

    /// The longest key that starts at `start` in `text` and ends at or before `limit`: its length and value.
    func longestMatch(in text: UnsafeBufferPointer<UInt32>, at start: Int, limit: Int) -> (length: Int, value: Int32)? {
        guard start < limit else { return nil }
        let first = text[start]
        if first < 0x10000, start + 1 == limit || !hasPair(first, text[start + 1]) {
            guard Self.has(wholeBMP, first) else { return nil }
            return (1, values[Int(rootBMP[Int(first)])])
        }
        var node: Int32 = 0
        var best: (Int, Int32)? = nil
        var i = start
        while i < limit, let next = child(of: node, text[i]) {
            node = next
            i += 1
            let value = values[Int(node)]
            if value >= 0 { best = (i - start, value) }
        }
        return best
    }

    @inline(__always)
    private func pairBit(_ a: UInt32, _ b: UInt32) -> Int {
        let mixed = ((UInt64(a) &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(b)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> 46)
    }

    @inline(__always)
    private static func has(_ bits: [UInt64], _ scalar: UInt32) -> Bool {
        bits[Int(scalar) >> 6] & (1 << UInt64(scalar & 63)) != 0
    }

    private static func set(_ bits: inout [UInt64], _ scalar: UInt32) {
        bits[Int(scalar) >> 6] |= 1 << UInt64(scalar & 63)
    }

    @inline(__always)
    private func hasPair(_ a: UInt32, _ b: UInt32) -> Bool {
        let bit = pairBit(a, b)
        return pairs[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    private mutating func setPair(_ a: UInt32, _ b: UInt32) {
        let bit = pairBit(a, b)
        pairs[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// The value of exactly `key`, if it is in the set.
    func value(of key: some Sequence<UInt32>) -> Int32? {
        var node: Int32 = 0
        for scalar in key {
            guard let next = child(of: node, scalar) else { return nil }
            node = next
        }
        let value = values[Int(node)]
        return value >= 0 ? value : nil
    }

    /// True when some key starts with `scalar`.
    @inline(__always)
    func startsKey(_ scalar: UInt32) -> Bool {
        scalar < 0x10000 ? Self.has(startsBMP, scalar) : rootAstral[scalar] != nil
    }

    /// The first position at or after `start` in `text` whose scalar starts a key (`text.count` when none): the
    /// scan of running text for where matching can begin, with the bit set held in a register.
    func nextKeyStart(in text: UnsafeBufferPointer<UInt32>, from start: Int) -> Int {
        startsBMP.withUnsafeBufferPointer { bits in
            var i = start
            while i < text.count {
                let scalar = text[i]
                if scalar < 0x10000 {
                    if bits[Int(scalar) &>> 6] & (1 &<< UInt64(scalar & 63)) != 0 { return i }
                } else if rootAstral[scalar] != nil {
                    return i
                }
                i &+= 1
            }
            return text.count
        }
    }

    @inline(__always)
    private func child(of node: Int32, _ scalar: UInt32) -> Int32? {
        if node == 0 {
            if scalar < 0x10000 {
                let next = rootBMP[Int(scalar)]
                return next == 0 ? nil : next
            }
            return rootAstral[scalar]
        }
        return children.child(of: node, scalar)
    }

    private mutating func setChild(of node: Int32, _ scalar: UInt32, _ next: Int32) {
        if node == 0 {
            if scalar < 0x10000 {
                rootBMP[Int(scalar)] = next
                Self.set(&startsBMP, scalar)
            } else {
                rootAstral[scalar] = next
            }
        } else {
            children.setChild(of: node, scalar, next)
        }
    }
}
