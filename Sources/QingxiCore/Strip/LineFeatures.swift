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
    @inline(__always) mutating func count(_ c: UInt32) {
        if c < 0x80 {
            if c == 0x20 || c == 0x09 { return }
            length &+= 1
            countASCII(c)
        } else if c >= 0x4E00 && c <= 0x9FFF {
            length &+= 1
            han &+= 1
        } else {
            if c == 0xA0 || c == 0x3000 { return }
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

    /// ASCII by bit masks (bit c of the low word for c < 64, bit c - 64 of the high word).
    @inline(__always) private mutating func countASCII(_ c: UInt32) {
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
}
