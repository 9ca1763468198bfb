/// What kind of line a paragraph is, as far as `dedup` cares: the shapes that must never be removed as
/// near-duplicates, because a few characters change what they say.
///
/// Contract (docs/dedup.md, "When unsure, keep"):
/// - `.short` (tested first, so a numbered heading such as 一、总体要求 is short): a key of fewer than
///   `shortKeyChars` characters (a heading, a caption, an attribution "——姓名"), a line ending in a colon (a
///   lead-in: "X提出了以下意见："), or a key of fewer than `headingKeyChars` characters with no punctuation that
///   ends a sentence (。！？； and ASCII ! ? ;): a heading, a title, a table row.
/// - `.numbered`: a numbered clause or item: after leading spaces the text opens with an `ItemNumber` (第十一条,
///   （一）, 一、, 1., ①).
/// - `.body`: everything else.
/// Numbered clauses and short lines are never removed as near-duplicates, and never matched against as the kept
/// side; a short line or a numbered clause that repeats exactly is removed only inside a run of repeated
/// paragraphs (`ParagraphDeduplicator+Runs.swift`).
enum ParagraphShape: Equatable {
    case body, numbered, short

    static let shortKeyChars = 25
    static let headingKeyChars = 50

    /// The shape of a paragraph with a key of `keyCount` characters. Reads the text's UTF-8 bytes: its first
    /// `numberPrefix` scalars, its end, and all of it only for a key too short to be sure it is a body.
    static func of(_ paragraph: Paragraph, keyCount: Int) -> ParagraphShape {
        if keyCount < shortKeyChars { return .short }
        var text = paragraph.text
        return text.withUTF8 { of(utf8: $0, keyCount: keyCount) }
    }

    static func of(utf8 text: UnsafeBufferPointer<UInt8>, keyCount: Int) -> ParagraphShape {
        if keyCount < shortKeyChars || endsWithColon(text) { return .short }
        if keyCount < headingKeyChars && !hasSentencePunctuation(text) { return .short }
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: numberPrefix) { opening in
            let count = openingScalars(text, into: opening)
            return ItemNumber.opens(UnsafeBufferPointer(rebasing: opening[0..<count])) ? .numbered : .body
        }
    }

    /// Scalars read for a clause number (第一千二百三十四条 has 9).
    static let numberPrefix = 16

    /// Decodes up to `out.count` scalars after the leading spaces; returns how many.
    private static func openingScalars(_ text: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt32>) -> Int {
        var (i, count) = (0, 0)
        while i < text.count && count < out.count {
            let (scalar, length) = ParagraphKeyMaker.decode(text, at: i)
            i += length
            if count == 0 && isSpace(scalar.value) { continue }
            out[count] = scalar.value
            count += 1
            // Most paragraphs open with a character no number starts with: one scalar decides.
            if count == 1 && !ItemNumber.mayOpen(scalar.value) { break }
        }
        return count
    }

    /// Whether the text ends, before trailing spaces (space, tab, U+3000, U+00A0), in ： or :.
    private static func endsWithColon(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = t.count
        while end > 0 {
            if t[end - 1] == 0x20 || t[end - 1] == 0x09 {
                end -= 1
            } else if end >= 3 && t[end - 3] == 0xE3 && t[end - 2] == 0x80 && t[end - 1] == 0x80 {
                end -= 3
            } else if end >= 2 && t[end - 2] == 0xC2 && t[end - 1] == 0xA0 {
                end -= 2
            } else {
                break
            }
        }
        if end >= 1 && t[end - 1] == 0x3A { return true }
        return end >= 3 && t[end - 3] == 0xEF && t[end - 2] == 0xBC && t[end - 1] == 0x9A
    }

    /// Whether the text holds punctuation that ends a sentence: 。！？； or ASCII ! ? ; (UTF-8: E3 80 82, EF BC
    /// 81/9F/9B). Commas and 、 do not count: titles have them ("关于加强农村公路、桥梁和渡口安全管理的通知").
    private static func hasSentencePunctuation(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < t.count {
            switch t[i] {
            case 0x21, 0x3F, 0x3B: return true
            case 0xEF where i + 2 < t.count && t[i + 1] == 0xBC:
                switch t[i + 2] {
                case 0x81, 0x9F, 0x9B: return true
                default: break
                }
            case 0xE3 where i + 2 < t.count && t[i + 1] == 0x80:
                if t[i + 2] == 0x82 { return true }
            default: break
            }
            i += 1
        }
        return false
    }

    private static func isSpace(_ v: UInt32) -> Bool { v == 0x20 || v == 0x09 || v == 0x3000 || v == 0xA0 }
}
