/// The matching key of a paragraph: what two paragraphs must share to count as the same text.
///
/// Built from the paragraph's simplified form (`MatchingView.simplified`, so a traditional copy keys like its
/// simplified twin), with full-width letters and digits folded to ASCII, white space, punctuation, symbols and
/// control characters dropped, and letters case-folded. Digits are kept, because two news paragraphs that
/// differ only in a date or a figure are different news; `foldDigits` maps every decimal digit to `0` for
/// template hunting. The key is only ever compared and hashed: stages output the original paragraph.
public struct ParagraphKey: Sendable {
    /// The key's Unicode scalar values (after simplification, folding and dropping).
    public let scalars: [UInt32]
    /// The 128-bit hash of `scalars`.
    public let hash: KeyHash

    /// The number of key characters (the unit of `--min-chars`).
    public var count: Int { scalars.count }
    public var isEmpty: Bool { scalars.isEmpty }

    public init(scalars: [UInt32]) {
        self.scalars = scalars
        self.hash = KeyHash(scalars: scalars)
    }

    /// The key as a string (for tests and diagnostics).
    public var text: String {
        var view = String.UnicodeScalarView()
        for value in scalars { view.append(Unicode.Scalar(value) ?? "\u{FFFD}") }
        return String(view)
    }
}

/// Makes `ParagraphKey`s with one matching view and one digit policy.
public struct ParagraphKeyMaker {
    public let view: MatchingView
    public let foldDigits: Bool

    public init(view: MatchingView, foldDigits: Bool = false) {
        self.view = view
        self.foldDigits = foldDigits
    }

    /// The key of `text`.
    public func key(_ text: String) -> ParagraphKey {
        let simplified = view.simplified(text)
        var scalars: [UInt32] = []
        scalars.reserveCapacity(simplified.utf8.count / 2)
        for scalar in simplified.unicodeScalars {
            append(scalar, to: &scalars)
        }
        return ParagraphKey(scalars: scalars)
    }

    @inline(__always)
    private func append(_ scalar: Unicode.Scalar, to scalars: inout [UInt32]) {
        let value = scalar.value
        switch value {
        case 0x61...0x7A: scalars.append(value)
        case 0x41...0x5A: scalars.append(value + 0x20)
        case 0x30...0x39: scalars.append(foldDigits ? 0x30 : value)
        case 0..<0x80: return
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x3134F: scalars.append(value)
        case 0xFF01...0xFF5E, 0x3000:
            let folded = MatchingView.foldWidth(scalar)
            if folded.value < 0x80 { append(folded, to: &scalars) }
        default: appendGeneral(scalar, to: &scalars)
        }
    }

    /// Scalars outside ASCII and the common CJK blocks: keep letters, marks and numbers (case-folded, digits
    /// optionally folded), drop punctuation, symbols, separators and controls.
    private func appendGeneral(_ scalar: Unicode.Scalar, to scalars: inout [UInt32]) {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .decimalNumber:
            scalars.append(foldDigits ? 0x30 : scalar.value)
        case .uppercaseLetter, .titlecaseLetter:
            for lower in properties.lowercaseMapping.unicodeScalars { scalars.append(lower.value) }
        case .lowercaseLetter, .modifierLetter, .otherLetter, .letterNumber, .otherNumber,
             .nonspacingMark, .spacingMark, .enclosingMark:
            scalars.append(scalar.value)
        default:
            return
        }
    }
}
