/// What the stripper knows about one line of an article, and the verdict the phases of `StripPlan` reach:
/// plain values only (the line's text, hits and matching view are held column-wise by `ArticleLines`), so
/// that deciding and copying lines costs no reference counting.
@dynamicMemberLookup
struct StripLine {
    /// Why a line was removed.
    enum Reason: Equatable {
        /// By the rule with this index (its category is the reason recorded).
        case rule(Int)
        /// By the footer profile.
        case profile
        /// By the page classifier.
        case pageChrome
    }

    /// What happens to the line. Payloads are plain values (indices into `ArticleLines.hits`, rule indices);
    /// reasons become strings only when a removal is recorded.
    enum Verdict {
        case keep
        /// Kept by a `keep` rule (a dateline): the classifier and later rules leave it alone.
        case protected(hit: Int)
        /// The article's headline (or, with `subtitle`, its deck), found by `HeadlineFinder`: kept, protected
        /// like a dateline, and recorded as `title` / `subtitle` metadata.
        case headline(subtitle: Bool)
        case removed(Reason, hit: Int?)
    }

    /// What the line shows by itself (its counts and shape), read by the rules' limits and the classifier.
    var shape = LineShape()
    /// The line's rule hits: `ArticleLines.hits[hits]`, in rule order.
    var hits: Range<Int> = 0..<0
    /// Where the line's matching view is in `ArticleLines.views`; -1 when it has none (a blank line, and a
    /// line no rule's prefilter picked when no profile is in use).
    var view = -1
    /// When `cut` rules took spans off the line: the scalars of the original text left (the features, hits
    /// and view above describe this rest alone), and the cuts, `ArticleLines.cuts[cuts]`. A kept line with
    /// cuts is emitted as its rest; a removed one goes whole.
    var kept: Range<Int>?
    var cuts: Range<Int> = 0..<0
    var verdict: Verdict = .keep

    subscript<T>(dynamicMember path: WritableKeyPath<LineShape, T>) -> T {
        get { shape[keyPath: path] }
        set { shape[keyPath: path] = newValue }
    }

    var isRemoved: Bool {
        if case .removed = verdict { return true }
        return false
    }

    /// Why the line was removed whole, or nil.
    var removalReason: Reason? {
        if case .removed(let reason, _) = verdict { return reason }
        return nil
    }

    var isProtected: Bool {
        switch verdict {
        case .protected, .headline: return true
        default: return false
        }
    }

    /// True for a kept line with enough Han characters and punctuation to anchor the body (see `StripPolicy`).
    var isSubstantial: Bool {
        !shape.isBlank && !isRemoved && shape.features.han >= StripPolicy.substantialHan && shape.features.punctuation > 0
    }
}

/// What one line shows by itself, counted once when it is read (`ArticleLines.describe`): what the rules' limits,
/// the page classifier and the headline finder read of it.
struct LineShape {
    var features = LineFeatures()
    var isBlank = true
    /// A bare time (2023-05-08 10:30) or a short line giving a date and a time (`LineFeatures.isDateLine`).
    var isTimestamp = false
    /// The last character other than white space is a sentence end (。！？… or a closing quote after one).
    var endsSentence = false
    /// It ends a statement or leads in (。…；：), not a question or an exclamation (！？).
    var endsStatement = false
    /// Starts with a short label and a bar (课程 | 标题): a section's teaser link.
    var labelPrefix = false
    /// Starts with a list marker (1. （一） 第一条 ① 一、…): an item of a list in the body.
    var startsItem = false
    /// Words separated by white space, counted for lines of at most `LineFeatures.menuUnits` units (menus,
    /// table rows), else 0.
    var tokens = 0
    /// A hash of a short line's bytes, for the classifier to find lines a page repeats (see
    /// `QuickFold.repeatKey`); 0 for blank and long lines, which it does not compare.
    var repeatKey = 0
}

/// Thresholds of the strip stage, in one place.
public enum StripPolicy {
    /// Han characters (with punctuation) that make a kept paragraph part of the body for `head`/`tail` rules.
    public static let substantialHan = 20
    /// A `block` rule fires only when at most this many Han characters of kept text follow its line.
    public static let tailBlockLimit = 1200
    /// Categories whose lines are page furniture: chrome evidence for the page classifier.
    public static let furnitureCategories: Set<String> = [
        "navigation", "prompt", "comment-widget", "footer", "copyright", "disclaimer", "profile", "ad", "notice",
    ]
    /// Prose lines in a row that make a body: a `thread` rule's heading counts only after one, and its thread
    /// ends before the next.
    public static let bodyRunLines = 3
    /// Categories of rules whose lines stand between a headline and the body (`HeadlineFinder`), and which the
    /// page classifier reads as no evidence either way.
    public static let metadataCategories: Set<String> = [
        "time", "byline", "source", "editor", "dateline", "empty-field", "doc-meta",
    ]
}

/// What every `StripLine` of a stripper shares: the rules, the views and reusable working memory.
final class StripContext {
    let matcher: RuleMatcher
    let view: MatchingView
    let quickFold: QuickFold
    let scratch: StripScratch
    /// True when a footer profile is in use: every line then needs its exact view (the profile's key).
    let needsViews: Bool

    init(rules: StripRuleSet, view: MatchingView, needsViews: Bool) {
        matcher = rules.matcher
        scratch = StripScratch(rules: rules.rules.count)
        self.view = view
        quickFold = QuickFold(view: view)
        self.needsViews = needsViews
    }
}
