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
        var simplified = view?.simplified(text) ?? text
        let scalars = simplified.withUTF8 { bytes in
            // At most one code point per byte, and at most three key scalars per code point.
            [UInt32](unsafeUninitializedCapacity: bytes.count * 3 + 4) { out, count in
                guard let table else {
                    var i = 0
                    while i < bytes.count {
                        let (scalar, length) = Self.decode(bytes, at: i)
                        append(scalar, to: out, &count)
                        i += length
                    }
                    return
                }
                var i = 0
                while i < bytes.count {
                    let (scalar, length) = Self.decode(bytes, at: i)
                    guard scalar.value >= 0x80 else {
                        append(scalar, to: out, &count)
                        i += length
                        continue
                    }
                    let entry = table.entry(scalar.value)
                    if entry & ScriptFoldTable.startsPhrase != 0,
                       let (replacement, byteCount) = table.phrase(in: bytes, at: i, first: scalar.value, firstLength: length) {
                        for r in replacement { appendScalar(r, to: out, &count) }
                        i += byteCount
                        continue
                    }
                    let folded = entry & ~ScriptFoldTable.startsPhrase
                    if folded >= 0x4E00 && folded <= 0x9FFF {  // the common case, inline
                        out[count] = folded
                        count += 1
                    } else {
                        appendScalar(folded, to: out, &count)
                    }
                    i += length
                }
            }
        }
        return ParagraphKey(scalars: scalars)
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
