#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One paragraph as the keyword finder reads it: the scalars of its matching view (simplified script, width
/// folded), plus the original's scalars when they differ but align one to one, so that a span found on the
/// view can be cut from the original text as the surface form. ICU's T→S rules and the width fold map one
/// scalar to one scalar (NOTES §2), so alignment is the rule; when it fails, surface forms fall back to the view.
///
/// The width fold runs here on the scalar array (`MatchingView.foldWidth(_:)` per scalar) rather than through
/// `MatchingView.folded`, which builds a second string: same result, a fifth of the keyword stage's time saved.
struct ViewText {
    /// The view's scalars.
    let scalars: [UInt32]
    /// The original's scalars, when they differ from the view's and are as many.
    private let original: [UInt32]?
    /// True when `surface` gives the original text (always, unless conversion changed the length).
    let aligned: Bool

    /// `simplified`: `text` is already its own conversion (`Paragraph.isViewSimplified`); only the width
    /// fold runs, on `decoded` (the scalars of `text`, `Paragraph.scalars`) when given.
    init(_ text: String, view: MatchingView, simplified isSimplified: Bool = false, decoded: [UInt32]? = nil) {
        var simplified = isSimplified ? text : view.simplified(text)
        let (values, folded) = isSimplified && decoded != nil
            ? Self.widthFolded(decoded!) : simplified.withUTF8(Self.foldedScalars)
        scalars = values
        if !folded && (isSimplified || Self.sameBytes(simplified, text)) {
            original = nil
            aligned = true
        } else {
            let raw = decoded ?? Self.scalarValues(text)  // `decoded` is the text's, when given
            original = raw.count == values.count ? raw : nil
            aligned = original != nil
        }
    }

    var count: Int { scalars.count }

    /// The scalar values of valid UTF-8, width folded, decoded straight from the bytes (iterating a String's
    /// `unicodeScalars` costs several times more); and whether the fold changed any.
    static func foldedScalars(_ utf8: UnsafeBufferPointer<UInt8>) -> ([UInt32], Bool) {
        var folded = false
        let values = [UInt32](unsafeUninitializedCapacity: utf8.count) { out, written in
            var i = 0, n = 0
            while i < utf8.count {
                let v = UTF8Decoding.decode(utf8, &i)
                let f = foldWidth(v)
                folded = folded || f != v
                out[n] = f
                n += 1
            }
            written = n
        }
        return (values, folded)
    }

    /// The paragraph as the keyword finder reads it (its cached scalars used when it has them).
    init(_ paragraph: Paragraph, view: MatchingView) {
        self.init(paragraph.text, view: view, simplified: paragraph.isViewSimplified, decoded: paragraph.scalars)
    }

    /// `scalars` width folded (the same array when no scalar folds: Han is one comparison), and whether any did.
    static func widthFolded(_ scalars: [UInt32]) -> ([UInt32], Bool) {
        let firstFolding = scalars.withUnsafeBufferPointer { values -> Int? in
            var i = 0
            while i < values.count {
                let v = values[i]
                // U+3000, or U+FF01…U+FF5E: one branch (and `foldWidth` decides) per scalar.
                if (v == 0x3000) || (v &- 0xFF01 <= 0x5D), foldWidth(v) != v { return i }
                i &+= 1
            }
            return nil
        }
        guard let first = firstFolding else { return (scalars, false) }
        var folded = scalars
        for i in first..<folded.count { folded[i] = foldWidth(folded[i]) }
        return (folded, true)
    }

    /// Byte equality (String `==` compares canonical equivalence, slowly, on non-ASCII text).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
        if let fast, let same = fast { return same }
        return a.utf8.elementsEqual(b.utf8)
    }

    /// The view's text in `range`.
    func string(_ range: Range<Int>) -> String {
        Self.string(scalars[range])
    }

    /// The original text in `range` (the view's, when the two do not align).
    func surface(_ range: Range<Int>) -> String {
        Self.string((original ?? scalars)[range])
    }

    /// The original text in `range`, given the view's text of the same range: when the two are identical,
    /// the same string (no second copy).
    func surface(_ range: Range<Int>, sameAs viewText: String) -> String {
        original == nil ? viewText : surface(range)
    }

    @inline(__always)
    static func foldWidth(_ value: UInt32) -> UInt32 {
        guard value >= 0xFF01 ? value <= 0xFF5E : value == 0x3000 else { return value }  // Han: one test
        return MatchingView.foldWidth(Unicode.Scalar(value)!).value
    }

    static func scalarValues(_ text: String) -> [UInt32] {
        var values: [UInt32] = []
        values.reserveCapacity(text.utf8.count / 2)
        for scalar in text.unicodeScalars { values.append(scalar.value) }
        return values
    }

    /// The string of scalar values (a value that is no scalar becomes U+FFFD), UTF-8 encoded straight into the
    /// new string's storage: appending to a `String.UnicodeScalarView` one scalar at a time costs several times
    /// more, and every candidate term is made here.
    static func string(_ values: some Collection<UInt32>) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: values.count * 4) { buffer in
            var n = 0
            for value in values { n = encode(value, into: buffer, at: n) }
            return String(knownValidUTF8: UnsafeBufferPointer(rebasing: buffer[..<n]))  // `encode` writes scalars only
        }
    }

    /// Writes the UTF-8 of one scalar value (U+FFFD for a surrogate or a value beyond U+10FFFF) at `n`;
    /// returns the index after it. `buffer` must have 4 bytes free at `n`.
    @inline(__always)
    static func encode(_ value: UInt32, into buffer: UnsafeMutableBufferPointer<UInt8>, at n: Int) -> Int {
        let scalar: UInt32 = (0xD800...0xDFFF).contains(value) || value > 0x10FFFF ? 0xFFFD : value
        return n + UTF8Decoding.write(scalar, to: buffer.baseAddress! + n)
    }
}
