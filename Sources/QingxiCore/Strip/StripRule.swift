/// One line of a strip rule file: which lines are boilerplate, where they may stand, and what to do with them.
///
/// Rule file format (UTF-8, one rule per line, `#` comments and blank lines ignored), five tab-separated fields:
///
///     category  action  position  max  pattern
///
/// - `category`: the reason recorded for what the rule removes (`editor`, `caption`, …; `a-z`, `0-9`, `-`).
/// - `action`:
///   - `drop`: remove the whole line;
///   - `cut`: the match must be a prefix or a suffix of the line; when the rest is longer than `max` and holds
///     text, cut the span and keep the rest (recorded as `category (partial)`), otherwise drop the line;
///   - `block`: remove the line and every line after it, when at most `StripPolicy.tailBlockLimit` Han
///     characters of kept text follow (a disclaimer heading near the end);
///   - `keep`: keep the line, only take its captures as metadata (datelines);
///   - `thread`: remove the line, and when it stands after the body has begun (`StripPolicy.bodyRunLines`
///     prose lines in a row), the comment thread it heads: every line after it up to the next such run of
///     prose, or the end.
/// - `position`: `any`; `head` (before the first substantial body paragraph), `tail` (after the last one) or
///   `edge` (either). A substantial paragraph is one the page classifier keeps with at least
///   `StripPolicy.substantialHan` Han characters and sentence punctuation.
/// - `max`: the longest line (non-space characters) the rule applies to, or `*` for any length; for `cut`,
///   the longest line that is dropped whole.
/// - `pattern`: a `LinePattern` matched against the line's matching view (simplified script, full-width ASCII
///   folded, ASCII lowered). Named captures `(?<key>…)` become metadata under `key`, with the original text.
public struct StripRule: Sendable {
    public enum Action: String, Sendable, CaseIterable {
        case drop, cut, block, keep, thread
    }

    public enum Position: String, Sendable, CaseIterable {
        case any, head, tail, edge
    }

    public let category: String
    public let action: Action
    public let position: Position
    /// Longest line (non-space characters) the rule applies to; nil for no limit.
    public let maxLength: Int?
    public let pattern: LinePattern
    /// `file:line` of the rule, for reports.
    public let origin: String

    public init(category: String, action: Action, position: Position, maxLength: Int?, pattern: LinePattern,
                origin: String) {
        self.category = category
        self.action = action
        self.position = position
        self.maxLength = maxLength
        self.pattern = pattern
        self.origin = origin
    }

    /// Parses one rule line; errors are `DataFileLineError`s, which `DataFile` turns into `file:line` errors.
    public static func parse(_ line: Substring, origin: String) throws(DataFileLineError) -> StripRule {
        let fields = line.split(separator: "\t", maxSplits: 4, omittingEmptySubsequences: false)
        guard fields.count == 5 else {
            throw DataFileLineError("expected 5 tab-separated fields (category action position max pattern), "
                + "found \(fields.count)")
        }
        let category = String(fields[0])
        guard !category.isEmpty, category.utf8.allSatisfy(isCategoryByte) else {
            throw DataFileLineError("bad category '\(category)': use a-z, 0-9 and '-'")
        }
        guard let action = Action(rawValue: String(fields[1])) else {
            throw DataFileLineError("bad action '\(fields[1])': use drop, cut, block, keep or thread")
        }
        guard let position = Position(rawValue: String(fields[2])) else {
            throw DataFileLineError("bad position '\(fields[2])': use any, head, tail or edge")
        }
        let maxLength = try parseMaximum(fields[3])
        let pattern: LinePattern
        do {
            pattern = try LinePattern(String(fields[4]))
        } catch {
            throw DataFileLineError("bad pattern: \(error)")
        }
        if pattern.source.isEmpty { throw DataFileLineError("empty pattern") }
        return StripRule(category: category, action: action, position: position, maxLength: maxLength,
                         pattern: pattern, origin: origin)
    }

    private static func parseMaximum(_ field: Substring) throws(DataFileLineError) -> Int? {
        if field == "*" { return nil }
        guard let value = Int(field), value > 0 else {
            throw DataFileLineError("bad max '\(field)': a positive number or *")
        }
        return value
    }

    private static func isCategoryByte(_ b: UInt8) -> Bool {
        (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) || b == 0x2D
    }

    /// True when a line of `length` non-space characters is within this rule's limit.
    func admits(length: Int) -> Bool {
        action == .cut || maxLength.map { length <= $0 } ?? true
    }
}
