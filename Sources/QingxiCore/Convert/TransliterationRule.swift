/// One conversion rule: `key` (with optional contexts) becomes `replacement`.
///
/// Parsed from ICU's rule source (`[一两三]{只} > 隻;`) or from qingxi's correction files (`[一两三]{只}<TAB>隻`).
/// Contexts: `before` is a set of characters one of which must stand right before the key; `after` is either a
/// set (one character after the key must be in it) or a literal string that must follow the key.
public struct TransliterationRule: Sendable, Equatable {
    public enum AfterContext: Sendable, Hashable {
        case none
        case set(Set<UInt32>)
        case literal([UInt32])
    }

    public var key: [UInt32]
    public var replacement: [UInt32]
    public var before: Set<UInt32>?
    public var after: AfterContext

    public init(key: [UInt32], replacement: [UInt32], before: Set<UInt32>? = nil, after: AfterContext = .none) {
        self.key = key
        self.replacement = replacement
        self.before = before
        self.after = after
    }

    public var hasContext: Bool { before != nil || after != .none }

    /// What makes two rules the same rule for a correction to replace: key and contexts (not the replacement).
    struct Identity: Hashable {
        let key: [UInt32]
        let before: Set<UInt32>?
        let after: AfterContext
    }

    var identity: Identity { Identity(key: key, before: before, after: after) }

    /// Whether the after-context holds at `index` (the first scalar after the key) of `text`.
    @inline(__always)
    func afterContextHolds(_ text: UnsafeBufferPointer<UInt32>, at index: Int) -> Bool {
        switch after {
        case .none: return true
        case .set(let set): return index < text.count && set.contains(text[index])
        case .literal(let literal):
            guard index + literal.count <= text.count else { return false }
            for (offset, scalar) in literal.enumerated() where text[index + offset] != scalar { return false }
            return true
        }
    }
}

/// Parses rule text given as scalars: the left-hand side `[set]{KEY}post`, `{KEY}[set]`, `pre{KEY}` or a bare
/// `KEY`, and literal right-hand sides. Supported: literal characters, `[...]` sets of literal characters,
/// `\uXXXX` escapes; white space (ICU's Pattern_White_Space) is ignored. Anything else (variables,
/// quantifiers, anchors, ranges) is rejected with a message, so that a rule set qingxi cannot reproduce exactly
/// fails loudly instead of converting differently. Works on scalar arrays: start-up cost matters (≤ 30 ms).
enum RulePatternParser {
    typealias Scalars = ArraySlice<UInt32>

    static func parse(_ pattern: Scalars) throws(DataFileLineError) -> (key: [UInt32], before: Set<UInt32>?, after: TransliterationRule.AfterContext) {
        guard let open = pattern.firstIndex(of: 0x7B) else {  // {
            let key = try literal(pattern)
            guard !key.isEmpty else { throw DataFileLineError("empty key") }
            return (key, nil, .none)
        }
        guard let close = pattern.firstIndex(of: 0x7D), close > open else { throw DataFileLineError("unbalanced { }") }
        let key = try literal(pattern[(open + 1)..<close])
        guard !key.isEmpty else { throw DataFileLineError("empty key") }
        let pre = trimmed(pattern[..<open])
        let post = trimmed(pattern[(close + 1)...])
        var before: Set<UInt32>?
        if !pre.isEmpty {
            guard let set = try characterSet(pre) else {
                throw DataFileLineError("a before-context must be one [set] of characters")
            }
            before = set
        }
        var after = TransliterationRule.AfterContext.none
        if !post.isEmpty {
            if let set = try characterSet(post) { after = .set(set) } else { after = .literal(try literal(post)) }
        }
        return (key, before, after)
    }

    /// `[abc]` → its characters; nil when the text is not a bracketed set.
    static func characterSet(_ s: Scalars) throws(DataFileLineError) -> Set<UInt32>? {
        guard s.first == 0x5B, s.last == 0x5D, s.count >= 3 else { return nil }
        return Set(try literal(s.dropFirst().dropLast()))
    }

    /// Literal characters with `\uXXXX` and `\x` escapes; syntax characters are rejected.
    static func literal(_ s: Scalars) throws(DataFileLineError) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(s.count)
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == 0x5C {  // backslash
                guard i + 1 < s.endIndex else { throw DataFileLineError("dangling backslash") }
                if s[i + 1] == 0x75, i + 5 < s.endIndex, let v = hex(s[(i + 2)...(i + 5)]) {
                    out.append(v)
                    i += 6
                } else {
                    out.append(s[i + 1])
                    i += 2
                }
                continue
            }
            if c < 0x80, syntax.contains(UInt8(c)) {
                throw DataFileLineError("unsupported rule syntax '\(Character(Unicode.Scalar(c)!))'")
            }
            if !isPatternWhiteSpace(c) { out.append(c) }
            i += 1
        }
        return out
    }

    private static let syntax: [UInt8] = Array("[]{}$^*+?|()=<>&'-:;".utf8)

    static func isPatternWhiteSpace(_ c: UInt32) -> Bool {
        (0x09...0x0D).contains(c) || c == 0x20 || c == 0x85 || c == 0x200E || c == 0x200F || c == 0x2028 || c == 0x2029
    }

    static func trimmed(_ s: Scalars) -> Scalars {
        var s = s
        while let c = s.first, isPatternWhiteSpace(c) { s = s.dropFirst() }
        while let c = s.last, isPatternWhiteSpace(c) { s = s.dropLast() }
        return s
    }

    private static func hex(_ s: Scalars) -> UInt32? {
        var v: UInt32 = 0
        for c in s {
            guard let d = Unicode.Scalar(c).flatMap({ Character($0).hexDigitValue }) else { return nil }
            v = v << 4 | UInt32(d)
        }
        return v
    }
}
