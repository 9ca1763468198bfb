/// The lexicon an index was tokenised with, kept in the database (`qingxi_info`) so that `qingxi search` cuts
/// queries exactly as `qingxi index` cut the articles: a term the user's lexicon keeps whole in the index must
/// be kept whole in the query, or the two would not match. Holds whether the shipped lists are used and the
/// text of the user's term files (`term<TAB>category` lines).
public struct IndexLexicon: Equatable, Sendable {
    public var builtIn: Bool
    public var userTerms: String

    public init(builtIn: Bool = true, userTerms: String = "") {
        self.builtIn = builtIn
        self.userTerms = userTerms
    }

    /// From the options of a run: the shipped lists unless turned off, and the text of the `--lexicon` files.
    public init(options: CleanOptions) throws {
        builtIn = options.builtInLexicon
        userTerms = ""
        for file in options.lexiconFiles {
            guard let bytes = FileBytes.read(file) else { throw QingxiError.io(file: file, message: "cannot read file") }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw QingxiError.badRuleFile(file: file, line: 1, message: "not valid UTF-8")
            }
            userTerms += text.hasSuffix("\n") || text.isEmpty ? text : text + "\n"
        }
    }

    /// True for the lexicon of a run that named no lexicon of its own.
    public var isDefault: Bool { builtIn && userTerms.isEmpty }

    /// The lexicon itself, folding terms with `view`.
    public func load(view: MatchingView) throws -> PolicyLexicon {
        var lexicon = builtIn ? try PolicyLexicon.builtIn(view: view) : PolicyLexicon(view: view)
        if !userTerms.isEmpty { try lexicon.loadTerms(text: userTerms, name: "the index's lexicon") }
        return lexicon
    }

    static let builtInKey = "lexicon.builtin"
    static let termsKey = "lexicon.terms"

    /// The lexicon recorded in `store`, or nil for an index that has none yet (new).
    public static func stored(in store: SearchIndexStore) throws -> IndexLexicon? {
        guard let flag = try store.info(builtInKey) else { return nil }
        return IndexLexicon(builtIn: flag == "1", userTerms: try store.info(termsKey) ?? "")
    }

    /// Records this lexicon in `store`.
    public func save(in store: SearchIndexStore) throws {
        try store.setInfo(Self.builtInKey, builtIn ? "1" : "0")
        try store.setInfo(Self.termsKey, userTerms)
    }
}

extension IndexLexicon {
    /// The lexicon a run of `qingxi index` uses on `store`: the one the index was made with; a new index
    /// records `requested`. Asking for another lexicon than the index's is a usage error (the articles already
    /// stored would be tokenised differently from the new ones and from queries).
    public static func resolve(_ requested: IndexLexicon, in store: SearchIndexStore) throws -> IndexLexicon {
        guard let stored = try stored(in: store) else {
            try store.guarding { try store.database.transaction { try requested.save(in: store) } }
            return requested
        }
        if requested.isDefault || requested == stored { return stored }
        throw QingxiError.usage("\(store.path) was tokenised with another lexicon (\(stored.summary)); "
                                + "index into a new database to use \(requested.summary)")
    }

    /// For messages: "the shipped lexicon plus N user term lines".
    var summary: String {
        let lines = userTerms.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.allSatisfy { $0 == " " || $0 == "\t" } }.count
        let base = builtIn ? "the shipped lexicon" : "no shipped lexicon"
        return lines == 0 ? base : "\(base) plus \(lines) term line(s) of its own"
    }
}
