/// The `strip` stage: removes boilerplate from Chinese news text and records what it took out and why.
///
/// Contract (see `Stage`): holds back every paragraph of an article until `end`, then emits the kept ones in
/// order; every removed paragraph is recorded with `article.recordRemoval(p, stage: "strip", reason:)`, the
/// reason being the rule's category (`editor`, `caption`, `copyright`, …), `profile` or `page-chrome`. When a
/// rule cuts a span off a line (an original title or a photo credit glued to body text), the rest is emitted
/// under the paragraph's number and the span is recorded with the reason `category (partial)`, so that kept and
/// removed text still add up to the input, paragraph by paragraph. Blank paragraphs pass through untouched.
/// Metadata captured by the deciding rules goes to `article.meta` (see `MetadataExtractor`).
///
/// Matching runs on the `MatchingView.folded` view of each line (one pattern serves 責編 and 责编); output is
/// always the original text. Deterministic, and idempotent: stripping the output again removes nothing.
public final class BoilerplateStripper: Stage {
    public let name = "strip"
    public let rules: StripRuleSet
    private let profileLines: Set<String>
    private let classifier = ParagraphClassifier()
    private let context: StripContext
    /// Touched only by this stage's own calls, one at a time (a stage is not shared across threads): unchecked,
    /// which spares every line a run-time exclusivity check.
    @exclusivity(unchecked) private var article = ArticleLines()

    public init(rules: StripRuleSet, view: MatchingView, profile: FooterProfile? = nil) {
        self.rules = rules
        profileLines = profile?.lines ?? []
        context = StripContext(rules: rules, view: view, needsViews: !profileLines.isEmpty)
    }

    public func begin(_ article: Article) throws {
        self.article.removeAll()
    }

    public func process(_ paragraph: Paragraph, of article: Article, emit: (Paragraph) throws -> Void) throws {
        self.article.append(paragraph, context: context)
    }

    public func end(_ article: Article, emit: (Paragraph) throws -> Void) throws {
        var plan = StripPlan(article: self.article, rules: rules, profileLines: profileLines, classifier: classifier)
        self.article = ArticleLines()  // the plan now holds the only reference: deciding does not copy the lines
        plan.decide()
        var lines = plan.takeArticle()
        for i in lines.paragraphs.indices {
            try release(i, of: lines, into: article, emit: emit)
        }
        lines.removeAll()
        self.article = lines  // keep the buffers for the next article
    }

    private func release(_ i: Int, of lines: ArticleLines, into article: Article,
                         emit: (Paragraph) throws -> Void) throws {
        switch lines.lines[i].verdict {
        case .keep:
            try emit(lines.paragraphs[i])
        case .protected(let h):
            record(h, of: i, in: lines, into: article)
            try emit(lines.paragraphs[i])
        case .removed(let reason, let h):
            if let h { record(h, of: i, in: lines, into: article) }
            article.recordRemoval(lines.paragraphs[i], stage: name, reason: rules.category(reason))
        case .cut(let span, let h):
            record(h, of: i, in: lines, into: article)
            let (cut, rest) = Self.split(lines.paragraphs[i].text, at: span)
            var removed = lines.paragraphs[i]
            removed.text = cut
            article.recordRemoval(removed, stage: name, reason: rules.rules[lines.hits[h].rule].category + " (partial)")
            var kept = lines.paragraphs[i]
            kept.text = rest
            try emit(kept)
        }
    }

    /// Metadata from the captures of hit `h` on line `i`.
    private func record(_ h: Int, of i: Int, in lines: ArticleLines, into article: Article) {
        guard !lines.hits[h].match.captures.isEmpty else { return }  // most rules capture nothing
        MetadataExtractor.record(lines.hits[h].match, text: lines.paragraphs[i].text, view: lines.view(of: i),
                                 into: article)
    }

    /// The text inside `span` (scalar offsets) and the text outside it (the span is a prefix or a suffix).
    static func split(_ text: String, at span: Range<Int>) -> (cut: String, rest: String) {
        let scalars = text.unicodeScalars
        let low = scalars.index(scalars.startIndex, offsetBy: span.lowerBound)
        let high = scalars.index(scalars.startIndex, offsetBy: span.upperBound)
        let cut = String(scalars[low..<high])
        let rest = String(scalars[scalars.startIndex..<low]) + String(scalars[high...])
        return (cut, rest)
    }
}
