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
    /// The matching view as scalar values with ASCII letters lowered (empty for a blank line).
    let view: [UInt32]
    let features: LineFeatures
    let hits: [RuleHit]
    let isBlank: Bool
    let isTimestamp: Bool
    var verdict: Verdict = .keep

    init(_ paragraph: Paragraph, view matching: MatchingView, rules: StripRuleSet, scratch: StripScratch) {
        self.paragraph = paragraph
        isBlank = paragraph.isBlank
        if isBlank {
            view = []
            features = LineFeatures()
            hits = []
            isTimestamp = false
            return
        }
        view = matching.folded(paragraph.text).unicodeScalars.map { ASCIIFold.lower($0.value) }
        features = LineFeatures(view)
        isTimestamp = features.isTimestamp(view)
        hits = rules.hits(in: view, length: features.length, scratch: scratch)
    }

    var isRemoved: Bool {
        if case .removed = verdict { return true }
        return false
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
}
