/// The syntax tree of a `LinePattern` and its parser.
///
/// The dialect is a small, predictable subset of regular expressions, enough for boilerplate lines:
/// - literals (any character; `\` escapes one of `\.^$|?*+()[]{}` or `t`), `.` (any character);
/// - classes `[…]`, `[^…]` with ranges `a-z`; shorthands `\s` white space, `\d` ASCII digit, `\h` Han
///   ideograph (and their complements `\S`, `\D`, `\H`, outside classes only);
/// - groups `(…)` (not capturing), `(?:…)`, named captures `(?<name>…)` (the name is a metadata key);
/// - alternation `|`, greedy `* + ? {m} {m,} {m,n}` and lazy `*? +? ?? {m,n}?`; anchors `^` `$`.
/// Matching is ASCII-case-insensitive (letters in patterns and text are lowered), so `icp` finds `ICP`.
indirect enum PatternNode: Equatable {
    case empty
    case scalar(UInt32)
    case any
    case set(ScalarSet)
    case lineStart
    case lineEnd
    case concat([PatternNode])
    case alternation([PatternNode])
    case group(PatternNode, capture: Int?)
    case repetition(PatternNode, min: Int, max: Int?, greedy: Bool)
}

/// A pattern that does not parse; `offset` counts characters from the pattern's start.
public struct PatternSyntaxError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public let offset: Int
    public var description: String { "\(message) at character \(offset + 1) of the pattern" }
}

/// Recursive-descent parser for the dialect above.
struct PatternParser {
    private let chars: [UInt32]
    private var index = 0
    private(set) var captureNames: [String] = []
    static let maxRepeat = 200

    /// Letters are lowered (matching is ASCII-case-insensitive), except the one after a `\`.
    init(_ source: String) {
        var result: [UInt32] = []
        var escaped = false
        for scalar in source.unicodeScalars {
            result.append(escaped ? scalar.value : ASCIIFold.lower(scalar.value))
            escaped = !escaped && scalar.value == 0x5C
        }
        chars = result
    }

    mutating func parse() throws(PatternSyntaxError) -> PatternNode {
        let node = try parseAlternation()
        if index < chars.count { throw error("unbalanced ')'") }
        return node
    }

    private func error(_ message: String) -> PatternSyntaxError {
        PatternSyntaxError(message: message, offset: index)
    }

    private var current: UInt32? { index < chars.count ? chars[index] : nil }

    private mutating func parseAlternation() throws(PatternSyntaxError) -> PatternNode {
        var branches = [try parseConcat()]
        while current == 0x7C {  // |
            index += 1
            branches.append(try parseConcat())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseConcat() throws(PatternSyntaxError) -> PatternNode {
        var items: [PatternNode] = []
        while let c = current, c != 0x7C, c != 0x29 {  // | )
            let atom = try parseAtom()
            items.append(try parseQuantifier(on: atom))
        }
        if items.isEmpty { return .empty }
        return items.count == 1 ? items[0] : .concat(items)
    }

    private mutating func parseAtom() throws(PatternSyntaxError) -> PatternNode {
        let c = chars[index]
        index += 1
        switch c {
        case 0x2E: return .any                     // .
        case 0x5E: return .lineStart               // ^
        case 0x24: return .lineEnd                 // $
        case 0x5B: return .set(try parseClass())   // [
        case 0x28: return try parseGroup()         // (
        case 0x5C: return try parseEscape()        // \
        case 0x2A, 0x2B, 0x3F: index -= 1; throw error("nothing to repeat")
        case 0x7B: index -= 1; throw error("nothing to repeat")
        default: return .scalar(c)
        }
    }

    private mutating func parseGroup() throws(PatternSyntaxError) -> PatternNode {
        var capture: Int?
        if current == 0x3F {  // ?
            index += 1
            if current == 0x3A {  // :
                index += 1
            } else if current == 0x3C {  // <
                index += 1
                capture = try parseCaptureName()
            } else {
                throw error("expected ':' or '<name>' after '(?'")
            }
        }
        let inner = try parseAlternation()
        guard current == 0x29 else { throw error("missing ')'") }
        index += 1
        return .group(inner, capture: capture)
    }

    private mutating func parseCaptureName() throws(PatternSyntaxError) -> Int {
        var name = ""
        while let c = current, c != 0x3E {  // >
            guard (0x61...0x7A).contains(c) || c == 0x5F else { throw error("capture names use a-z and _") }
            name.unicodeScalars.append(Unicode.Scalar(c)!)
            index += 1
        }
        guard current == 0x3E, !name.isEmpty else { throw error("unterminated capture name") }
        index += 1
        captureNames.append(name)
        return captureNames.count - 1
    }

    private mutating func parseEscape() throws(PatternSyntaxError) -> PatternNode {
        guard let c = current else { throw error("pattern ends with '\\'") }
        index += 1
        if let set = ScalarSet.shorthand(c) { return .set(set) }
        switch c {
        case 0x74: return .scalar(0x09)  // \t
        case 0x5C, 0x2E, 0x5E, 0x24, 0x7C, 0x3F, 0x2A, 0x2B, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x2D, 0x2F:
            return .scalar(c)
        default:
            index -= 1
            throw error("unknown escape")
        }
    }

    private mutating func parseClass() throws(PatternSyntaxError) -> ScalarSet {
        var set = ScalarSet(ranges: [], negated: false)
        if current == 0x5E { set.negated = true; index += 1 }
        var first = true
        while let c = current, c != 0x5D || first {  // ]
            first = false
            index += 1
            var low = c
            if c == 0x5C {
                guard let e = current else { throw error("unterminated class") }
                index += 1
                if let shorthand = ScalarSet.shorthand(e) {
                    guard !shorthand.negated else { throw error("negated shorthand inside a class") }
                    set.ranges += shorthand.ranges
                    continue
                }
                low = e == 0x74 ? 0x09 : e
            }
            var high = low
            if current == 0x2D, index + 1 < chars.count, chars[index + 1] != 0x5D {  // a-z
                high = chars[index + 1]
                index += 2
                guard low <= high else { throw error("reversed range in class") }
            }
            set.ranges.append(low...high)
        }
        guard current == 0x5D else { throw error("unterminated class") }
        index += 1
        return set
    }

    private mutating func parseQuantifier(on atom: PatternNode) throws(PatternSyntaxError) -> PatternNode {
        var node = atom
        while let c = current, [0x2A, 0x2B, 0x3F, 0x7B].contains(c) {
            if case .lineStart = atom { throw error("cannot repeat an anchor") }
            if case .lineEnd = atom { throw error("cannot repeat an anchor") }
            index += 1
            var (low, high): (Int, Int?) = (0, nil)
            switch c {
            case 0x2A: (low, high) = (0, nil)
            case 0x2B: (low, high) = (1, nil)
            case 0x3F: (low, high) = (0, 1)
            default: (low, high) = try parseBraces()
            }
            var greedy = true
            if current == 0x3F { greedy = false; index += 1 }
            node = .repetition(node, min: low, max: high, greedy: greedy)
        }
        return node
    }

    private mutating func parseBraces() throws(PatternSyntaxError) -> (Int, Int?) {
        let low = try parseNumber()
        var high: Int? = low
        if current == 0x2C {  // ,
            index += 1
            high = current == 0x7D ? nil : try parseNumber()
        }
        guard current == 0x7D else { throw error("missing '}'") }
        index += 1
        if let high, high < low { throw error("{m,n} with n < m") }
        if max(low, high ?? 0) > Self.maxRepeat { throw error("repeat count above \(Self.maxRepeat)") }
        return (low, high)
    }

    private mutating func parseNumber() throws(PatternSyntaxError) -> Int {
        var value = 0
        var digits = 0
        while let c = current, (0x30...0x39).contains(c), digits < 4 {
            value = value * 10 + Int(c - 0x30)
            digits += 1
            index += 1
        }
        guard digits > 0 else { throw error("expected a number") }
        return value
    }
}

/// ASCII lower-casing on scalar values: the only case folding the patterns do.
enum ASCIIFold {
    @inline(__always) static func lower(_ c: UInt32) -> UInt32 {
        (0x41...0x5A).contains(c) ? c + 0x20 : c
    }
}
