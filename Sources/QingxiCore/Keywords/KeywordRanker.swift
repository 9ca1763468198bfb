#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns an article's candidate occurrences into its ranked policy terms.
///
/// 1. A phrase that is another term plus a loose prefix counts as that term (度林长制 → 林长制); occurrences of
///    the same span are merged (strongest kind, highest prior).
/// 2. Fragments go: a term all of whose occurrences lie inside occurrences of longer terms is dropped (长制 in
///    河长制, 监管巡察制度 in 《清河县河长制日常监管巡察制度》). A lexicon term or slogan inside a document title
///    still stands: 河长制 and 《清河县2023年林长制工作要点》 may both be reported.
/// 3. Score = prior (kind, suffix) × (1 + ln Σ position weights) × length factor × rarity factor, where the
///    position weight of an occurrence is higher in the title and lead, and the rarity factor comes from a
///    document-frequency table when one is given.
/// 4. Terms scoring below `minimumScore`, or below `relativeCutoff` × the best term's score, are not reported,
///    so an article naming few policies gets few terms.
public struct KeywordRanker {
    public var top: Int
    public var minimumScore: Double
    /// Terms scoring below this fraction of the article's best term are not reported either: beside a
    /// policy the article is about, a passing mention of a field (环境执法) is noise.
    public var relativeCutoff: Double
    public var documentFrequencies: DocumentFrequencyTable?

    public init(top: Int = 20, minimumScore: Double = 0.6, relativeCutoff: Double = 0.25,
                documentFrequencies: DocumentFrequencyTable? = nil) {
        self.top = top
        self.minimumScore = minimumScore
        self.relativeCutoff = relativeCutoff
        self.documentFrequencies = documentFrequencies
    }

    /// The ranked terms, best first (score, then count, then term), at most `top`.
    func rank(_ candidates: [TermCandidate]) -> [RankedTerm] {
        let occurrences = Self.withoutFragments(Self.mergedBySpan(Self.withoutLoosePrefixes(candidates)))
        // Groups in order of first occurrence; each name hashed once (hashing a `String` normalises it).
        var groupOf: [TermKey: Int] = [:]
        var groups: [[TermCandidate]] = []
        for occurrence in occurrences {
            let name = TermKey(Self.name(occurrence.alias ?? occurrence.term))
            if let index = groupOf[name] {
                groups[index].append(occurrence)
            } else {
                groupOf[name] = groups.count
                groups.append([occurrence])
            }
        }
        var ranked: [(term: RankedTerm, subject: Bool)] = []
        for variants in Self.mergedVariants(groups) {
            let group = variants.occurrences
            let kind = group.map(\.kind).min()!
            let term = variants.term ?? group.lazy.compactMap(\.alias).first ?? group.first { $0.kind == kind }!.term
            let score = self.score(term, group)
            guard score >= minimumScore, score > 0 else { continue }
            ranked.append((RankedTerm(term: term, score: (score * 10_000).rounded() / 10_000, count: group.count,
                                      kind: kind, forms: Self.forms(group)), Self.isSubject(group, kind)))
        }
        ranked.sort { a, b in
            (a.subject ? 1 : 0, a.term.score, a.term.count, b.term.term) > (b.subject ? 1 : 0, b.term.score, b.term.count, a.term.term)
        }
        // The cut is relative to the best single form, so that merging variants does not raise it.
        let best = groups.lazy.map { self.score($0[0].term, $0) }.max() ?? 0
        ranked.removeAll { $0.term.score < relativeCutoff * best }
        return Array(ranked.prefix(top).map(\.term))
    }

    /// A document the article is about ranks first: one named in the title, or one the text says it issues
    /// (现将《…》印发). A document named in the lead is not enough: a meeting report names the documents it
    /// passed there, and is about the policy in its headline (county-meeting fixture).
    static func isSubject(_ group: [TermCandidate], _ kind: TermKind) -> Bool {
        kind == .document && group.contains { $0.subject || $0.weight >= ArticleTermCollector.titleWeight }
    }

    /// A document and the same name without 《》 (《物权法》, 物权法) are one term, reported as the document.
    static func name(_ term: String) -> String {
        guard term.hasPrefix("《"), term.hasSuffix("》"), term.count > 2 else { return term }
        return String(term.dropFirst().dropLast())
    }

    func score(_ term: String, _ group: [TermCandidate]) -> Double {
        let prior = group.map(\.prior).max()!
        let weight = group.reduce(0) { $0 + $1.weight }
        let kind = group.map(\.kind).min()!
        return prior * (1 + log(max(1, weight))) * Self.lengthFactor(term, kind) * rarityFactor(term)
    }

    /// Short phrases and quotes are weaker evidence; very long phrases are usually over-extended.
    static func lengthFactor(_ term: String, _ kind: TermKind) -> Double {
        let length = term.unicodeScalars.count
        switch kind {
        case .document: return length > 50 ? 0.9 : 1
        case .phrase: return length <= 3 ? 0.9 : length <= 7 ? 1 : length <= 14 ? 1.1 : 0.95
        case .quoted: return length <= 2 ? 0.8 : 1
        case .lexicon, .slogan: return 1
        }
    }

    /// 1 for a term that is rare in the archive (or unknown, or without a table), falling to 0.2 for one in
    /// every document: 0.2 + normalised idf, capped at 1, so that the score threshold keeps its meaning.
    func rarityFactor(_ term: String) -> Double {
        guard let table = documentFrequencies, table.documents > 0 else { return 1 }
        let n = Double(table.documents)
        let idf = log((n + 1) / (Double(table.frequency(of: term)) + 1)) / log(n + 1)
        return min(1, 0.2 + idf)
    }

    /// One occurrence per (paragraph, range, term): the strongest kind and the highest prior. Spans are
    /// hashed without their terms (hashing a `String` normalises it first); the few occurrences of one span
    /// compare their terms.
    static func mergedBySpan(_ candidates: [TermCandidate]) -> [TermCandidate] {
        var bySpan: [SpanKey: [Int]] = [:]
        var merged: [TermCandidate] = []
        for c in candidates {
            let key = SpanKey(paragraph: c.paragraph, lower: c.range.lowerBound, upper: c.range.upperBound)
            if let i = bySpan[key]?.first(where: { merged[$0].term == c.term }) {
                merged[i].kind = min(merged[i].kind, c.kind)
                merged[i].prior = max(merged[i].prior, c.prior)
                merged[i].alias = merged[i].alias ?? c.alias
            } else {
                bySpan[key, default: []].append(merged.count)
                merged.append(c)
            }
        }
        return merged
    }

    /// Drops the terms all of whose occurrences are nested in longer occurrences (see the type's comment).
    static func withoutFragments(_ occurrences: [TermCandidate]) -> [TermCandidate] {
        let enclosing = enclosingOccurrences(occurrences)
        var termNumbers: [TermKey: Int] = [:]  // each term hashed once
        let numbers = occurrences.map { o in
            let key = TermKey(o.term)
            return termNumbers[key] ?? { termNumbers[key] = termNumbers.count; return termNumbers.count - 1 }()
        }
        var standsAlone = [Bool](repeating: false, count: termNumbers.count)
        for (index, o) in occurrences.enumerated() where !standsAlone[numbers[index]] {
            let covered = enclosing[index].contains { outer in outer.term != o.term && absorbs(outer, o) }
            if !covered { standsAlone[numbers[index]] = true }
        }
        return occurrences.indices.filter { index in
            let o = occurrences[index]
            return standsAlone[numbers[index]]
                && !enclosing[index].contains { $0.kind == .document && name($0.term) == o.term }
        }.map { occurrences[$0] }
    }

    /// For each occurrence, the occurrences it is nested in. Candidates are short (a title at most 80
    /// characters), so only those starting at most 80 characters before need to be looked at.
    static func enclosingOccurrences(_ occurrences: [TermCandidate]) -> [[TermCandidate]] {
        let order = occurrences.indices.sorted {
            (occurrences[$0].paragraph, occurrences[$0].range.lowerBound) < (occurrences[$1].paragraph, occurrences[$1].range.lowerBound)
        }
        var result = [[TermCandidate]](repeating: [], count: occurrences.count)
        for (position, index) in order.enumerated() {
            let o = occurrences[index]
            var j = position - 1
            while j >= 0, occurrences[order[j]].paragraph == o.paragraph,
                  occurrences[order[j]].range.lowerBound >= o.range.lowerBound - 82 {
                if o.isNested(in: occurrences[order[j]]) { result[index].append(occurrences[order[j]]) }
                j -= 1
            }
            j = position + 1
            while j < order.count, occurrences[order[j]].paragraph == o.paragraph,
                  occurrences[order[j]].range.lowerBound == o.range.lowerBound {
                if o.isNested(in: occurrences[order[j]]) { result[index].append(occurrences[order[j]]) }
                j += 1
            }
        }
        return result
    }

    /// Whether an occurrence inside `outer` is only a part of it. Named policies (lexicon terms, slogans)
    /// inside a document title are mentions in their own right, unless they are the title itself (《物权法》).
    static func absorbs(_ outer: TermCandidate, _ inner: TermCandidate) -> Bool {
        outer.kind != .document || inner.kind == .phrase || inner.kind == .quoted || name(outer.term) == inner.term
    }

    /// The distinct surface forms of a group, in order (groups are a few occurrences: compared, not hashed).
    static func forms(_ group: [TermCandidate]) -> [String] {
        var forms: [String] = []
        for occurrence in group where !forms.contains(occurrence.surface) { forms.append(occurrence.surface) }
        return forms
    }

    /// A term hashed once: hashing a `String` normalises it first (about 1,500 instructions for a short Han
    /// term), and a table keyed by strings hashes every key again on each lookup, insertion and growth.
    /// Equal terms (canonically equivalent strings) have equal hash values, so this keeps `String`'s equality.
    struct TermKey: Hashable {
        let term: String
        private let hashCode: Int

        init(_ term: String) {
            self.term = term
            hashCode = term.hashValue
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hashCode) }

        static func == (a: TermKey, b: TermKey) -> Bool { a.hashCode == b.hashCode && a.term == b.term }
    }

    private struct SpanKey: Hashable {
        var paragraph: Int, lower: Int, upper: Int
    }
}
