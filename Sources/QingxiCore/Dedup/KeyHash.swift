/// A 128-bit hash of a paragraph key, deterministic across runs and machines (unlike Swift's `Hasher`, which is
/// seeded per process), so that keys written by `--emit-keys` in one process match those of another.
///
/// Two independent 64-bit lanes: `low` alone is the fingerprint the in-memory exact set and the Bloom filter
/// use (a false match among 10 million distinct paragraphs has probability ≈ 3·10⁻⁶); both lanes make the
/// 32-hex-digit key of `--emit-keys`, where collisions must stay negligible at cluster scale.
public struct KeyHash: Hashable, Sendable {
    public var low: UInt64
    public var high: UInt64

    public init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// Hashes a sequence of scalar values (a paragraph key).
    public init(scalars: [UInt32]) {
        var a: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: scalars.count)
        var b: UInt64 = 0x1319_8A2E_0370_7344 &+ UInt64(truncatingIfNeeded: scalars.count)
        var index = 0
        let count = scalars.count
        scalars.withUnsafeBufferPointer { buffer in
            while index + 1 < count {
                let word = UInt64(buffer[index]) | UInt64(buffer[index + 1]) << 32
                a = Self.step(a, word, 0x9E37_79B9_7F4A_7C15)
                b = Self.step(b, word, 0xC2B2_AE3D_27D4_EB4F)
                index += 2
            }
            if index < count {
                let word = UInt64(buffer[index]) | 0xFFFF_FFFF_0000_0000
                a = Self.step(a, word, 0x9E37_79B9_7F4A_7C15)
                b = Self.step(b, word, 0xC2B2_AE3D_27D4_EB4F)
            }
        }
        low = Self.finalize(a)
        high = Self.finalize(b ^ 0x5851_F42D_4C95_7F2D)
    }

    /// 32 lower-case hex digits, high lane first: the key column of `--emit-keys`.
    public var hex: String {
        Self.hex(high) + Self.hex(low)
    }

    /// Parses the 32-digit form written by `hex`.
    public init?(hex: Substring) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 32, let h = Self.parse(utf8[0..<16]), let l = Self.parse(utf8[16..<32]) else { return nil }
        self.init(low: l, high: h)
    }

    @inline(__always)
    static func step(_ state: UInt64, _ word: UInt64, _ multiplier: UInt64) -> UInt64 {
        let mixed = (state ^ word) &* multiplier
        return mixed ^ (mixed >> 29)
    }

    /// MurmurHash3's 64-bit finalizer: every input bit affects every output bit.
    @inline(__always)
    public static func finalize(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 16)
        for i in 0..<16 { out[i] = digits[Int((value >> (60 - 4 * UInt64(i))) & 0xF)] }
        return String(decoding: out, as: UTF8.self)
    }

    private static func parse(_ digits: ArraySlice<UInt8>) -> UInt64? {
        var value: UInt64 = 0
        for d in digits {
            let nibble: UInt8
            switch d {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = d - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = d - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = d - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt64(nibble)
        }
        return value
    }
}
