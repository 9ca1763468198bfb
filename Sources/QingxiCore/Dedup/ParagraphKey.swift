/// The matching key of a paragraph: what two paragraphs must share to count as the same text.
///
/// Built from the paragraph's simplified form (through `ScriptFoldTable` or `MatchingView.simplified`, so a
/// traditional copy keys like its simplified twin), with full-width letters and digits folded to ASCII, white space, punctuation, symbols and
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

/// Makes `ParagraphKey`s with one script fold and one digit policy. The script fold is either a
/// `ScriptFoldTable` (what `qingxi dedup` uses: one lookup per character) or a `MatchingView` (the full
/// converter: `MatchingView.simplified`).
public struct ParagraphKeyMaker {
    public let foldDigits: Bool
    private let view: MatchingView?
    private let table: ScriptFoldTable?

    /// How traditional script is folded to simplified before the rest of the key is made.
    public enum ScriptFold {
        /// Per character, with the converter's single-character rules (fast; what the CLI uses).
        case table(ScriptFoldTable)
        /// Through a matching view (the full converter, or `.widthFoldingOnly` for no script folding).
        case view(MatchingView)
    }

    public init(_ fold: ScriptFold, foldDigits: Bool = false) {
        switch fold {
        case .table(let table): (self.table, self.view) = (table, nil)
        case .view(let view): (self.table, self.view) = (nil, view)
        }
        self.foldDigits = foldDigits
    }

    public init(view: MatchingView, foldDigits: Bool = false) {
        self.init(.view(view), foldDigits: foldDigits)
    }

    /// The key of `text`.
    public func key(_ text: String) -> ParagraphKey {
        if let table {
            var text = text, scalars: [UInt32] = []
            text.withUTF8 { UTF8Decoding.appendScalars(of: $0, to: &scalars) }
            return scalars.withUnsafeBufferPointer { key(folding: $0, through: table) }
        }
        var simplified = view?.simplified(text) ?? text
        let scalars = simplified.withUTF8 { bytes in
            // At most one code point per byte, and at most three key scalars per code point.
            [UInt32](unsafeUninitializedCapacity: bytes.count * 3 + 4) { out, count in
                var i = 0
                while i < bytes.count {
                    let (scalar, length) = Self.decode(bytes, at: i)
                    append(scalar, to: out, &count)
                    i += length
                }
            }
        }
        return ParagraphKey(scalars: scalars)
    }

    /// The key of a paragraph: from the scalars it carries when a stage decoded them (`Paragraph.scalars`).
    public func key(of paragraph: Paragraph) -> ParagraphKey {
        guard let table, let scalars = paragraph.scalars else { return key(paragraph.text) }
        return scalars.withUnsafeBufferPointer { key(folding: $0, through: table) }
    }

    /// The key of `text`'s scalars folded through `table`, one lookup per scalar (phrases longest first).
    private func key(folding text: UnsafeBufferPointer<UInt32>, through table: ScriptFoldTable) -> ParagraphKey {
        // At most three key scalars per scalar.
        ParagraphKey(scalars: [UInt32](unsafeUninitializedCapacity: text.count * 3 + 4) { out, count in
            var i = 0
            while i < text.count {
                let value = text[i]
                let entry = value < 0x80 ? value : table.entry(value)
                if entry >= 0x4E00 && entry <= 0x9FFF {  // the common case (a phrase start has a high bit: not here)
                    out[count] = entry
                    count += 1
                    i += 1
                    continue
                }
                if entry < 0x80 {  // ASCII, as `append` keys it: letters lower-cased, digits kept, the rest dropped
                    if (0x61...0x7A).contains(entry) || (0x30...0x39).contains(entry) || (0x41...0x5A).contains(entry) {
                        out[count] = entry <= 0x39 ? (foldDigits ? 0x30 : entry) : entry | 0x20
                        count += 1
                    }
                    i += 1
                    continue
                }
                if Self.isDroppedPunctuation(entry) {
                    i += 1
                    continue
                }
                if entry & ScriptFoldTable.startsPhrase != 0, let (replacement, length) = table.phrase(in: text, at: i) {
                    for r in replacement { appendScalar(r, to: out, &count) }
                    i += length
                    continue
                }
                appendScalar(entry & ~ScriptFoldTable.startsPhrase, to: out, &count)
                i += 1
            }
        })
    }

    /// The punctuation of running Chinese text that `append` drops (general punctuation, 、。“”《》「」, and the
    /// full-width ，！？：；（） that width folding keeps), tested inline: most scalars that are not Han are these.
    @inline(__always)
    private static func isDroppedPunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0x2000...0x206F, 0x3001...0x3004, 0x3008...0x3011, 0xFF01, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F: true
        default: false
        }
    }

    @inline(__always)
    private func appendScalar(_ value: UInt32, to out: UnsafeMutableBufferPointer<UInt32>, _ count: inout Int) {
        if let scalar = Unicode.Scalar(value) { append(scalar, to: out, &count) }
    }

    /// Decodes one scalar of valid UTF-8 (Swift strings always are) and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 {
            return (Unicode.Scalar((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)) ?? "\u{FFFD}", 2)
        }
        if b0 < 0xF0 {
            let value = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 3)
        }
        let value = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
            | UInt32(bytes[i + 3] & 0x3F)
        return (Unicode.Scalar(value) ?? "\u{FFFD}", 4)
    }

    /// Appends the key form of one scalar (nothing, one or, for a few case mappings, more scalars) to `out`,
    /// which has room for three scalars per input code point.
    @inline(__always)
    private func append(_ scalar: Unicode.Scalar, to out: UnsafeMutableBufferPointer<UInt32>, _ count: inout Int) {
        let value = scalar.value
        switch value {
        case 0x61...0x7A, 0x4E00...0x9FFF: out[count] = value; count += 1
        case 0x41...0x5A: out[count] = value + 0x20; count += 1
        case 0x30...0x39: out[count] = foldDigits ? 0x30 : value; count += 1
        case 0..<0x80: return
        case 0x3400...0x4DBF, 0x20000...0x3134F: out[count] = value; count += 1
        // General punctuation, spaces and format characters; CJK punctuation and brackets: all dropped.
        case 0x2000...0x206F, 0x3001...0x3004, 0x3008...0x3020, 0x3030, 0x3036, 0x3037, 0x303D...0x303F: return
        case 0xFF01...0xFF5E, 0x3000:
            let folded = MatchingView.foldWidth(scalar)
            if folded.value < 0x80 { append(folded, to: out, &count) }
        default: appendGeneral(scalar, to: out, &count)
        }
    }

    /// Scalars outside ASCII and the common CJK blocks: keep letters, marks and numbers (case-folded, digits
    /// optionally folded), drop punctuation, symbols, separators and controls.
    private func appendGeneral(_ scalar: Unicode.Scalar, to out: UnsafeMutableBufferPointer<UInt32>, _ count: inout Int) {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .decimalNumber:
            out[count] = foldDigits ? 0x30 : scalar.value
            count += 1
        case .uppercaseLetter, .titlecaseLetter:
            // At most 3 scalars per code point (U+0130 → i + U+0307 is the longest lower-case mapping).
            for lower in properties.lowercaseMapping.unicodeScalars.prefix(3) {
                out[count] = lower.value
                count += 1
            }
        case .lowercaseLetter, .modifierLetter, .otherLetter, .letterNumber, .otherNumber,
             .nonspacingMark, .spacingMark, .enclosingMark:
            out[count] = scalar.value
            count += 1
        default:
            return
        }
    }
}
