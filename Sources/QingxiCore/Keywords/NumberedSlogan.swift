/// The shape of a numbered slogan: a Chinese numeral, then a measure word, or numerals taking turns with
/// other characters, in at most eight Han characters — 三大攻坚战, 四个全面, 五位一体, 两学一做, 一带一路, 八项规定.
/// Dates (五四, 七一改革) open with two numerals and do not count, nor does 一对一; two-character names (三农, 双碳) count only when the
/// lexicon lists them.
enum NumberedSlogan {
    static func matches(_ scalars: some Collection<UInt32>) -> Bool {
        let c = Array(scalars)
        guard (3...8).contains(c.count), ScalarClass.isChineseNumeral(c[0]), c.allSatisfy(ScalarClass.isHan),
              !c.allSatisfy(ScalarClass.isChineseNumeral) else {
            return false
        }
        if ScalarClass.isChineseNumeral(c[1]) { return false }
        return PolicyVocabulary.sloganMeasures.contains(c[1]) || alternates(c)
    }

    /// 一带一路, 两学一做, 三去一降一补: numerals and other characters take turns, a numeral first, in pairs
    /// (一定要去一次 does not).
    private static func alternates(_ c: [UInt32]) -> Bool {
        c.count >= 4 && c.count % 2 == 0
            && c.indices.allSatisfy { ScalarClass.isChineseNumeral(c[$0]) == ($0 % 2 == 0) }
    }
}
