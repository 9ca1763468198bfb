import CICUShim

/// ICU's dictionary-based word segmentation (UBRK_WORD) for Chinese. Owns one iterator; not thread-safe.
public final class ICUWordBreaker {
    private let handle: OpaquePointer

    public init(locale: String = "zh") throws {
        var status: Int32 = 0
        guard let h = qx_icu_wordbreak_open(locale, &status) else { throw ICUError("ubrk_open", code: status) }
        handle = h
    }

    deinit { qx_icu_wordbreak_close(handle) }

    /// The boundaries of the words of a UTF-16 text (offsets in UTF-16 units, 0 and the length included), into
    /// `boundaries` (reused between calls: no allocation once it is large enough); returns how many.
    public func boundaries(utf16 text: UnsafeBufferPointer<UInt16>, into boundaries: inout [Int32]) throws -> Int {
        guard let base = text.baseAddress, !text.isEmpty else { return 0 }
        if boundaries.count < text.count + 1 { boundaries = [Int32](repeating: 0, count: text.count + 1) }
        var status: Int32 = 0
        let capacity = Int32(boundaries.count)
        let count = boundaries.withUnsafeMutableBufferPointer {
            qx_icu_wordbreak_boundaries(handle, base, Int32(text.count), $0.baseAddress, capacity, &status)
        }
        try ICUError.check("ubrk_setText", status)
        return Int(count)
    }

    /// The words of `text` in order (white space runs included as their own pieces).
    public func words(_ text: String) throws -> [Substring] {
        let units = Array(text.utf16)
        guard !units.isEmpty else { return [] }
        var status: Int32 = 0
        var boundaries = [Int32](repeating: 0, count: units.count + 1)
        let count = Int(qx_icu_wordbreak_boundaries(handle, units, Int32(units.count), &boundaries,
                                                     Int32(boundaries.count), &status))
        try ICUError.check("ubrk_setText", status)
        var pieces: [Substring] = []
        pieces.reserveCapacity(count)
        let utf16 = text.utf16
        var lower = utf16.startIndex
        for i in 0..<max(0, count - 1) {
            let upper = utf16.index(lower, offsetBy: Int(boundaries[i + 1] - boundaries[i]))
            pieces.append(text[lower..<upper])
            lower = upper
        }
        return pieces
    }
}
