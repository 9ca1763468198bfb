/// One paragraph held by the stripper until the article ends: its matching view, what was counted in it, the
/// rules that match it, and the verdict the phases of `StripPlan` reach.
struct StripLine {
    enum Verdict {
        case keep
        /// Kept by a `keep` rule (a dateline): the classifier and later rules leave it alone.
        case protected(RuleHit)
        case removed(category: String, hit: RuleHit?)
        /// `span` (scalar offsets of the original text) is cut out; the rest is kept.
        case cut(span: Range<Int>, category: String, hit: RuleHit)
    }

    let paragraph: Paragraph
    /// The matching view as scalar values with ASCII letters lowered (empty for a blank line, and for a line
    /// no rule's prefilter picked when no profile is in use).
    let view: [UInt32]
    let features: LineFeatures
    let hits: [RuleHit]
    let isBlank: Bool
    let isTimestamp: Bool
    var verdict: Verdict = .keep

    /// Counts the line on the quick view; computes the exact matching view and runs patterns only when the
    /// prefilter finds a rule's literal (or when a profile needs every line's view).
    init(_ paragraph: Paragraph, context: StripContext) {
        self.paragraph = paragraph
        isBlank = paragraph.isBlank
        if isBlank {
            view = []
            features = LineFeatures()
            hits = []
            isTimestamp = false
            return
        }
        let scratch = context.scratch
        var quick = scratch.quick
        scratch.quick = []
        features = context.quickFold.fold(paragraph.text, into: &quick)
        isTimestamp = features.isTimestamp(quick)
        let candidates = context.rules.candidates(in: quick, length: features.length, scratch: scratch)
        if candidates.isEmpty && !context.needsViews {
            scratch.quick = quick
            view = []
            hits = []
            return
        }
        // Simplified input (no Han character changed) needs no conversion: its quick view is the exact one.
        if context.quickFold.changedHan {
            view = context.view.simplified(paragraph.text).unicodeScalars.map {
                ASCIIFold.lower(MatchingView.foldWidth($0).value)  // = view.folded, without building a String
            }
            scratch.quick = quick
        } else {
            view = quick  // the line keeps this buffer; the next line's quick view gets a new one
        }
        hits = context.rules.hits(of: candidates, in: view, length: features.length, scratch: scratch)
    }

    var isRemoved: Bool {
        if case .removed = verdict { return true }
        return false
    }

    /// The category of a rule or profile removal, or nil.
    var removalCategory: String? {
        if case .removed(let category, _) = verdict { return category }
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

    /// A hash of a short line's bytes (FNV-1a; String hashing normalizes to NFC, far slower), for the
    /// classifier to find lines a page repeats; 0 for blank and long lines, which it does not compare.
    var repeatKey: Int {
        guard !isBlank, features.units <= 80 else { return 0 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in paragraph.text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash | 1)
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
    let rules: StripRuleSet
    let view: MatchingView
    let quickFold: QuickFold
    let scratch = StripScratch()
    /// True when a footer profile is in use: every line then needs its exact view (the profile's key).
    let needsViews: Bool

    init(rules: StripRuleSet, view: MatchingView, needsViews: Bool) {
        self.rules = rules
        self.view = view
        quickFold = QuickFold(view: view)
        self.needsViews = needsViews
    }
}
