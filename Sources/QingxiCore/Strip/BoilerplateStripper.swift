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
    private var lines: [StripLine] = []

    public init(rules: StripRuleSet, view: MatchingView, profile: FooterProfile? = nil) {
        self.rules = rules
        profileLines = profile?.lines ?? []
        context = StripContext(rules: rules, view: view, needsViews: !profileLines.isEmpty)
    }

    public func begin(_ article: Article) throws {
        lines.removeAll(keepingCapacity: true)
    }

    public func process(_ paragraph: Paragraph, of article: Article, emit: (Paragraph) throws -> Void) throws {
        lines.append(StripLine(paragraph, context: context))
    }

    public func end(_ article: Article, emit: (Paragraph) throws -> Void) throws {
        var plan = StripPlan(lines: lines, rules: rules, profileLines: profileLines, classifier: classifier)
        lines = []  // the plan now holds the only reference: deciding does not copy the lines
        plan.decide()
        for line in plan.lines {
            try release(line, of: article, emit: emit)
        }
        lines = plan.takeLines()  // keep the buffer for the next article
        lines.removeAll(keepingCapacity: true)
    }

    private func release(_ line: StripLine, of article: Article, emit: (Paragraph) throws -> Void) throws {
        let paragraph = line.paragraph
        switch line.verdict {
        case .keep:
            try emit(paragraph)
        case .protected(let hit):
            MetadataExtractor.record(hit.match, text: paragraph.text, view: line.view, into: article)
            try emit(paragraph)
        case .removed(let category, let hit):
            if let hit { MetadataExtractor.record(hit.match, text: paragraph.text, view: line.view, into: article) }
            article.recordRemoval(paragraph, stage: name, reason: category)
        case .cut(let span, let category, let hit):
            MetadataExtractor.record(hit.match, text: paragraph.text, view: line.view, into: article)
            let (cut, rest) = Self.split(paragraph.text, at: span)
            var removed = paragraph
            removed.text = cut
            article.recordRemoval(removed, stage: name, reason: category)
            var kept = paragraph
            kept.text = rest
            try emit(kept)
        }
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
