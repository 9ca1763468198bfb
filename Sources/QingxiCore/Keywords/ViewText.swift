/// One paragraph as the keyword finder reads it: the scalars of its matching view (simplified script, width
/// folded), plus the original's scalars when the two align one to one, so that a span found on the view can be
/// cut from the original text as the surface form. ICU's T→S rules and the width fold map one scalar to one
/// scalar (NOTES §2), so alignment is the rule; when it fails, surface forms fall back to the view.
struct ViewText {
    /// The view's scalars.
    let scalars: [UInt32]
    /// The original's scalars, when as many as the view's.
    private let original: [UInt32]?

    init(_ text: String, view: MatchingView) {
        let folded = view.folded(text)
        scalars = Self.scalarValues(folded)
        if folded == text {
            original = nil
        } else {
            let raw = Self.scalarValues(text)
            original = raw.count == scalars.count ? raw : nil
        }
        aligned = folded == text || original != nil
    }

    /// True when `surface` gives the original text (always, unless conversion changed the length).
    let aligned: Bool

    var count: Int { scalars.count }

    /// The view's text in `range`.
    func string(_ range: Range<Int>) -> String {
        Self.string(scalars[range])
    }

    /// The original text in `range` (the view's, when the two do not align).
    func surface(_ range: Range<Int>) -> String {
        Self.string((original ?? scalars)[range])
    }

    static func scalarValues(_ text: String) -> [UInt32] {
        var values: [UInt32] = []
        values.reserveCapacity(text.utf8.count / 2)
        for scalar in text.unicodeScalars { values.append(scalar.value) }
        return values
    }

    static func string(_ values: some Sequence<UInt32>) -> String {
        var view = String.UnicodeScalarView()
        for value in values { view.append(Unicode.Scalar(value) ?? "\u{FFFD}") }
        return String(view)
    }
}
