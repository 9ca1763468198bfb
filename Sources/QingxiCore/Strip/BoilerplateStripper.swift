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

    /// As `process` with a paragraph of this text, given as its UTF-8 bytes — for the plain-text path that makes
    /// no `String` per input line (`RecordRunner.stripPlainTextFast`). False, taking nothing, when the bytes are
    /// not well-formed UTF-8 (the caller repairs and reports them, and passes the paragraph to `process`).
    func process(utf8: UnsafeBufferPointer<UInt8>, number: Int, line: Int) -> Bool {
        article.append(utf8: utf8, number: number, line: line, context: context)
    }

    /// False only while `RecordRunner.stripPlainTextFast` runs: plain text out without `--explain`, where
    /// nothing reads `article.removed`, so a removed line is not recorded and never becomes a `String` (nine
    /// lines in ten of a page dump). Everything else — output, metadata — is as with records.
    var recordsRemovals = true

    public func end(_ article: Article, emit: (Paragraph) throws -> Void) throws {
        try end(article, emit: emit, emitBytes: nil)
    }

    /// As `end`, but a kept line that came as bytes (`process(utf8:number:line:)`) and is released whole goes to
    /// `emitBytes` as those bytes, without becoming a `String`.
    func end(_ article: Article, emit: (Paragraph) throws -> Void,
             emitBytes: ((UnsafeBufferPointer<UInt8>) throws -> Void)?) throws {
        var plan = StripPlan(article: self.article, rules: rules, profileLines: profileLines, classifier: classifier,
                             context: context)
        self.article = ArticleLines()  // the plan now holds the only reference: deciding does not copy the lines
        plan.decide()
        var lines = plan.takeArticle()
        for i in lines.paragraphs.indices {
            try release(i, of: lines, into: article, emit: emit, emitBytes: emitBytes)
        }
        lines.removeAll()
        self.article = lines  // keep the buffers for the next article
    }

    private func release(_ i: Int, of lines: ArticleLines, into article: Article, emit: (Paragraph) throws -> Void,
                         emitBytes: ((UnsafeBufferPointer<UInt8>) throws -> Void)?) throws {
        let line = lines.lines[i]
        for cut in lines.cuts[line.cuts] {
            record(lines.hits[cut.hit].match, text: lines.text(of: i, in: cut.text),
                   view: lines.view(at: cut.view), into: article)
        }
        switch line.verdict {
        case .keep:
            break
        case .protected(let h):
            record(lines.hits[h].match, text: lines.text(of: i), view: lines.view(of: i), into: article)
        case .headline(let subtitle):
            let key = subtitle ? "subtitle" : "title"
            if !article.meta.contains(where: { $0.key == key }) {
                article.meta.append((key, MetadataExtractor.clean(Array(lines.text(of: i).unicodeScalars))))
            }
        case .removed(let reason, let h):
            if let h { record(lines.hits[h].match, text: lines.text(of: i), view: lines.view(of: i), into: article) }
            if recordsRemovals { article.recordRemoval(lines.paragraph(i), stage: name, reason: rules.category(reason)) }
            return
        }
        guard let kept = line.kept else {
            if let emitBytes, try lines.withBytes(of: i, emitBytes) { return }
            return try emit(lines.paragraph(i))
        }
        for cut in lines.cuts[line.cuts] where recordsRemovals {
            var removed = lines.paragraphs[i]
            removed.text = lines.text(of: i, in: cut.span)
            article.recordRemoval(removed, stage: name, reason: rules.rules[lines.hits[cut.hit].rule].category + " (partial)")
        }
        var rest = lines.paragraphs[i]
        rest.text = lines.text(of: i, in: kept)
        rest.isViewSimplified = false
        try emit(rest)
    }

    /// Metadata from the captures of a deciding rule's match on a line's text and matching view.
    private func record(_ match: PatternMatch, text: @autoclosure () -> String, view: @autoclosure () -> [UInt32],
                        into article: Article) {
        guard !match.captures.isEmpty else { return }  // most rules capture nothing
        MetadataExtractor.record(match, text: text(), view: view(), into: article)
    }
}
