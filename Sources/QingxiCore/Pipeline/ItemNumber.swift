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
            return end > start + 1 && end < t.count && clauseUnits.contains(t[end])
        }
        if let close = brackets[first] {
            let end = numeralRun(t, from: start + 1, chinese: true)
            return end > start + 1 && end < t.count && t[end] == close
        }
        let chineseEnd = numeralRun(t, from: start, chinese: true)
        let digitEnd = numeralRun(t, from: start, chinese: false)
        if digitEnd > start, digitEnd == chineseEnd, digitEnd < t.count, digitMarks.contains(t[digitEnd]) {
            return !(digitEnd + 1 < t.count && isDigit(t[digitEnd + 1]))
        }
        return chineseEnd > start && chineseEnd < t.count && t[chineseEnd] == 0x3001  // 一、
    }

    /// The end of the run of numerals starting at `i`: digits (ASCII or full-width), plus Chinese numerals when
    /// `chinese` is set.
    private static func numeralRun(_ t: UnsafeBufferPointer<UInt32>, from i: Int, chinese: Bool) -> Int {
        var end = i
        while end < t.count, isDigit(t[end]) || (chinese && chineseNumerals.contains(t[end])) { end += 1 }
        return end
    }

    /// Whether a number can start with `v` (most paragraphs open with a character that cannot).
    static func mayOpen(_ v: UInt32) -> Bool {
        v == 0x7B2C || brackets[v] != nil || isDigit(v) || chineseNumerals.contains(v) || (0x2460...0x249B).contains(v)
    }

    private static func isDigit(_ v: UInt32) -> Bool { (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v) }

    /// 〇零一二三四五六七八九十百千两.
    private static let chineseNumerals: Set<UInt32> = Set("〇零一二三四五六七八九十百千两".unicodeScalars.map(\.value))
    /// 条條款章节節项項编編篇部.
    private static let clauseUnits: Set<UInt32> = Set("条條款章节節项項编編篇部".unicodeScalars.map(\.value))
    /// . ． 、 ) ）
    private static let digitMarks: Set<UInt32> = [0x2E, 0xFF0E, 0x3001, 0x29, 0xFF09]
    /// Opening bracket → closing bracket: （） () 〔〕 【】 [].
    private static let brackets: [UInt32: UInt32] = [0xFF08: 0xFF09, 0x28: 0x29, 0x3014: 0x3015, 0x3010: 0x3011, 0x5B: 0x5D]
}
