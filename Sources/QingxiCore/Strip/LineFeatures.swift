/// What the page classifier and the rules' limits need to know about one line, counted in one pass over its
/// matching view: length, Han characters, Latin letters and digits, sentence punctuation, link-like marks.
struct LineFeatures: Equatable {
    /// Characters other than white space.
    var length = 0
    /// Han ideographs.
    var han = 0
    /// ASCII letters and digits.
    var alphanumerics = 0
    /// Sentence ends: 。！？；… and ASCII ! ? ; after text.
    var sentenceEnds = 0
    /// Clause punctuation: ，、：“” and ASCII commas.
    var clauseMarks = 0
    /// Separators typical of menus, breadcrumbs and widgets: | > » › ＞ / · ⋅ ▪ and the like.
    var linkMarks = 0
    /// Digits (a lone timestamp is mostly digits).
    var digits = 0
    /// White-space characters (words of a menu or cells of a table are separated by them).
    var spaces = 0

    init() {}

    init(_ text: [UInt32]) {
        for c in text { count(c) }
    }

    /// Counts one scalar of the matching view.
    @inline(__always) mutating func count(_ c: UInt32) {
        if c < 0x80 {
            if c == 0x20 || c == 0x09 { spaces &+= 1; return }
            length &+= 1
            countASCII(c)
        } else if c >= 0x4E00 && c <= 0x9FFF {
            length &+= 1
            han &+= 1
        } else {
            if c == 0xA0 || c == 0x3000 { spaces &+= 1; return }
            length &+= 1
            if ScalarSet.isHan(c) {
                han &+= 1
                return
            }
            switch c {
            case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x2026: sentenceEnds &+= 1       // 。！？；…
            case 0xFF0C, 0x3001, 0xFF1A, 0x201C, 0x201D: clauseMarks &+= 1        // ，、：“”
            case 0xBB, 0x203A, 0xFF1E, 0xB7, 0x22C5, 0x25AA, 0xFF5C, 0x2022: linkMarks &+= 1  // » › ＞ · ⋅ ▪ ｜ •
            default: break
            }
        }
    }

    /// An ASCII scalar other than space and tab (already counted in `length`), by bit masks: bit c of the low
    /// word for c < 64, bit c - 64 of the high word.
    @inline(__always) mutating func countASCII(_ c: UInt32) {
        let bit: UInt64 = 1 &<< UInt64(c & 63)
        if c < 64 {
            if bit & 0x03FF_0000_0000_0000 != 0 { alphanumerics &+= 1; digits &+= 1 }        // 0-9
            else if bit & 0x8800_0002_0000_0000 != 0 { sentenceEnds &+= 1 }                // ! ? ;
            else if bit & 0x0000_1000_0000_0000 != 0 { clauseMarks &+= 1 }                 // ,
            else if bit & 0x4000_8000_0000_0000 != 0 { linkMarks &+= 1 }                   // > /
        } else {
            if bit & 0x07FF_FFFE_07FF_FFFE != 0 { alphanumerics &+= 1 }                    // A-Z a-z
            else if bit & 0x1000_0000_0000_0000 != 0 { linkMarks &+= 1 }                   // |
        }
    }

    /// Text units: Han characters, plus Latin letters and digits at two to a unit.
    var units: Int { han + alphanumerics / 2 }

    /// Sentence and clause punctuation together.
    var punctuation: Int { sentenceEnds + clauseMarks }

    /// Digits, separators and date characters only, with at least four digits: a lone timestamp.
    func isTimestamp(_ text: UnsafeBufferPointer<UInt32>) -> Bool {
        guard digits >= 4, length <= 24 else { return false }
        return text.allSatisfy { c in
            (0x30...0x39).contains(c) || [0x20, 0x2D, 0x3A, 0x2F, 0x2E, 0x5E74, 0x6708, 0x65E5, 0x65F6, 0x5206, 0x79D2]
                .contains(c)
        }
    }

    /// Longest line (units) whose words `tokens` counts: menus are short.
    static let menuUnits = 60

    /// Runs of characters between white space.
    static func tokens(_ text: UnsafeBufferPointer<UInt32>) -> Int {
        var count = 0
        var inWord = false
        for c in text {
            let space = c == 0x20 || c == 0x09 || c == 0x3000 || c == 0xA0
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    /// How the line ends, past white space and closing quotes or brackets: 2 for a statement or a lead-in to
    /// what follows (。…；： or ASCII ;, as a 主送 line or "X提出以下意见："), 1 for a question or an exclamation
    /// (！？ ! ?, which headlines end with too), 0 for anything else.
    static func sentenceEnd(_ text: UnsafeBufferPointer<UInt32>) -> UInt8 {
        var i = text.count - 1
        while i >= 0 {
            switch text[i] {
            case 0x20, 0x09, 0x3000, 0xA0, 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29: i -= 1
            default:
                switch text[i] {
                case 0x3002, 0x2026, 0xFF1B, 0x3B, 0xFF1A: return 2
                case 0xFF01, 0xFF1F, 0x21, 0x3F: return 1
                default: return 0
                }
            }
        }
        return 0
    }

    /// Starts, after leading spaces, with a list or clause number (`ItemNumber`).
    static func startsItem(_ text: UnsafeBufferPointer<UInt32>) -> Bool {
        var i = 0
        while i < text.count, text[i] == 0x20 || text[i] == 0x3000 || text[i] == 0x09 || text[i] == 0xA0 { i += 1 }
        guard i < text.count, ItemNumber.mayOpen(text[i]) else { return false }
        return ItemNumber.opens(UnsafeBufferPointer(rebasing: text[i...]))
    }

    /// A short line that gives a date and a time among a few words (钛科技 2024-05-11 10:27, 2024年04月21日 22:47
    /// 体坛快讯网 作者：于洋): four digits, a date separator, and a colon, with no sentence end. What stands
    /// between a headline and its body; `isTimestamp` is the bare form.
    func isDateLine(_ text: UnsafeBufferPointer<UInt32>) -> Bool {
        guard digits >= 8, han <= 20, sentenceEnds == 0 else { return false }
        var run = 0, year = false, colon = false
        for c in text {
            if c >= 0x30 && c <= 0x39 {
                run += 1
                continue
            }
            if run == 4 && (c == 0x2D || c == 0x2F || c == 0x2E || c == 0x5E74) { year = true }  // - / . 年
            if (c == 0x3A || c == 0xFF1A) && run >= 1 && run <= 2 { colon = true }
            run = 0
        }
        return year && colon
    }

    /// A short label and a bar before the rest (课程 | 标题, 轻松一刻|标题, 数读丨标题): a section's teaser link.
    static func hasLabelPrefix(_ text: UnsafeBufferPointer<UInt32>) -> Bool {
        var han = 0
        for i in 0..<min(text.count, 8) {
            let c = text[i]
            if c == 0x7C || c == 0x4E28 { return han >= 1 && i + 1 < text.count }  // | 丨
            if c >= 0x4E00 && c <= 0x9FFF { han += 1 } else if c != 0x20 { return false }
        }
        return false
    }
}
