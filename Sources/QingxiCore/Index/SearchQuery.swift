/// A search as the index understands it. The query text is split at white space into parts; each part is cut
/// into tokens by the index's own tokenizer (simplified, policy terms whole), so 河長制 becomes the one token
/// 河长制 and matches the articles that have it, in either script, as a whole term and not as 河, 长, 制.
/// Each part must match as a phrase (its tokens adjacent, in order) in the title, the text or the subwords;
/// every part must match (AND). A part whose tokens include a long term also matches as the phrase of that
/// term's plain words (`words`): a query 振兴战略 is one suffix-phrase token, which exists in the index only
/// where an article wrote exactly that phrase, but its words 振兴 战略 are adjacent in the subwords of an
/// article's 乡村振兴战略. Adjacency keeps a term from matching scattered characters either way. The user's text
/// never reaches FTS5's query syntax: tokens are quoted.
public struct SearchQuery: Sendable, Equatable {
    /// Tokens per part, parts without tokens dropped.
    public let parts: [[String]]
    /// Per part: its tokens with the long ones cut into words, or nil when that changes nothing.
    public let plainParts: [[String]?]

    /// Throws a usage error when the query has nothing to search for (empty, or punctuation only). `words`
    /// cuts one token into plain words (ICU), or returns it alone.
    public init(_ text: String, tokenize: (String) throws -> [String], words: (String) throws -> [String] = { [$0] }) throws {
        var parts: [[String]] = []
        var plainParts: [[String]?] = []
        for piece in text.split(whereSeparator: { $0.isWhitespace }) {
            let tokens = try tokenize(String(piece))
            guard !tokens.isEmpty else { continue }
            parts.append(tokens)
            let plain = try tokens.flatMap(words)
            plainParts.append(plain == tokens ? nil : plain)
        }
        guard !parts.isEmpty else {
            throw QingxiError.usage(text.allSatisfy(\.isWhitespace) ? "the query is empty"
                                    : "the query '\(text)' has no words to search for (only punctuation or symbols)")
        }
        self.parts = parts
        self.plainParts = plainParts
    }

    /// The FTS5 MATCH expression: per part its phrase, or its phrase OR its plain-word phrase; parts ANDed.
    public var ftsExpression: String {
        zip(parts, plainParts).map { part, plain in
            plain.map { "(\(Self.phrase(part)) OR \(Self.phrase($0)))" } ?? Self.phrase(part)
        }.joined(separator: " AND ")
    }

    private static func phrase(_ tokens: [String]) -> String {
        "\"" + tokens.joined(separator: " ").flatMap { $0 == "\"" ? "\"\"" : String($0) } + "\""
    }

    /// What to highlight, one group per part: the part's tokens joined (the phrase as it stands in the
    /// simplified text) and, for a text where punctuation breaks the phrase, its tokens on their own.
    public var highlightGroups: [(phrase: String, tokens: [String])] {
        parts.map { ($0.joined(), $0.count > 1 ? $0 : []) }
    }
}
