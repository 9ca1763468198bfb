/// The SQL of a qingxi search index, version 2.
///
/// - `articles`: one row per article id (`id` UNIQUE, so re-indexing an id updates its row). It holds the
///   record's fields; `text_hans` is NULL when it equals `text`. The three token columns are what FTS5 indexes:
///   title tokens, text tokens and subwords (`SubwordExpander`), all space-joined and already in simplified
///   script. `source_key` is the source in the matching view, for `--source`. `digest` (a hash of the record)
///   lets a re-run skip unchanged articles.
/// - `articles_fts`: an FTS5 table with **external content** (`content='articles'`): it stores only the
///   inverted index, never a second copy of the tokens, and triggers keep it in step with `articles` inside
///   the same transaction. Its tokenizer is `unicode61`, which on pre-segmented text splits exactly at the
///   spaces qingxi put there (a run of Chinese characters is one token). FTS5's own `snippet()` would show
///   these tokens, not the article, so snippets are cut from `text` by `SnippetBuilder`.
/// - `keywords`: (term key, doc) pairs for `--keyword`, the key being the folded term without 《》.
/// - `qingxi_info`: key/value facts about the index (the lexicon it was tokenised with, the qingxi version).
/// The file is marked with `PRAGMA application_id` = `applicationID` and `PRAGMA user_version` = `version`.
enum SearchIndexSchema {
    /// "QXIX" in ASCII.
    static let applicationID: Int64 = 0x5158_4958
    static let version: Int64 = 2
    /// bm25 weights of the FTS columns: title tokens, text tokens, subwords.
    static let rankWeights = "2.0, 1.0, 0.5"

    static let create = """
        CREATE TABLE articles (
          doc INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          title TEXT,
          text TEXT NOT NULL,
          text_hans TEXT,
          title_tokens TEXT NOT NULL,
          body_tokens TEXT NOT NULL,
          subwords TEXT NOT NULL,
          keywords TEXT NOT NULL,
          source TEXT,
          reporter TEXT,
          editor TEXT,
          date TEXT,
          source_key TEXT,
          fingerprint INTEGER NOT NULL,
          digest INTEGER NOT NULL
        );
        CREATE INDEX articles_fingerprint ON articles(fingerprint);
        CREATE TABLE keywords (
          term TEXT NOT NULL,
          doc INTEGER NOT NULL,
          PRIMARY KEY (term, doc)
        ) WITHOUT ROWID;
        CREATE INDEX keywords_doc ON keywords(doc);
        CREATE VIRTUAL TABLE articles_fts USING fts5(
          title_tokens, body_tokens, subwords,
          content='articles', content_rowid='doc', tokenize='ascii'
        );
        CREATE TABLE qingxi_info (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        """

    /// Turns a version 1 index into version 2: the triggers go, the writer does their work.
    static let migrateFromVersion1 = """
        DROP TRIGGER IF EXISTS articles_fts_insert;
        DROP TRIGGER IF EXISTS articles_fts_delete;
        DROP TRIGGER IF EXISTS articles_fts_update;
        PRAGMA user_version = 2;
        """
}
