/// Turns the named captures of the rules that decided a line into `article.meta` entries, with the text as it
/// stood in the input (traditional stays traditional): `editor`, `reporter`, `source`, `original_title`,
/// `photo_credit`, `dateline_org`, `dateline_date` with the built-in rules, and whatever names a user's rule
/// file captures.
///
/// Captures come from every rule that decides a line: removed lines (`责任编辑：X` → editor), cut spans
/// (`（原标题：…）` → original_title) and kept datelines (`新华社北京12月9日电（记者 X）` → dateline_org,
/// dateline_date, reporter). A value is trimmed of spaces and of the brackets and colons around it; an empty
/// value or a repeat of the same key and value is not recorded again.
enum MetadataExtractor {
    /// Characters trimmed from both ends of a value.
    private static let trimmed: Set<Unicode.Scalar> = [
        " ", "\t", "\u{3000}", "\u{A0}", "：", ":", "|", "｜", "/", "【", "】", "[", "]", "（", "）", "(", ")",
        "，", ",", "。", "、",
    ]

    /// Keys an article has one value of.
    static let unique: Set<String> = ["title", "subtitle"]

    /// Records the captures of `match` on `line` (its original text and matching view).
    static func record(_ match: PatternMatch, text: String, view: [UInt32], into article: Article) {
        guard !match.captures.isEmpty else { return }
        let original = Array(text.unicodeScalars)
        for capture in match.captures {
            let scalars: [Unicode.Scalar]
            if original.count == view.count {
                scalars = Array(original[capture.range])
            } else {
                scalars = view[capture.range].compactMap(Unicode.Scalar.init)
            }
            let value = clean(scalars)
            guard !value.isEmpty else { continue }
            if article.meta.contains(where: { $0.key == capture.name && $0.value == value }) { continue }
            // An article has one headline: the first found (by `HeadlineFinder` or a rule) is kept.
            if Self.unique.contains(capture.name), article.meta.contains(where: { $0.key == capture.name }) { continue }
            article.meta.append((capture.name, value))
        }
    }

    /// The value with spaces, brackets and colons trimmed from both ends.
    static func clean(_ scalars: [Unicode.Scalar]) -> String {
        var low = 0, high = scalars.count
        while low < high, trimmed.contains(scalars[low]) { low += 1 }
        while high > low, trimmed.contains(scalars[high - 1]) { high -= 1 }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[low..<high])
        return String(result)
    }
}
