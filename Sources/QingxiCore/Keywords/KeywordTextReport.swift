/// Stage "keywords-report": the text-mode printer of `qingxi keywords`. At the end of each article it writes
/// the article's terms (as the keyword stage recorded them) as `term<TAB>score<TAB>count<TAB>kind` lines to
/// `output`, articles separated as in plain-text input, by a line holding only a form feed. An article with no
/// terms gives an empty block.
///
/// Contract: every paragraph passes through unchanged; nothing is removed or annotated. Place it after
/// `PolicyTermExtractor` in the chain.
public final class KeywordTextReport: Stage {
    public let name = "keywords-report"
    private let output: OutputWriter
    private var articles = 0

    public init(output: OutputWriter) {
        self.output = output
    }

    public func process(_ paragraph: Paragraph, of article: Article, emit: (Paragraph) throws -> Void) throws {
        try emit(paragraph)
    }

    public func end(_ article: Article, emit: (Paragraph) throws -> Void) throws {
        if articles > 0 { try output.write([0x0C, 0x0A]) }
        articles += 1
        try output.write(RankedTerm.tsvLines(RankedTerm.terms(of: article)))
    }

    public func finish() throws {
        try output.flush()
    }
}
