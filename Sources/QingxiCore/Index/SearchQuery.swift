/// A search as the index understands it. The query text is split at white space into parts; each part is cut
/// into tokens by the index's own tokenizer (simplified, policy terms whole), so 河長制 becomes the one token
/// 河长制 and matches the articles that have it, in either script, as a whole term and not as 河, 长, 制.
/// Each part must match as a phrase (its tokens adjacent, in order) in the title, the text or the subwords;
/// every part must match (AND). The user's text never reaches FTS5's query syntax: tokens are quoted.
public struct SearchQuery: Sendable, Equatable {
    /// Tokens per part, parts without tokens dropped.
    public let parts: [[String]]

    /// Throws a usage error when the query has nothing to search for (empty, or punctuation only).
    public init(_ text: String, tokenize: (String) throws -> [String]) throws {
        var parts: [[String]] = []
        for piece in text.split(whereSeparator: { $0.isWhitespace }) {
            let tokens = try tokenize(String(piece))
            if !tokens.isEmpty { parts.append(tokens) }
        }
        guard !parts.isEmpty else {
            throw QingxiError.usage(text.allSatisfy(\.isWhitespace) ? "the query is empty"
                                    : "the query '\(text)' has no words to search for (only punctuation or symbols)")
        }
        self.parts = parts
    }

    /// The FTS5 MATCH expression: one quoted phrase per part, implicitly ANDed.
    public var ftsExpression: String {
        parts.map { part in
            "\"" + part.joined(separator: " ").flatMap { $0 == "\"" ? "\"\"" : String($0) } + "\""
        }.joined(separator: " ")
    }

    /// What to highlight, one group per part: the part's tokens joined (the phrase as it stands in the
    /// simplified text) and, for a text where punctuation breaks the phrase, its tokens on their own.
    public var highlightGroups: [(phrase: String, tokens: [String])] {
        parts.map { ($0.joined(), $0.count > 1 ? $0 : []) }
    }
}
