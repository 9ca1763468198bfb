/// Where a conversion engine can change a text (its `changeStarts()`), laid out to scan converted text fast:
/// one bit per BMP scalar that changes alone, one bit per BMP scalar that begins a changing pair, and the
/// pairs themselves behind a hashed bit filter. `ScriptConverter` asks it whether its own output would change
/// in a second pass (see `Paragraph.isViewSimplified`); a scan runs on the UTF-8 bytes, as the text is valid.
struct ChangeStartTable {
    private var singles = [UInt64](repeating: 0, count: 1024)
    private var pairFirsts = [UInt64](repeating: 0, count: 1024)
    private var pairFilter = [UInt64](repeating: 0, count: 1 << 14)
    private var pairs = Set<UInt64>()

    init(_ starts: Set<[UInt32]>) {
        for start in starts {
            if start.count == 1 {
                Self.set(&singles, start[0])
            } else {
                Self.set(&pairFirsts, start[0])
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
        var i = 0
        var previous: UInt32 = 0
        while i < utf8.count {
            let v = UTF8Decoding.decode(utf8, &i)
            if v < 0x80 {
                previous = 0
                continue
            }
            if v >= 0x10000 { return false }
            if Self.has(singles, v) { return false }
            if previous != 0 {
                let pair = UInt64(previous) << 32 | UInt64(v)
                let bit = Self.filterBit(pair)
                if pairFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 && pairs.contains(pair) { return false }
            }
            previous = Self.has(pairFirsts, v) ? v : 0
        }
        return true
    }

    @inline(__always)
    private static func has(_ bits: [UInt64], _ v: UInt32) -> Bool { bits[Int(v) >> 6] & (1 << UInt64(v & 63)) != 0 }

    private static func set(_ bits: inout [UInt64], _ v: UInt32) {
        if v < 0x10000 { bits[Int(v) >> 6] |= 1 << UInt64(v & 63) }
    }

    @inline(__always)
    private static func filterBit(_ pair: UInt64) -> Int {
        Int(truncatingIfNeeded: (pair &* 0x9E37_79B9_7F4A_7C15) >> 44)
    }
}
