import CICUShim

/// ICU's word segmentation (UBRK_WORD, locale zh) of Chinese text, with ICU's own dictionary and ICU's own
/// best-path rule, run here on runs of common Han characters; ICU itself cuts the rest. Same words as
/// `ICUWordBreaker` (a test compares them on corpus text and thousands of random mixed-script texts), several
/// times faster on Chinese: ICU walks its dictionary through a UText and a string trie searched unit by unit,
/// `CJKDictionary` is a table and short binary searches.
///
/// The text is cut into runs where a character of ICU's dictionary scripts (Han, kana) meets one of another
/// script, except next to a scalar ICU may join across (marks, ZWJ, connectors such as _, anything outside the
/// BMP): ICU always breaks there. A dictionary run of common Han only (U+3400–4DBF, U+4E00–9FFF,
/// 々, 〇: characters NFKC leaves alone) is segmented here: at each position every dictionary word that starts
/// there is a step of its cost, a character that starts no one-character word a step of cost 255, and the
/// cheapest path through the run gives the words (ICU's CjkBreakEngine). Other dictionary runs (kana, marks,
/// compatibility ideographs, characters outside the BMP) and runs holding a letter or digit go to ICU, alone;
/// runs of punctuation and spaces are skipped, as they hold no word. Not thread-safe: one per thread.
final class DictionaryWordBreaker {
    private let dictionary: CJKDictionary?
    private let icu: ICUWordBreaker
    private let classes: [UInt8]
    private var cost: [Int32] = []
    private var previous: [Int32] = []
    private var units: [UInt16] = []
    private var boundaries: [Int32] = []
    private var path: [Int32] = []

    /// Scalar classes. `glue`: a scalar ICU may join to both neighbours (marks, ZWJ before a pictograph, the
    /// connectors of WB=ExtendNumLet, and every scalar outside the BMP): a run never ends next to one.
    private static let other: UInt8 = 0, commonHan: UInt8 = 1, dictionaryScript: UInt8 = 2, glue: UInt8 = 3
    /// ICU's cost of a character that begins no dictionary word.
    private static let unknownCost: Int32 = 255

    init() throws {
        icu = try ICUWordBreaker(locale: "zh")
        dictionary = CJKDictionary.shared
        classes = Self.scalarClasses
    }

    /// Calls `piece` with the range of every piece ICU's word segmentation cuts `text` into, in order; with
    /// `skippingRunsWithoutWords`, not the pieces of runs that hold no letter, digit or dictionary character
    /// (punctuation and spaces, which are never words).
    func forEachPiece(of text: UnsafeBufferPointer<UInt32>, skippingRunsWithoutWords: Bool = true,
                      _ piece: (Range<Int>) throws -> Void) throws {
        var start = 0
        while start < text.count {
            var end = start + 1
            var last = classOf(text[start])
            var onlyCommonHan = last == Self.commonHan
            var hasWord = last != Self.other || Self.isWordValue(text[start])
            while end < text.count {
                let c = classOf(text[end])
                if c != Self.glue && last != Self.glue && Self.isDictionary(c) != Self.isDictionary(last) { break }
                onlyCommonHan = onlyCommonHan && c == Self.commonHan
                hasWord = hasWord || c != Self.other || Self.isWordValue(text[end])
                last = c
                end += 1
            }
            if onlyCommonHan, let dictionary {
                segment(text, start..<end, with: dictionary)
                var lower = start
                for upper in path.reversed() { try piece(lower..<Int(upper)); lower = Int(upper) }
            } else if hasWord || !skippingRunsWithoutWords {
                try pieces(byICU: text, start..<end, piece)
            }
            start = end
        }
    }

    /// The words of `text` that hold a letter or digit, in order.
    func words(of text: String) throws -> [String] {
        let scalars = ViewText.scalarValues(text)
        var words: [String] = []
        try scalars.withUnsafeBufferPointer { s in
            try forEachPiece(of: s) { piece in
                if s[piece].contains(where: Self.isWordValue) { words.append(ViewText.string(scalars[piece])) }
            }
        }
        return words
    }

    @inline(__always)
    private static func isDictionary(_ c: UInt8) -> Bool { c == commonHan || c == dictionaryScript }

    @inline(__always)
    private func classOf(_ value: UInt32) -> UInt8 {
        value < 0x10000 ? classes[Int(value)] : Self.glue
    }

    /// The cheapest path through a run of common Han, as boundaries from the run's end back to (not including)
    /// its start, into `path`.
    private func segment(_ text: UnsafeBufferPointer<UInt32>, _ run: Range<Int>, with dictionary: CJKDictionary) {
        let n = run.count
        if cost.count < n + 1 {
            cost = [Int32](repeating: 0, count: n + 1)
            previous = [Int32](repeating: 0, count: n + 1)
        }
        cost.withUnsafeMutableBufferPointer { cost in
            previous.withUnsafeMutableBufferPointer { previous in
                cost[0] = 0
                for i in 1...n { cost[i] = Int32.max }
                for i in 0..<n {
                    let base = cost[i]
                    var single = false
                    dictionary.forEachWord(in: text, from: run.lowerBound + i, to: run.upperBound) { length, wordCost in
                        single = single || length == 1
                        let total = base + wordCost
                        if total < cost[i + length] { cost[i + length] = total; previous[i + length] = Int32(i) }
                    }
                    if !single, base + Self.unknownCost < cost[i + 1] {
                        cost[i + 1] = base + Self.unknownCost
                        previous[i + 1] = Int32(i)
                    }
                }
            }
        }
        path.removeAll(keepingCapacity: true)
        var i = n
        while i > 0 { path.append(Int32(run.lowerBound + i)); i = Int(previous[i]) }
    }

    /// ICU's pieces of `text[run]`, the run given to ICU alone.
    private func pieces(byICU text: UnsafeBufferPointer<UInt32>, _ run: Range<Int>,
                        _ piece: (Range<Int>) throws -> Void) throws {
        units.removeAll(keepingCapacity: true)
        var unitScalar: [Int32] = []
        var surrogates = false
        for (k, value) in text[run].enumerated() {
            if value < 0x10000 {
                units.append(UInt16(truncatingIfNeeded: value))
                if surrogates { unitScalar.append(Int32(k)) }
            } else {
                if !surrogates { surrogates = true; unitScalar = Array(0..<Int32(units.count)) }
                let v = value - 0x10000
                units.append(UInt16(truncatingIfNeeded: 0xD800 + (v >> 10)))
                units.append(UInt16(truncatingIfNeeded: 0xDC00 + (v & 0x3FF)))
                unitScalar.append(Int32(k))
                unitScalar.append(Int32(k))
            }
        }
        if surrogates { unitScalar.append(Int32(run.count)) }
        let count = try units.withUnsafeBufferPointer { try icu.boundaries(utf16: $0, into: &boundaries) }
        guard count > 1 else { return }
        func scalarOffset(_ unit: Int32) -> Int { surrogates ? Int(unitScalar[Int(unit)]) : Int(unit) }
        for i in 0..<(count - 1) {
            try piece((run.lowerBound + scalarOffset(boundaries[i]))..<(run.lowerBound + scalarOffset(boundaries[i + 1])))
        }
    }

    /// True for a letter or a digit (what makes a piece a word); fast answers for ASCII and the main CJK block.
    @inline(__always)
    static func isWordValue(_ value: UInt32) -> Bool {
        if value < 0x80 { return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value | 0x20) }
        if (0x4E00...0x9FFF).contains(value) { return true }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The class of every BMP scalar, from ICU's sets: the dictionary scripts of the CJK engine, and the glue
    /// (Extend, Format, ZWJ, ExtendNumLet) that word segmentation may attach across. Without ICU's answer every
    /// scalar is `other`, and all text goes to ICU.
    private static let scalarClasses: [UInt8] = {
        var dictionary = [UInt64](repeating: 0, count: 1024), marks = [UInt64](repeating: 0, count: 1024)
        let scripts = Array("[[:Han:][:Hiragana:][:Katakana:][:WB=Katakana:]\\u30fc\\uff70\\uff9e\\uff9f]".utf16)
        let extend = Array("[[:WB=Extend:][:WB=Format:][:WB=ZWJ:][:WB=ExtendNumLet:]]".utf16)
        var classes = [UInt8](repeating: other, count: 0x10000)
        guard qx_icu_set_bmp_bits(scripts, Int32(scripts.count), &dictionary) == 0,
              qx_icu_set_bmp_bits(extend, Int32(extend.count), &marks) == 0 else { return classes }
        func has(_ bits: [UInt64], _ c: Int) -> Bool { bits[c >> 6] & (1 << UInt64(c & 63)) != 0 }
        for c in 0..<0x10000 {
            if has(marks, c) {
                classes[c] = glue
            } else if has(dictionary, c) {
                let common = (0x3400...0x4DBF).contains(c) || (0x4E00...0x9FFF).contains(c) || c == 0x3005 || c == 0x3007
                classes[c] = common ? commonHan : dictionaryScript
            }
        }
        return classes
    }()
}
