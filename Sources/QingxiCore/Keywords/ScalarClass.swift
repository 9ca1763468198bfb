/// Character classes the keyword finder needs, on raw scalar values (the hot loops work on `[UInt32]`).
enum ScalarClass {
    /// A Han ideograph (unified, extension A and beyond, compatibility ideographs) or 〇.
    @inline(__always)
    static func isHan(_ s: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(s) || (0x3400...0x4DBF).contains(s) || (0x20000...0x3134F).contains(s)
            || (0xF900...0xFAFF).contains(s) || s == 0x3007
    }

    /// An ASCII letter or digit (after width folding, full-width ones are ASCII too).
    @inline(__always)
    static func isASCIIAlphanumeric(_ s: UInt32) -> Bool {
        (0x30...0x39).contains(s) || (0x41...0x5A).contains(s) || (0x61...0x7A).contains(s)
    }

    /// A Chinese numeral that can open a numbered slogan (三大攻坚战, 两个维护, 双循环).
    static func isChineseNumeral(_ s: UInt32) -> Bool {
        numerals.contains(s)
    }

    private static let numerals: Set<UInt32> = Set("一二三四五六七八九十两双百千万".unicodeScalars.map(\.value))

    static let openTitle: UInt32 = 0x300A   // 《
    static let closeTitle: UInt32 = 0x300B  // 》
    static let openQuote: UInt32 = 0x201C   // “
    static let closeQuote: UInt32 = 0x201D  // ”
    static let openCorner: UInt32 = 0x300C  // 「 (the T→S view turns it into “, raw input may still carry it)
    static let closeCorner: UInt32 = 0x300D // 」
    static let enumerationComma: UInt32 = 0x3001 // 、
    static let middleDot: UInt32 = 0x00B7   // ·
}
