/// Cuts the passage of an article that best shows why it matched, from the article's own text (not from the
/// index's tokens, which are simplified and space-separated), and marks the matches in it.
///
/// Matching runs on the text's matching view (simplified, width folded, ASCII case ignored), which lines up
/// character for character with the original (`ViewText`), so a 河長制 in a traditional article is found by
/// the query's 河长制 and marked where it stands, in its own script. For each query part the phrase is
/// marked; where the phrase never occurs as such (punctuation between its words), its tokens are. The window
/// holds the most distinct parts, starting a little before its first match (at a paragraph start when one is
/// near); `…` shows a cut. Line breaks become spaces.
public struct SnippetBuilder {
    public var width: Int
    public var open: String
    public var close: String
    private let view: MatchingView

    public init(view: MatchingView, width: Int = 100, open: String = "**", close: String = "**") {
        self.view = view
        self.width = max(10, width)
        self.open = open
        self.close = close
    }

    /// A window of about `width` characters of `text` around the matches of `query`, matches marked.
    public func snippet(of text: String, query: SearchQuery) -> String {
        let viewText = ViewText(text, view: view)
        let hits = matches(in: viewText, query: query)
        let window = self.window(viewText, hits)
        var out = window.lowerBound > 0 ? "…" : ""
        out += marked(viewText, hits, in: window)
        if window.upperBound < viewText.count { out += "…" }
        return out
    }

    /// The whole of `text` (a title) with the matches marked.
    public func highlight(_ text: String, query: SearchQuery) -> String {
        let viewText = ViewText(text, view: view)
        return marked(viewText, matches(in: viewText, query: query), in: 0..<viewText.count)
    }

    /// Non-overlapping match ranges, in order, each with the index of the query part it belongs to.
    func matches(in text: ViewText, query: SearchQuery) -> [(range: Range<Int>, part: Int)] {
        let haystack = text.scalars.map(Self.lowered)
        var found: [(range: Range<Int>, part: Int)] = []
        for (part, group) in query.highlightGroups.enumerated() {
            let phrase = Self.occurrences(of: group.phrase, in: haystack)
            let ranges = phrase.isEmpty ? group.tokens.flatMap { Self.occurrences(of: $0, in: haystack) } : phrase
            found += ranges.map { ($0, part) }
        }
        found.sort { ($0.range.lowerBound, $1.range.count) < ($1.range.lowerBound, $0.range.count) }
        var kept: [(range: Range<Int>, part: Int)] = []
        for hit in found where kept.last.map({ $0.range.upperBound <= hit.range.lowerBound }) ?? true { kept.append(hit) }
        return kept
    }

    private static func occurrences(of needle: String, in haystack: [UInt32]) -> [Range<Int>] {
        let pattern = needle.unicodeScalars.map { lowered($0.value) }
        guard let first = pattern.first, pattern.count <= haystack.count else { return [] }
        var result: [Range<Int>] = []
        var i = 0
        while i + pattern.count <= haystack.count {
            if haystack[i] == first && haystack[i..<(i + pattern.count)].elementsEqual(pattern) {
                result.append(i..<(i + pattern.count))
                i += pattern.count
            } else {
                i += 1
            }
        }
        return result
    }

    private static func lowered(_ value: UInt32) -> UInt32 {
        (0x41...0x5A).contains(value) ? value + 32 : value
    }

    /// The window with the most distinct query parts (then the most matches), earliest on ties.
    private func window(_ text: ViewText, _ hits: [(range: Range<Int>, part: Int)]) -> Range<Int> {
        guard !hits.isEmpty else { return 0..<min(width, text.count) }
        var best = (parts: 0, count: 0, start: hits[0].range.lowerBound)
        for (i, hit) in hits.enumerated() {
            let inside = hits[i...].prefix { $0.range.upperBound <= hit.range.lowerBound + width * 4 / 5 }
            let parts = Set(inside.map(\.part)).count
            if (parts, inside.count) > (best.parts, best.count) { best = (parts, inside.count, hit.range.lowerBound) }
        }
        var start = max(0, best.start - width / 5)
        let newline = UInt32(0x0A)
        if let paragraphStart = text.scalars[start..<best.start].lastIndex(of: newline) { start = paragraphStart + 1 }
        let end = min(text.count, start + width)
        return max(0, min(start, end - width))..<end
    }

    private func marked(_ text: ViewText, _ hits: [(range: Range<Int>, part: Int)], in window: Range<Int>) -> String {
        var out = ""
        var position = window.lowerBound
        for hit in hits where hit.range.lowerBound >= window.lowerBound && hit.range.upperBound <= window.upperBound {
            out += text.surface(position..<hit.range.lowerBound)
            out += open + text.surface(hit.range) + close
            position = hit.range.upperBound
        }
        out += text.surface(position..<window.upperBound)
        return String(out.map { $0 == "\n" ? " " : $0 })
    }
}
