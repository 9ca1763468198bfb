/// The ids of the articles that stream-level memories point back to, stored compactly: one byte arena and one
/// offset per article (id length + 4 bytes), instead of a `String` object per article. Ordinals are handed out
/// in registration order and are what `FingerprintSet` and `MinHashLSH` store.
public struct ArticleRegistry {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []
    private var lastID: String?

    public init() {}

    public var count: Int { ends.count }

    /// Bytes held (arena and offsets).
    public var memoryBytes: Int { bytes.capacity + ends.capacity * 4 }

    /// Registers `id` (again returning the last ordinal when the same id is registered twice in a row, as
    /// happens when several memories record the same article).
    public mutating func register(_ id: String) -> UInt32 {
        if let lastID, lastID == id, !ends.isEmpty { return UInt32(ends.count - 1) }
        bytes.append(contentsOf: id.utf8)
        ends.append(UInt32(truncatingIfNeeded: bytes.count))
        lastID = id
        return UInt32(ends.count - 1)
    }

    /// The id of ordinal `ordinal`.
    public func id(_ ordinal: UInt32) -> String {
        let index = Int(ordinal)
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return String(decoding: bytes[start..<Int(ends[index])], as: UTF8.self)
    }
}
