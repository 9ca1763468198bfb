/// The view of a text that stages match patterns and keys on: simplified script (through the convert engine)
/// with full-width ASCII letters, digits and spaces folded to their ASCII forms. Chinese punctuation
/// (，。！？：；（）【】《》“”) is kept as is: unlike NFKC, this fold does not turn `：` into `:`.
///
/// Stages never output this view: they match on it and emit the original text.
public struct MatchingView {
    private let simplify: (String) -> String
    private let changeStartsOf: (() -> Set<[UInt32]>?)?

    /// `simplify` converts to simplified script (e.g. `ScriptConverter.simplifier()`); `changeStarts`, when
    /// given, answers `changeStarts()` (see there).
    public init(simplify: @escaping (String) -> String, changeStarts: (() -> Set<[UInt32]>?)? = nil) {
        self.simplify = simplify
        changeStartsOf = changeStarts
    }

    /// Where `simplified` may change a text — the scalars converted on their own and the first one or two
    /// scalars of every conversion rule that changes its key — when the engine can also promise that no rule
    /// reads across a space: then a space-separated chunk holding none of them converts to itself, and every
    /// chunk converts alone as it does inside its line. Nil when unknown (convert whole texts). The engine's
    /// answer (a `ScriptConverter` computes it once).
    public func changeStarts() -> Set<[UInt32]>? {
        changeStartsOf?()
    }

    /// No script conversion, only width folding (for tests and already-simplified input).
    public static var widthFoldingOnly: MatchingView { MatchingView(simplify: { $0 }, changeStarts: { [] }) }

    /// Simplified script, as the convert engine gives it.
    public func simplified(_ text: String) -> String {
        simplify(text)
    }

    /// Simplified script with full-width ASCII folded.
    public func folded(_ text: String) -> String {
        Self.foldWidth(simplify(text))
    }

    /// Folds U+FF01…U+FF5E (full-width ASCII) to U+0021…U+007E and the ideographic space U+3000 to a space,
    /// except the full-width forms of Chinese punctuation that texts use as punctuation (，！？：；（）).
    public static func foldWidth(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0xEF || $0 == 0xE3 }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            scalars.append(foldWidth(scalar))
        }
        return String(scalars)
    }

    /// The folded form of one scalar (see `foldWidth(_:)`).
    public static func foldWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x3000: return " "
        case 0xFF01, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F: return scalar
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)!
        default: return scalar
        }
    }
}
