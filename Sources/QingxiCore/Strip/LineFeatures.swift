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

    init() {}

    init(_ text: [UInt32]) {
        for c in text { count(c) }
    }

    /// Counts one scalar of the matching view.
    mutating func count(_ c: UInt32) {
        if c == 0x20 || c == 0x09 || c == 0xA0 || c == 0x3000 { return }
        length += 1
        if c < 0x80 {
            countASCII(c)
        } else if ScalarSet.isHan(c) {
            han += 1
        } else {
            switch c {
            case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x2026: sentenceEnds += 1       // 。！？；…
            case 0xFF0C, 0x3001, 0xFF1A, 0x201C, 0x201D: clauseMarks += 1        // ，、：“”
            case 0xBB, 0x203A, 0xFF1E, 0xB7, 0x22C5, 0x25AA, 0xFF5C, 0x2022: linkMarks += 1  // » › ＞ · ⋅ ▪ ｜ •
            default: break
            }
        }
    }

    private mutating func countASCII(_ c: UInt32) {
        switch c {
        case 0x30...0x39: alphanumerics += 1; digits += 1
        case 0x61...0x7A, 0x41...0x5A: alphanumerics += 1
        case 0x21, 0x3F, 0x3B: sentenceEnds += 1
        case 0x2C: clauseMarks += 1
        case 0x7C, 0x3E, 0x2F: linkMarks += 1
        default: break
        }
    }

    /// Text units: Han characters, plus Latin letters and digits at two to a unit.
    var units: Int { han + alphanumerics / 2 }

    /// Sentence and clause punctuation together.
    var punctuation: Int { sentenceEnds + clauseMarks }

    /// Digits, separators and date characters only, with at least four digits: a lone timestamp.
    func isTimestamp(_ text: [UInt32]) -> Bool {
        guard digits >= 4, length <= 24 else { return false }
        return text.allSatisfy { c in
            (0x30...0x39).contains(c) || [0x20, 0x2D, 0x3A, 0x2F, 0x2E, 0x5E74, 0x6708, 0x65E5, 0x65F6, 0x5206, 0x79D2]
                .contains(c)
        }
    }
}
