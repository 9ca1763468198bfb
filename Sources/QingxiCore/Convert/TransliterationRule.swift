/// One conversion rule: `key` (with optional contexts) becomes `replacement`.
///
/// Parsed from ICU's rule source (`[一两三]{只} > 隻;`) or from qingxi's correction files (`[一两三]{只}<TAB>隻`).
/// Contexts: `before` is a set of characters one of which must stand right before the key; `after` is either a
/// set (one character after the key must be in it) or a literal string that must follow the key.
public struct TransliterationRule: Sendable, Equatable {
    public enum AfterContext: Sendable, Equatable {
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

/// Parses the left-hand side of a rule: `[set]{KEY}post`, `{KEY}[set]`, `pre{KEY}`, or a bare `KEY`.
/// Supported: literal characters, `[...]` sets of literal characters, `\uXXXX` escapes. Anything else
/// (variables, quantifiers, anchors) is rejected with a message, so that an ICU rule set qingxi cannot reproduce
/// exactly fails loudly instead of converting differently.
enum RulePatternParser {
    static func parse(_ pattern: Substring) throws(DataFileLineError) -> (key: [UInt32], before: Set<UInt32>?, after: TransliterationRule.AfterContext) {
        let scalars = Array(pattern.unicodeScalars)
        guard let open = scalars.firstIndex(of: "{") else {
            let key = try literal(scalars[...])
            guard !key.isEmpty else { throw DataFileLineError("empty key") }
            return (key, nil, .none)
        }
        guard let close = scalars.firstIndex(of: "}"), close > open else { throw DataFileLineError("unbalanced { }") }
        let key = try literal(scalars[(open + 1)..<close])
        guard !key.isEmpty else { throw DataFileLineError("empty key") }
        let pre = scalars[..<open]
        let post = scalars[(close + 1)...]
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
    static func characterSet(_ s: ArraySlice<Unicode.Scalar>) throws(DataFileLineError) -> Set<UInt32>? {
        guard s.first == "[", s.last == "]", s.count >= 3 else { return nil }
        let inner = try literal(s.dropFirst().dropLast())
        return Set(inner)
    }

    /// Literal characters with `\uXXXX` and `\x` escapes; syntax characters are rejected.
    static func literal(_ s: ArraySlice<Unicode.Scalar>) throws(DataFileLineError) -> [UInt32] {
        var out: [UInt32] = []
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "\\" {
                let next = s.index(after: i)
                guard next < s.endIndex else { throw DataFileLineError("dangling backslash") }
                if s[next] == "u", s.distance(from: next, to: s.endIndex) >= 5,
                   let v = UInt32(String(String.UnicodeScalarView(s[(next + 1)...(next + 4)])), radix: 16) {
                    out.append(v)
                    i = next + 5
                } else {
                    out.append(s[next].value)
                    i = next + 1
                }
                continue
            }
            if "[]{}$^*+?|()=<>&'".unicodeScalars.contains(c) {
                throw DataFileLineError("unsupported rule syntax '\(c)'")
            }
            if !c.properties.isWhitespace { out.append(c.value) }
            i += 1
        }
        return out
    }
}
