/// The `ArticleSink` behind `qingxi index`: builds each finished article's `IndexRecord` and stores it in a
/// `SearchIndexStore`, inserting new ids and updating known ones in place (never a second row for one id; an
/// article whose record did not change is left alone).
///
/// Records are written in batches of `batchSize`, one transaction per batch: a run that fails or is killed
/// part way leaves every earlier batch committed and nothing of the batch in flight, so the database is
/// always consistent and a re-run completes it. An article the stages left empty is not stored (an earlier
/// version under the same id stays as it was); it is counted in `emptied`.
public final class SearchIndexWriter: ArticleSink {
    public struct Counts: Sendable, Equatable {
        public var added = 0
        public var updated = 0
        public var unchanged = 0
        public var emptied = 0
        public var batches = 0
    }

    private let store: SearchIndexStore
    private let builder: IndexRecordBuilder
    private let batchSize: Int
    private var pending: [IndexRecord] = []
    private let statements: Statements
    public private(set) var counts = Counts()

    public init(store: SearchIndexStore, builder: IndexRecordBuilder, batchSize: Int = 500) throws {
        self.store = store
        self.builder = builder
        self.batchSize = max(1, batchSize)
        statements = try store.guarding { try Statements(store.database) }
    }

    public func article(_ article: Article, paragraphs: [Paragraph], record: JSONRecord?) throws {
        guard let indexRecord = try builder.record(for: article, paragraphs: paragraphs, record: record) else {
            counts.emptied += 1
            return
        }
        pending.append(indexRecord)
        if pending.count >= batchSize { try flush() }
    }

    public func finish() throws {
        try flush()
    }

    /// Writes the pending records in one transaction.
    public func flush() throws {
        guard !pending.isEmpty else { return }
        var batch = Counts()
        try store.guarding {
            try store.database.transaction {
                for record in pending { try write(record, counting: &batch) }
            }
        }
        counts.added += batch.added
        counts.updated += batch.updated
        counts.unchanged += batch.unchanged
        counts.batches += 1
        pending.removeAll(keepingCapacity: true)
        CrashPoint.reached(commits: counts.batches)
    }

    private func write(_ record: IndexRecord, counting batch: inout Counts) throws {
        let keywords = String(decoding: JSONValue.array(record.keywords).encoded(), as: UTF8.self)
        let digest = IndexKeys.digest(of: record, keywords: keywords)
        let s = statements
        try s.find.bind(1, record.id)
        let known = try s.find.step() ? (doc: s.find.int(0), digest: s.find.int(1)) : nil
        s.find.reset()
        if let known, known.digest == digest {
            batch.unchanged += 1
            return
        }
        if let known { try removeFromFullText(doc: known.doc) }
        let write = known == nil ? s.insert : s.update
        let tokens = JoinedTokens(record)
        try bind(record, tokens, keywords: keywords, digest: digest, to: write)
        try write.step()
        write.reset()
        let doc = known?.doc ?? store.database.lastInsertRowID
        try addToFullText(tokens, doc: doc)
        if known != nil {
            try s.deleteKeywords.bind(1, doc)
            try s.deleteKeywords.step()
            s.deleteKeywords.reset()
            batch.updated += 1
        } else {
            batch.added += 1
        }
        try storeKeywords(record, doc: doc)
    }

    /// The three token columns, space-joined once for the row and the full-text index.
    private struct JoinedTokens {
        let title, body, subwords: String
        init(_ r: IndexRecord) {
            title = r.titleTokens.joined(separator: " ")
            body = r.bodyTokens.joined(separator: " ")
            subwords = r.subwords.joined(separator: " ")
        }
    }

    private func bind(_ r: IndexRecord, _ tokens: JoinedTokens, keywords: String, digest: Int64,
                      to statement: SQLiteStatement) throws {
        let view = builder.lexicon.view
        let values: [String?] = [r.id, r.title, r.text, r.textHans == r.text ? nil : r.textHans,
                                 tokens.title, tokens.body, tokens.subwords, keywords,
                                 r.meta.source, r.meta.reporter, r.meta.editor, r.meta.date,
                                 r.meta.source.map { IndexKeys.source($0, view: view) }]
        for (index, value) in values.enumerated() { try statement.bind(Int32(index + 1), value) }
        try statement.bind(14, Int64(bitPattern: r.fingerprint.value))
        try statement.bind(15, digest)
    }

    /// Indexes a stored article's tokens (`articles_fts` has external content: it keeps only the index).
    private func addToFullText(_ tokens: JoinedTokens, doc: Int64) throws {
        let s = statements.insertFullText
        try s.bind(1, doc)
        try s.bind(2, tokens.title)
        try s.bind(3, tokens.body)
        try s.bind(4, tokens.subwords)
        try s.step()
        s.reset()
    }

    /// Takes a stored article's tokens out of the index, before its row changes: FTS5 needs the values it
    /// indexed, read back from the row.
    private func removeFromFullText(doc: Int64) throws {
        let s = statements.deleteFullText
        try s.bind(1, doc)
        try s.step()
        s.reset()
    }

    private func storeKeywords(_ record: IndexRecord, doc: Int64) throws {
        var seen = Set<String>()
        for term in record.keywordTerms {
            let key = IndexKeys.keyword(term, view: builder.lexicon.view)
            guard !key.isEmpty, seen.insert(key).inserted else { continue }
            try statements.insertKeyword.bind(1, key)
            try statements.insertKeyword.bind(2, doc)
            try statements.insertKeyword.step()
            statements.insertKeyword.reset()
        }
    }

    /// The statements a writer runs, prepared once.
    private struct Statements {
        let find, insert, update, deleteKeywords, insertKeyword, insertFullText, deleteFullText: SQLiteStatement
        static let columns = "title, text, text_hans, title_tokens, body_tokens, subwords, keywords, source, reporter, "
            + "editor, date, source_key, fingerprint, digest"

        init(_ db: SQLiteDatabase) throws {
            find = try db.prepare("SELECT doc, digest FROM articles WHERE id = ?1")
            insert = try db.prepare("INSERT INTO articles (id, \(Self.columns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                    + "?10, ?11, ?12, ?13, ?14, ?15)")
            let assignments = Self.columns.split(separator: ",").enumerated()
                .map { "\($0.element.trimmingSpaces) = ?\($0.offset + 2)" }.joined(separator: ", ")
            update = try db.prepare("UPDATE articles SET \(assignments) WHERE id = ?1")
            deleteKeywords = try db.prepare("DELETE FROM keywords WHERE doc = ?1")
            insertKeyword = try db.prepare("INSERT OR IGNORE INTO keywords (term, doc) VALUES (?1, ?2)")
            insertFullText = try db.prepare("INSERT INTO articles_fts (rowid, title_tokens, body_tokens, subwords) "
                                            + "VALUES (?1, ?2, ?3, ?4)")
            deleteFullText = try db.prepare("INSERT INTO articles_fts (articles_fts, rowid, title_tokens, body_tokens, "
                                            + "subwords) SELECT 'delete', doc, title_tokens, body_tokens, subwords "
                                            + "FROM articles WHERE doc = ?1")
        }
    }
}
