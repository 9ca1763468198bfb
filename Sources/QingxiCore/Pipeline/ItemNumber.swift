/// A clause or item number opening a line, in either script: 第 + numeral + a unit (条 款 章 节 项 编 篇 部: 第十一条,
/// 第3章), a bracketed numeral (（一） (1) 〔二〕 【3】), a Chinese numeral and 、 (一、), a digit run and . ． 、 ) ）
/// (1. 12、 3）) not followed by a digit (1.5 is a figure), or a circled or parenthesised number (① ⑴ ⒈).
/// Dedup never treats a numbered clause as a near-duplicate; strip never reads a numbered item as a teaser link.
enum ItemNumber {
    /// Whether `t` (scalars after any leading spaces) opens with a clause or item number.
    static func opens(_ t: UnsafeBufferPointer<UInt32>) -> Bool {
        guard !t.isEmpty else { return false }
        let start = 0
        let first = t[start]
        if (0x2460...0x249B).contains(first) { return true }  // ① … ⑳, ⑴ … ⒇, ⒈ … ⒛
        if first == 0x7B2C {  // 第
            let end = numeralRun(t, from: start + 1, chinese: true)
            return end > start + 1 && end < t.count && isClauseUnit(t[end])
        }
        if let close = closingBracket(first) {
            let end = numeralRun(t, from: start + 1, chinese: true)
            return end > start + 1 && end < t.count && t[end] == close
        }
        let chineseEnd = numeralRun(t, from: start, chinese: true)
        let digitEnd = numeralRun(t, from: start, chinese: false)
        if digitEnd > start, digitEnd == chineseEnd, digitEnd < t.count, isDigitMark(t[digitEnd]) {
            return !(digitEnd + 1 < t.count && isDigit(t[digitEnd + 1]))
        }
        return chineseEnd > start && chineseEnd < t.count && t[chineseEnd] == 0x3001  // 一、
    }

    /// The end of the run of numerals starting at `i`: digits (ASCII or full-width), plus Chinese numerals when
    /// `chinese` is set.
    private static func numeralRun(_ t: UnsafeBufferPointer<UInt32>, from i: Int, chinese: Bool) -> Int {
        var end = i
        while end < t.count, isDigit(t[end]) || (chinese && isChineseNumeral(t[end])) { end += 1 }
        return end
    }

    /// Whether a number can start with `v` (most paragraphs open with a character that cannot).
    static func mayOpen(_ v: UInt32) -> Bool {
        v == 0x7B2C || closingBracket(v) != nil || isDigit(v) || isChineseNumeral(v) || (0x2460...0x249B).contains(v)
    }

    private static func isDigit(_ v: UInt32) -> Bool { (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v) }

    /// 〇零一二三四五六七八九十百千两 (a switch, not a set: asked of the first character of most lines).
    private static func isChineseNumeral(_ v: UInt32) -> Bool {
        switch v {
        case 0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343, 0x4E24: return true
        default: return false
        }
    }

    /// 条條款章节節项項编編篇部.
    private static func isClauseUnit(_ v: UInt32) -> Bool {
        switch v {
        case 0x6761, 0x689D, 0x6B3E, 0x7AE0, 0x8282, 0x7BC0, 0x9879, 0x9805, 0x7F16, 0x7DE8, 0x7BC7, 0x90E8: return true
        default: return false
        }
    }

    /// . ． 、 ) ）
    private static func isDigitMark(_ v: UInt32) -> Bool {
        switch v {
        case 0x2E, 0xFF0E, 0x3001, 0x29, 0xFF09: return true
        default: return false
        }
    }

    /// The closing bracket of an opening one: （） () 〔〕 【】 [].
    private static func closingBracket(_ v: UInt32) -> UInt32? {
        switch v {
        case 0xFF08: return 0xFF09
        case 0x28: return 0x29
        case 0x3014: return 0x3015
        case 0x3010: return 0x3011
        case 0x5B: return 0x5D
        default: return nil
        }
    }
}
