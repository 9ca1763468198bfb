/// Where a conversion engine can change a text (its `changeStarts()`), laid out to scan converted text fast:
/// a byte of flags per BMP scalar (changes alone, begins a changing pair), and the
/// pairs themselves behind a hashed bit filter. `ScriptConverter` asks it whether its own output would change
/// in a second pass (see `Paragraph.isViewSimplified`); a scan runs on the UTF-8 bytes, as the text is valid.
struct ChangeStartTable {
    /// Per BMP scalar: `changesAlone`, `beginsPair`, both or neither.
    private var flags = [UInt8](repeating: 0, count: 0x10000)
    private var pairFilter = [UInt64](repeating: 0, count: 1 << 14)
    private var pairs = Set<UInt64>()
    private static let changesAlone: UInt8 = 1
    private static let beginsPair: UInt8 = 2

    init(_ starts: Set<[UInt32]>) {
        for start in starts where start[0] < 0x10000 {
            if start.count == 1 {
                flags[Int(start[0])] |= Self.changesAlone
            } else {
                flags[Int(start[0])] |= Self.beginsPair
                let pair = UInt64(start[0]) << 32 | UInt64(start[1])
                pairs.insert(pair)
                let bit = Self.filterBit(pair)
                pairFilter[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
    }

    /// True when no scalar of `utf8` (valid UTF-8) changes alone and no two neighbours begin a changing key.
    /// Characters outside the BMP count as changes (the tables do not hold them).
    func holdsNoChange(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(utf8.count, 1)) { scratch in
            scan(utf8, decodingInto: scratch.baseAddress!) >= 0
        }
    }

    /// `holdsNoChange`, writing the scalars it decodes to `out` (room for `utf8.count`): their number, or -1 at
    /// the first change start (`out` then holds a prefix). A scalar that neither changes nor begins a pair,
    /// after one that begins none (most Han), costs a decode, a table read and a store.
    func scan(_ utf8: UnsafeBufferPointer<UInt8>, decodingInto out: UnsafeMutablePointer<UInt32>) -> Int {
        flags.withUnsafeBufferPointer { flags in
            pairFilter.withUnsafeBufferPointer { filter in
                var i = 0, count = 0
                let n = utf8.count
                var previous: UInt32 = 0
                while i < n {
                    let v = UTF8Decoding.decode(utf8, &i)
                    if v < 0x80 {
                        out[count] = v
                        count &+= 1
                        previous = 0
                        continue
                    }
                    if v >= 0x10000 { return -1 }
                    let flag = flags[Int(v)]
                    out[count] = v
                    count &+= 1
                    if UInt32(flag) | previous == 0 { continue }
                    if flag & Self.changesAlone != 0 { return -1 }
                    if previous != 0 {
                        let pair = UInt64(previous) << 32 | UInt64(v)
                        let bit = Self.filterBit(pair)
                        if filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 && pairs.contains(pair) { return -1 }
                    }
                    previous = flag & Self.beginsPair != 0 ? v : 0
                }
                return count
            }
        }
    }

    @inline(__always)
    private static func filterBit(_ pair: UInt64) -> Int {
        Int(truncatingIfNeeded: (pair &* 0x9E37_79B9_7F4A_7C15) >> 44)
    }
}
