/// Answers queries on a `SearchIndexStore`: ranks articles by FTS5's bm25 over the token columns (title
/// weighted above text, subwords below), applies the `--source` and `--keyword` filters, and makes a
/// `SearchHit` with a snippet for each of the best `limit`.
///
/// Ranking reads only the FTS index and the filter columns; the texts of the `limit` winners are read after,
/// so a query matching most of a large archive does not carry every article's text through the sort. With
/// `collapse`, an article whose fingerprint lies within `SearchOptions.collapseDistance` bits of a better
/// hit's is left out (copies of one story on several sites show once); the best `20 × limit + 100` matches are
/// considered for that.
public final class IndexSearcher {
    private let store: SearchIndexStore
    private let tokenizer: SearchTokenizer
    private let breaker: ICUWordBreaker
    private let view: MatchingView
    public var snippets: SnippetBuilder

    /// `lexicon` must be the index's (`IndexLexicon.stored(in:)`), so queries are cut as the articles were.
    public init(store: SearchIndexStore, lexicon: PolicyLexicon) throws {
        self.store = store
        view = lexicon.view
        tokenizer = try SearchTokenizer(lexicon: lexicon, view: lexicon.view, mode: .annotate)
        breaker = try ICUWordBreaker(locale: "zh")
        snippets = SnippetBuilder(view: lexicon.view)
    }

    /// Parses a query with the index's tokenizer.
    public func query(_ text: String) throws -> SearchQuery {
        try SearchQuery(text, tokenize: tokenizer.tokens(of:), words: plainWords(of:))
    }

    /// A long token's ICU words (as `SubwordExpander` cuts them), any other token alone.
    private func plainWords(of token: String) throws -> [String] {
        guard SubwordExpander.mayCut(token) else { return [token] }
        let words = try breaker.words(token)
            .filter { $0.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil } }
        return words.isEmpty ? [token] : words.map(String.init)
    }

    public func search(_ query: SearchQuery, options: SearchOptions = SearchOptions()) throws -> [SearchHit] {
        try store.guarding {
            var ranked = try rank(query, options, limit: options.collapse ? options.limit * 20 + 100 : options.limit)
            if options.collapse { ranked = try collapsed(ranked, limit: options.limit, distance: options.collapseDistance) }
            return try ranked.prefix(options.limit).enumerated().map { index, entry in
                try hit(doc: entry.0, score: entry.1, rank: index + 1, query: query)
            }
        }
    }

    /// The ranked list without the entries whose fingerprint is within `distance` bits of a better entry's.
    private func collapsed(_ ranked: [(Int64, Double)], limit: Int, distance: Int) throws -> [(Int64, Double)] {
        let lookup = try store.database.prepare("SELECT fingerprint FROM articles WHERE doc = ?1")
        var kept: [(Int64, Double)] = []
        var fingerprints: [SimHash] = []
        for entry in ranked {
            try lookup.bind(1, entry.0)
            let fingerprint = try lookup.step() ? SimHash(value: UInt64(bitPattern: lookup.int(0))) : SimHash(value: 0)
            lookup.reset()
            if fingerprints.contains(where: { $0.distance(to: fingerprint) <= distance }) { continue }
            kept.append(entry)
            fingerprints.append(fingerprint)
            if kept.count == limit { break }
        }
        return kept
    }

    /// (doc, bm25) of the best matches, best first.
    private func rank(_ query: SearchQuery, _ options: SearchOptions, limit: Int) throws -> [(Int64, Double)] {
        let bm25 = "bm25(articles_fts, \(SearchIndexSchema.rankWeights))"
        let filtered = options.source != nil || options.keyword != nil
        let sql = filtered ? """
            SELECT articles_fts.rowid, \(bm25) AS score FROM articles_fts JOIN articles a ON a.doc = articles_fts.rowid
            WHERE articles_fts MATCH ?1
              AND (?2 IS NULL OR instr(a.source_key, ?2) > 0)
              AND (?3 IS NULL OR EXISTS (SELECT 1 FROM keywords k WHERE k.doc = a.doc AND instr(k.term, ?3) > 0))
            ORDER BY score, articles_fts.rowid LIMIT ?4
            """ : """
            SELECT rowid, \(bm25) AS score FROM articles_fts WHERE articles_fts MATCH ?1
            ORDER BY score, rowid LIMIT ?4
            """
        let statement = try store.database.prepare(sql)
        try statement.bind(1, query.ftsExpression)
        if filtered {
            try statement.bind(2, options.source.map { IndexKeys.source($0, view: view) })
            try statement.bind(3, options.keyword.map { IndexKeys.keyword($0, view: view) })
        }
        try statement.bind(4, Int64(limit))
        var ranked: [(Int64, Double)] = []
        while try statement.step() { ranked.append((statement.int(0), statement.double(1))) }
        return ranked
    }

    private func hit(doc: Int64, score: Double, rank: Int, query: SearchQuery) throws -> SearchHit {
        let row = try store.database.prepare("""
            SELECT id, title, text, keywords, source, reporter, editor, date, fingerprint FROM articles WHERE doc = ?1
            """)
        try row.bind(1, doc)
        guard try row.step() else { throw QingxiError.damagedFile(file: store.path, message: "index entry \(doc) has no article row") }
        let title = row.text(1)
        let keywords = Self.terms(ofKeywordsJSON: row.text(3) ?? "[]")
        return SearchHit(rank: rank, id: row.text(0) ?? "", score: -score, title: title,
                         markedTitle: title.map { snippets.highlight($0, query: query) },
                         snippet: snippets.snippet(of: row.text(2) ?? "", query: query), keywords: keywords,
                         meta: IndexMeta(source: row.text(4), reporter: row.text(5), editor: row.text(6), date: row.text(7)),
                         fingerprint: SimHash(value: UInt64(bitPattern: row.int(8))))
    }

    /// The `term` values of a stored keywords array.
    static func terms(ofKeywordsJSON json: String) -> [String] {
        let bytes = Array(json.utf8)
        guard case .array(let items) = bytes.withUnsafeBufferPointer({ JSONScanner.value($0, 0..<$0.count) }) else { return [] }
        return items.compactMap { $0["term"]?.stringValue }
    }
}

/// What `IndexSearcher.search` is asked for.
public struct SearchOptions: Sendable {
    public var limit = 10
    /// Only articles whose source contains this (both in the matching view).
    public var source: String?
    /// Only articles with a keyword term containing this (any script, with or without 《》).
    public var keyword: String?
    /// Leave out near duplicates of a better hit.
    public var collapse = false
    /// Bits apart at most to count as a near duplicate. On 625 distinct dev articles (195,000 pairs) the
    /// closest two different articles were 14 bits apart; a copy with a few words changed is within 2–6.
    public var collapseDistance = 8

    public init() {}
}
