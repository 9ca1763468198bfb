extension KeywordRanker {
    /// A group of occurrences reported as one term; `term` is set when the group merged variants and the
    /// reported form was chosen among them.
    struct VariantGroup {
        var occurrences: [TermCandidate]
        var term: String?
    }

    /// Words that a term may carry at its end and still name the same policy in one article (退耕还林 and
    /// 退耕还林工程, 二套房贷 and 二套房贷政策, 乡村振兴 and 乡村振兴战略): they say what kind of thing the policy
    /// is, not which one.
    static let variantTails = EdgeWordSet(["政策", "建设", "工程", "工作", "制度", "机制", "体系", "行动", "改革",
                                          "试点", "战略", "计划", "新政", "措施"], at: .end)
    /// Tails that say what is being done with the policy rather than what kind of policy it is: the variant
    /// with such a tail is reported under the shorter name (医联体建设 → 医联体, 留置措施 → 留置), the others under
    /// the full name (退耕还林工程, 二套房贷政策, 环评制度).
    static let activityTails = EdgeWordSet(["建设", "工作", "行动", "措施"], at: .end)
    /// Openings that a law's full name carries (中华人民共和国监察法 and 监察法).
    static let variantHeads = EdgeWordSet(["中华人民共和国", "中国"], at: .start)

    /// Merges the groups (by name, in order of first occurrence) whose names are variants of one another: a
    /// name and the same name with a tail from `variantTails`, or a law's name with and without its country.
    /// The merged group is reported under one form (see `activityTails`); it keeps every surface form (in
    /// order of appearance) and every mention (a short form inside a long one is one mention), so it ranks by
    /// the whole group.
    static func mergedVariants(_ groups: [[TermCandidate]]) -> [VariantGroup] {
        var result = groups.map { VariantGroup(occurrences: $0, term: nil) }
        guard groups.count > 1 else { return result }
        var indexOf: [TermKey: Int] = [:]
        let names = groups.map { name($0[0].term) }
        for (index, name) in names.enumerated() { indexOf[TermKey(name)] = index }
        var mergedInto = Array(groups.indices)
        for (index, name) in names.enumerated() {
            guard let shorter = variantStem(of: name).flatMap({ indexOf[TermKey($0)] }), shorter != index,
                  mergedInto[shorter] == shorter, mergedInto[index] == index else { continue }
            let long = groups[index], short = groups[shorter]
            // A short occurrence inside a long one is the same mention, counted once.
            let alone = short.filter { o in !long.contains { o.isNested(in: $0) } }
            result[index].occurrences = (long + alone).sorted { ($0.paragraph, $0.range.lowerBound) < ($1.paragraph, $1.range.lowerBound) }
            let strongest = { (g: [TermCandidate]) in g.first { $0.kind == g.map(\.kind).min()! }!.term }
            result[index].term = activityTails.matches(name.unicodeScalars.map(\.value)) ? strongest(short) : strongest(long)
            result[shorter].occurrences = []
            mergedInto[shorter] = index
        }
        return result.filter { !$0.occurrences.isEmpty }
    }

    /// The shorter variant `name` would merge with: without its tail, or without its country.
    private static func variantStem(of name: String) -> String? {
        let scalars = name.unicodeScalars.map(\.value)
        guard scalars.count >= 4 else { return nil }
        if variantTails.matches(scalars) { return ViewText.string(scalars[..<(scalars.count - 2)]) } // tails: 2 characters
        if variantHeads.matches(scalars) {
            let head = scalars.starts(with: "中华人民共和国".unicodeScalars.map(\.value)) ? 7 : 2
            if scalars.count - head >= 2 { return ViewText.string(scalars[head...]) }
        }
        return nil
    }
}
