/// How a policy term was found; when one term is found several ways, the strongest kind (first listed) is kept.
public enum TermKind: String, Sendable, CaseIterable, Comparable {
    /// A document title in 《》 (law, regulation, plan, notice): `《清河县2023年林长制工作要点》`.
    case document
    /// A numbered slogan: 三大攻坚战, 四个全面, “五位一体”.
    case slogan
    /// A term of the lexicon: 乡村振兴, 放管服.
    case lexicon
    /// A phrase ending in a policy suffix: 取用水总量控制指标体系, 生态环境损害责任终身追究制.
    case phrase
    /// A short term in quotation marks: “放管服”.
    case quoted

    public static func < (lhs: TermKind, rhs: TermKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One occurrence of a candidate policy term in a paragraph.
struct TermCandidate: Equatable {
    /// The term in the matching view (simplified); documents keep their 《》.
    var term: String
    var kind: TermKind
    /// How much a term of this shape is worth before evidence from the article, 0…1.
    var prior: Double
    /// The paragraph's index in the article (0-based, as the extractor counts them).
    var paragraph: Int
    /// The scalar range of the occurrence in the paragraph's view.
    var range: Range<Int>
    /// The text as it stands in the original paragraph (traditional input keeps its script here).
    var surface: String
    /// How much this occurrence counts for its position (title and lead count more than the body); set by
    /// the extractor.
    var weight: Double = 1
    /// True for a document the text says it is about (现将《…》印发给你们): it ranks first (`KeywordRanker`).
    var subject = false
    /// For an abbreviation the article defined (以下简称…): the full term it stands for, whose group it joins
    /// and under which the group is reported.
    var alias: String? = nil

    /// True when this occurrence lies inside `other`'s (same paragraph, range contained, not identical).
    func isNested(in other: TermCandidate) -> Bool {
        paragraph == other.paragraph && other.range.lowerBound <= range.lowerBound
            && range.upperBound <= other.range.upperBound && other.range != range
    }
}
