/// Abbreviations an article defines for a term it names: 河北雄安高新技术产业开发区（以下简称雄安高新区）,
/// 《长江三角洲区域一体化发展规划纲要》（以下简称《纲要》）, 自由贸易试验区（简称“自贸区”）. The abbreviation is
/// one more form of the term: its occurrences carry `alias` (the full term's name), and the ranker counts them
/// in the full term's group (`KeywordRanker`); `ArticleTermCollector` finds its later mentions.
extension TermCandidateFinder {
    private static let markers: [[UInt32]] = ["以下简称", "以下称", "下称", "简称"].map { $0.unicodeScalars.map(\.value) }
    private static let call: UInt32 = 0x79F0 // 称
    /// Only a bracket ties the abbreviation to the term right before it: after a comma (X，隶属Y，简称Z) it
    /// names the subject of the sentence, which may be far back.
    private static let openers: Set<UInt32> = Set("（(".unicodeScalars.map(\.value))
    private static let quoteOpeners: Set<UInt32> = Set("“「《\"".unicodeScalars.map(\.value))
    private static let enders: Set<UInt32> = Set("”」》\"）)，,、。；;：".unicodeScalars.map(\.value))
    private static let linkers: Set<UInt32> = Set("为：:".unicodeScalars.map(\.value))

    /// The abbreviations defined in `text` for the candidates found there: after a candidate, an opening
    /// bracket, a marker (以下简称, 简称 …) and 2–12 characters (not always shorter than the
    /// candidate, which may be the end of a longer name: 中国（海南）自由贸易试验区（以下简称海南自贸试验区）).
    func abbreviations(in text: ViewText, paragraph: Int, found: [TermCandidate]) -> [TermCandidate] {
        let s = text.scalars
        var result: [TermCandidate] = []
        var next = 0
        // Every marker ends in 称: find it first (a plain scan), then look back for the marker and the bracket.
        while let at = s[next...].firstIndex(of: Self.call) {
            next = at + 1
            guard let marker = Self.markers.first(where: { at + 1 >= $0.count && s[(at + 1 - $0.count)...at].elementsEqual($0) }),
                  case let i = at + 1 - marker.count - 1, i >= 0, Self.openers.contains(s[i]),
                  let full = found.filter({ $0.range.upperBound == i && $0.alias == nil })
                    .min(by: { $0.range.lowerBound < $1.range.lowerBound }),
                  let range = abbreviation(in: s, from: at + 1) else { continue }
            let term = text.string(range)
            var candidate = TermCandidate(term: term, kind: full.kind, prior: full.prior, paragraph: paragraph,
                                          range: range, surface: text.surface(range, sameAs: term))
            let before = full.range.lowerBound > 0 ? s[full.range.lowerBound - 1] : 0
            if full.kind != .document, before == 0xFF09 || before == 0x29 || range.count >= full.range.count {
                // The candidate is the end of a longer name (中国（海南）|自由贸易试验区): the abbreviation, no
                // shorter than it, names the thing better, and the candidate joins it.
                candidate.alias = term
                var tail = full
                tail.alias = term
                result.append(tail)
            } else {
                candidate.alias = full.term
            }
            result.append(candidate)
        }
        return result
    }

    /// The abbreviation's range after a marker: 为/： skipped, then an optional quote or 《, then 2–12 Han
    /// characters or ASCII letters and digits up to a closing mark.
    private func abbreviation(in s: [UInt32], from start: Int) -> Range<Int>? {
        var j = start
        if j < s.count, Self.linkers.contains(s[j]) { j += 1 }
        if j < s.count, Self.quoteOpeners.contains(s[j]) { j += 1 }
        let first = j
        while j < s.count, j - first <= 12, ScalarClass.isHan(s[j]) || ScalarClass.isASCIIAlphanumeric(s[j]) { j += 1 }
        guard j < s.count, Self.enders.contains(s[j]), (2...12).contains(j - first) else { return nil }
        return first..<j
    }
}
