/// `MatchingView.changeStarts()` in a form a per-scalar loop can test: a bit per BMP scalar that changes or
/// starts a one-scalar rule, a bit per BMP scalar that starts a longer one, and the first two scalars of those.
/// Scalars past U+FFFF always count as changing (rare; keeps the tables small). Immutable after `init`.
final class ChangeStarts {
    private let singles: UnsafeMutableBufferPointer<UInt64>
    private let pairFirsts: UnsafeMutableBufferPointer<UInt64>
    /// A bit per `pairKey` of the pairs: most pairs that start with a pair's first scalar are ruled out here.
    private let pairBits: UnsafeMutableBufferPointer<UInt64>
    private let pairs: Set<UInt64>

    init(_ starts: Set<[UInt32]>) {
        singles = .allocate(capacity: 0x10000 / 64)
        singles.initialize(repeating: 0)
        pairFirsts = .allocate(capacity: 0x10000 / 64)
        pairFirsts.initialize(repeating: 0)
        pairBits = .allocate(capacity: 0x10000 / 64)
        pairBits.initialize(repeating: 0)
        var pairs = Set<UInt64>()
        for start in starts where !start.isEmpty {
            if start.count == 1 {
                if start[0] <= 0xFFFF { Self.set(singles, start[0]) }
            } else {
                if start[0] <= 0xFFFF { Self.set(pairFirsts, start[0]) }
                Self.set(pairBits, Self.pairKey(start[0], start[1]))
                pairs.insert(UInt64(start[0]) << 32 | UInt64(start[1]))
            }
        }
        self.pairs = pairs
    }

    deinit {
        singles.deallocate()
        pairFirsts.deallocate()
        pairBits.deallocate()
    }

    /// Whether a text may change at `c` (preceded by `last`): `c` changes or starts a one-scalar rule, or
    /// `last` and `c` start a longer one.
    @inline(__always) func changes(_ c: UInt32, after last: UInt32) -> Bool {
        if c > 0xFFFF || Self.test(singles, c) { return true }
        return last <= 0xFFFF && Self.test(pairFirsts, last) && Self.test(pairBits, Self.pairKey(last, c))
            && pairs.contains(UInt64(last) << 32 | UInt64(c))
    }

    /// Advances `i` past the chunk of `utf8` that starts there (up to the next space or the end) and `scalars`
    /// by the chunk's scalars; true when the chunk holds a place where conversion may change text. Needs
    /// starts without ASCII scalars (see `QuickFold.init`): ASCII is only counted, and once a place is found
    /// the rest of the chunk is only counted (a scalar per byte that does not continue one).
    @inline(__always) func chunkChanges(_ utf8: UnsafeBufferPointer<UInt8>, at i: inout Int,
                                        scalars: inout Int) -> Bool {
        let end = utf8.count
        var j = i, q = scalars, last: UInt32 = 0x20
        defer {
            i = j
            scalars = q
        }
        while j < end {
            let b0 = utf8[j]
            if b0 < 0x80 {
                if b0 == 0x20 { return false }
                j &+= 1
                q &+= 1
                last = 0x20
                continue
            }
            let c = UTF8Decoding.decode(utf8, &j)
            q &+= 1
            if changes(c, after: last) {
                while j < end && utf8[j] != 0x20 {
                    q &+= utf8[j] & 0xC0 != 0x80 ? 1 : 0
                    j &+= 1
                }
                return true
            }
            last = c
        }
        return false
    }

    @inline(__always) private static func pairKey(_ a: UInt32, _ b: UInt32) -> UInt32 {
        (a &* 0x9E37_79B1 ^ b) & 0xFFFF
    }

    private static func set(_ bits: UnsafeMutableBufferPointer<UInt64>, _ c: UInt32) {
        bits[Int(c >> 6)] |= 1 << UInt64(c & 63)
    }

    @inline(__always) private static func test(_ bits: UnsafeMutableBufferPointer<UInt64>, _ c: UInt32) -> Bool {
        bits[Int(c &>> 6)] & (1 &<< UInt64(c & 63)) != 0
    }
}
