/// One paragraph held by the stripper until the article ends: its matching view, what was counted in it, the
/// rules that match it, and the verdict the phases of `StripPlan` reach.
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

    /// What happens to the line. Payloads are plain values (hit indices into `hits`, rule indices), so that
    /// deciding costs no reference counting; reasons become strings only when a removal is recorded.
    enum Verdict {
        case keep
        /// Kept by a `keep` rule (a dateline): the classifier and later rules leave it alone.
        case protected(hit: Int)
        case removed(Reason, hit: Int?)
        /// `span` (scalar offsets of the original text) is cut out by the rule of `hits[hit]`; the rest is kept.
        case cut(span: Range<Int>, hit: Int)
    }

    let paragraph: Paragraph
    /// The matching view as scalar values with ASCII letters lowered (empty for a blank line, and for a line
    /// no rule's prefilter picked when no profile is in use).
    let view: [UInt32]
    let features: LineFeatures
    let hits: [RuleHit]
    let isBlank: Bool
    let isTimestamp: Bool
    /// A hash of a short line's bytes, for the classifier to find lines a page repeats (see
    /// `QuickFold.repeatKey`); 0 for blank and long lines, which it does not compare.
    let repeatKey: Int
    var verdict: Verdict = .keep

    /// Counts the line on the quick view; computes the exact matching view and runs patterns only when the
    /// prefilter finds a rule's literal (or when a profile needs every line's view).
    init(_ paragraph: Paragraph, context: StripContext) {
        self.paragraph = paragraph
        let quick = context.quickFold
        let counted = quick.fold(paragraph.text)
        isBlank = quick.isBlank
        if isBlank {
            view = []
            features = LineFeatures()
            hits = []
            isTimestamp = false
            repeatKey = 0
            return
        }
        features = counted
        repeatKey = quick.repeatKey
        let scratch = context.scratch
        isTimestamp = quick.withFolded { counted.isTimestamp($0) }
        let matcher = context.matcher
        let candidates = quick.withFolded { matcher.candidates(in: $0, length: counted.length, scratch: scratch) }
        if candidates == 0 && !context.needsViews {
            view = []
            hits = []
            return
        }
        // Simplified input (no Han character changed) needs no conversion: its quick view is the exact one.
        if quick.changedHan {
            view = quick.exactView(of: paragraph.text)
        } else {
            view = quick.folded
        }
        hits = view.withUnsafeBufferPointer { matcher.hits(in: $0, candidates: candidates, scratch: scratch) }
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
        if case .protected = verdict { return true }
        return false
    }

    /// True for a kept line with enough Han characters and punctuation to anchor the body (see `StripPolicy`).
    var isSubstantial: Bool {
        !isBlank && !isRemoved && features.han >= StripPolicy.substantialHan && features.punctuation > 0
    }

    /// The matching view as a string with surrounding white space trimmed: the key of a profile line.
    var profileKey: String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: view.compactMap(Unicode.Scalar.init))
        return FooterProfile.normalize(String(scalars))
    }
}

/// Thresholds of the strip stage, in one place.
public enum StripPolicy {
    /// Han characters (with punctuation) that make a kept paragraph part of the body for `head`/`tail` rules.
    public static let substantialHan = 20
    /// A `block` rule fires only when at most this many Han characters of kept text follow its line.
    public static let tailBlockLimit = 1200
    /// Categories whose lines close an article body (the page classifier extends the body up to them).
    public static let closingCategories: Set<String> = ["editor", "source"]
    /// Categories whose lines are page furniture (the body is not extended across them).
    public static let furnitureCategories: Set<String> = [
        "navigation", "prompt", "comment-widget", "footer", "copyright", "disclaimer", "profile",
    ]
    /// How far (lines) after the body run an editor or source line may stand to close it.
    public static let closingReach = 80
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
