/// What one line of a page dump shows about itself, before its neighbours are read (`ParagraphClassifier`).
///
/// jusText tells body from chrome by stop-word density, which Chinese text does not have; sentence punctuation
/// plays that part here. Lengths are text units (`LineFeatures.units`: Han characters, Latin letters and digits
/// at two to a unit), so 25 units is about a 25-character sentence.
enum LineClass: Equatable {
    /// Running prose: never removed by the classifier.
    case good
    /// Positive evidence of chrome.
    case bad
    /// Medium-length text without the punctuation of prose (a heading, a teaser title, a list item).
    case nearGood
    /// Too short to say (a word, a date, a name).
    case short
    /// Blank, or removed by a rule as article metadata: no evidence either way, skipped by context.
    case transparent
    /// A row of a table (`ParagraphClassifier.markTables`): undecided like `nearGood`, but never a teaser or
    /// a menu.
    case tableRow

    /// Units from which an unpunctuated line is `nearGood` rather than `short`.
    static let nearGoodUnits = 10

    init(_ line: ParagraphClassifier.Line) {
        if line.isBlank { self = .transparent; return }
        if line.removed { self = line.furniture ? .bad : .transparent; return }
        // A protected line (a dateline, a headline, a document's title) is never removed; it speaks for its
        // neighbours only when it is prose.
        if line.protected { self = Self.isProse(line) ? .good : .transparent; return }
        if line.metaLike { self = .transparent; return }
        let f = line.features
        if Self.isProse(line) { self = .good; return }
        if Self.isChrome(f, tokens: line.tokens) || line.labelPrefix && f.units <= 40 { self = .bad; return }
        if line.isTimestamp { self = .short; return }
        self = f.units >= Self.nearGoodUnits ? .nearGood : .short
    }

    /// A headline-shaped line: medium length, no sentence ending, not a list item. Three or more of them in a
    /// run of undecided lines are a teaser list (`ParagraphClassifier.markTeaserRuns`).
    static func isTeaser(_ line: ParagraphClassifier.Line, _ c: LineClass) -> Bool {
        c == .nearGood && !line.endsSentence && !line.startsItem
    }

    /// Han text with at least two sentence or clause marks, one per 20 units or more, no more than one
    /// link-like separator, and ending as a sentence ends (a headline or teaser may hold a comma, but does not
    /// end with 。); from `longProseUnits` on, the ending is not asked (a crawl may glue a widget's words on).
    /// A shorter line that ends a statement after a clause mark is prose too (a line of a poem, a short answer);
    /// one that ends with ！ or ？ is, from `proseUnits` on (a shorter one is a headline's shape as often).
    static func isProse(_ line: ParagraphClassifier.Line) -> Bool {
        isProse(line.shape)
    }

    static func isProse(_ shape: LineShape) -> Bool {
        let f = shape.features, endsSentence = shape.endsSentence, endsStatement = shape.endsStatement
        guard f.han * 2 >= f.units, f.punctuation >= 2, f.punctuation * 20 >= f.units, f.linkMarks <= 1 else {
            return false
        }
        if f.units >= longProseUnits { return true }
        return endsStatement && f.units >= nearGoodUnits || endsSentence && f.units >= proseUnits
    }

    /// Units from which a line ending with ！ or ？ after a clause mark is prose.
    static let proseUnits = 25

    /// Units from which a punctuated line is prose whatever its ending.
    static let longProseUnits = 40

    /// Link separators (breadcrumbs "首页 > 新闻 > 正文", "A | B | C", "首页 / 社会"), a menu of short words
    /// separated by spaces, symbols with no text at all, or a number alone (a counter: 6390).
    static func isChrome(_ f: LineFeatures, tokens: Int) -> Bool {
        if f.units == 0 { return f.length > 0 && f.punctuation == 0 }
        if f.han == 0 && f.digits == f.alphanumerics && f.digits <= 10 && f.length <= 12 && f.punctuation == 0 {
            return true
        }
        if f.linkMarks >= 2 && f.units <= 40 { return true }
        if f.linkMarks >= 1 && f.units <= 12 && f.sentenceEnds == 0 { return true }
        return f.punctuation == 0 && f.digits == 0 && tokens >= 4 && f.units <= 4 * tokens
    }
}
