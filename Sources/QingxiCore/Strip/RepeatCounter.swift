/// How often each key occurs, in an open-addressing table (keys are already hashes: their low bits pick the
/// slot; no hashing, no dictionary).
struct RepeatCounter {
    private var keys: [Int]
    private var counts: [Int32]
    private let mask: Int
    private(set) var anyRepeated = false

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        keys = [Int](repeating: 0, count: size)
        counts = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    /// Counts `key` (never 0: 0 marks an empty slot).
    @inline(__always) mutating func add(_ key: Int) {
        let slot = self.slot(of: key)
        keys[slot] = key
        counts[slot] += 1
        if counts[slot] > 1 { anyRepeated = true }
    }

    @inline(__always) func count(of key: Int) -> Int32 {
        counts[slot(of: key)]
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always) private func slot(of key: Int) -> Int {
        var slot = key & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }
}
