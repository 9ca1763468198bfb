import Foundation
import Testing
@testable import QingxiCore

/// The SQLite FTS5 index on a real database: both scripts, phrases, subwords, updates by id, filters, snippets.
@Suite struct SearchIndexTests {
    func indexedArchive(_ options: CleanOptions = CleanOptions()) throws -> String {
        let database = IndexTestHarness.temporaryDatabase()
        try IndexTestHarness.index([IndexTestHarness.archive], into: database, options: options)
        return database
    }

    @Test func policyTermsAreFoundInBothScripts() throws {
        let database = try IndexTestHarness.sharedArchive.get()
        let searcher = try IndexTestHarness.searcher(database)
        let simplified = try IndexTestHarness.ids(searcher, "河长制")
        #expect(Set(simplified) == ["hz-001", "tw-002", "hz-005"])
        #expect(Set(try IndexTestHarness.ids(searcher, "河長制")) == Set(simplified))
        #expect(try IndexTestHarness.ids(searcher, "鄉村振興戰略") == ["xc-003"])
    }

    @Test func aPolicyTermMatchesAsAPhraseNotAsScatteredCharacters() throws {
        let database = try IndexTestHarness.sharedArchive.get()
        let searcher = try IndexTestHarness.searcher(database)
        // mix-004 has 河, 长 and 制 (河水, 村长, 制度) but never 河长制.
        #expect(!(try IndexTestHarness.ids(searcher, "河长制")).contains("mix-004"))
        #expect(try IndexTestHarness.ids(searcher, "村长") == ["mix-004"])
        #expect(try searcher.query("河長制 巡河").ftsExpression == #"("河长制" OR "河 长 制") AND "巡 河""#)
    }

    @Test func partsOfLongTermsAreFoundThroughSubwords() throws {
        let database = try IndexTestHarness.sharedArchive.get()
        let searcher = try IndexTestHarness.searcher(database)
        #expect(try IndexTestHarness.ids(searcher, "林长制") == ["lz-006"])
        #expect(try IndexTestHarness.ids(searcher, "森林资源") == ["lz-006"])  // tokens hold 森林资源监测体系
        #expect(try IndexTestHarness.ids(searcher, "监测体系") == ["lz-006"])
        #expect(try IndexTestHarness.ids(searcher, "乡村振兴") == ["xc-003"])  // tokens hold 乡村振兴战略
        #expect(try IndexTestHarness.ids(searcher, "振兴战略") == ["xc-003"])
    }

    @Test func snippetsMarkMatchesInTheArticlesOwnScript() throws {
        var keep = CleanOptions()
        keep.target = .keep
        let database = try indexedArchive(keep)
        defer { IndexTestHarness.remove(database) }
        let searcher = try IndexTestHarness.searcher(database)
        let hits = try searcher.search(try searcher.query("河长制 经验"))
        let hit = try #require(hits.first)
        #expect(hit.id == "tw-002")
        #expect(hit.snippet.contains("參照大陸的[河長制][經驗]"))
        #expect(hit.markedTitle == "縣府推動[河長制] 整治溪流汙染")
        #expect(hit.meta.source == "地方日报")
        #expect(hit.keywords.contains("河长制"))
    }

    @Test func rankingPutsTheTitleMatchFirst() throws {
        let database = try IndexTestHarness.sharedArchive.get()
        let searcher = try IndexTestHarness.searcher(database)
        let hits = try searcher.search(try searcher.query("乡村旅游"))
        #expect(hits.map(\.id) == ["xc-003"])
        #expect(hits[0].score > 0 && hits[0].rank == 1)
        let scores = try searcher.search(try searcher.query("河长制")).map(\.score)
        #expect(scores == scores.sorted(by: >))
    }

    @Test func reindexingAnIdUpdatesItInPlace() throws {
        let database = try indexedArchive()
        defer { IndexTestHarness.remove(database) }
        let again = try IndexTestHarness.index([IndexTestHarness.archive], into: database)
        #expect(again == SearchIndexWriter.Counts(added: 0, updated: 0, unchanged: 6, emptied: 0, batches: 1))
        let changed = try TestSupport.temporaryFile(Array(#"{"id":"hz-001","title":"碳达峰行动方案印发","text":"各地要落实碳达峰行动方案。"}"#.utf8),
                                                   suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(atPath: changed) }
        let counts = try IndexTestHarness.index([changed], into: database)
        #expect(counts.updated == 1 && counts.added == 0)
        let store = try SearchIndexStore.openForReading(path: database)
        #expect(try store.articleCount() == 6)
        let searcher = try IndexTestHarness.searcher(database)
        #expect(try IndexTestHarness.ids(searcher, "碳达峰") == ["hz-001"])
        #expect(Set(try IndexTestHarness.ids(searcher, "河长制")) == ["tw-002", "hz-005"])
        #expect(try IndexTestHarness.ids(searcher, "会议") { $0.keyword = "河长制" }.isEmpty)
        #expect(try IndexTestHarness.ids(searcher, "碳达峰") { $0.keyword = "碳达峰" } == ["hz-001"])
        try SQLiteDatabase(path: database, mode: .readWriteCreate).execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    }

    /// An index of schema version 1 (FTS kept in step by triggers) is searched as it is, and when it is updated
    /// it becomes version 2 without its triggers: an updated article is indexed once, not twice.
    @Test func aVersion1IndexIsReadAndMigratedOnUpdate() throws {
        let database = try indexedArchive()
        defer { IndexTestHarness.remove(database) }
        let old = try SQLiteDatabase(path: database, mode: .readWriteCreate)
        try old.execute("""
            CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
              INSERT INTO articles_fts(rowid, title_tokens, body_tokens, subwords)
                VALUES (new.doc, new.title_tokens, new.body_tokens, new.subwords);
            END;
            CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
              INSERT INTO articles_fts(articles_fts, rowid, title_tokens, body_tokens, subwords)
                VALUES ('delete', old.doc, old.title_tokens, old.body_tokens, old.subwords);
              INSERT INTO articles_fts(rowid, title_tokens, body_tokens, subwords)
                VALUES (new.doc, new.title_tokens, new.body_tokens, new.subwords);
            END;
            PRAGMA user_version = 1;
            """)
        #expect(Set(try IndexTestHarness.ids(try IndexTestHarness.searcher(database), "河长制")).count >= 2)
        let changed = try TestSupport.temporaryFile(Array(#"{"id":"hz-001","title":"碳达峰行动方案印发","text":"各地要落实碳达峰行动方案。"}"#.utf8),
                                                   suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(atPath: changed) }
        #expect(try IndexTestHarness.index([changed], into: database).updated == 1)
        #expect(try old.integer("PRAGMA user_version") == 2)
        #expect(try old.integer("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'") == 0)
        try old.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        #expect(try IndexTestHarness.ids(try IndexTestHarness.searcher(database), "碳达峰") == ["hz-001"])
    }

    @Test func filtersBySourceAndKeywordInEitherScript() throws {
        let database = try IndexTestHarness.sharedArchive.get()
        let searcher = try IndexTestHarness.searcher(database)
        #expect(Set(try IndexTestHarness.ids(searcher, "河长制") { $0.source = "新华社" }) == ["hz-001", "hz-005"])
        #expect(Set(try IndexTestHarness.ids(searcher, "河长制") { $0.source = "新華社" }) == ["hz-001", "hz-005"])
        #expect(try IndexTestHarness.ids(searcher, "河长制") { $0.source = "地方" } == ["tw-002"])
        #expect(try IndexTestHarness.ids(searcher, "会议") { $0.keyword = "清河县林长巡林制度" } == ["lz-006"])
        #expect(try IndexTestHarness.ids(searcher, "会议") { $0.keyword = "《清河縣林長巡林制度》" } == ["lz-006"])
        #expect(try IndexTestHarness.ids(searcher, "河长制") { $0.keyword = "乡村振兴战略" }.isEmpty)
    }

    @Test func collapseShowsOneOfNearDuplicates() throws {
        let database = try IndexTestHarness.sharedArchive.get()
        let searcher = try IndexTestHarness.searcher(database)
        let all = try searcher.search(try searcher.query("河湖面貌"))
        #expect(Set(all.map(\.id)) == ["hz-001", "hz-005"])
        #expect(all[0].fingerprint.distance(to: all[1].fingerprint) <= SearchOptions().collapseDistance)
        #expect(try IndexTestHarness.ids(searcher, "河湖面貌") { $0.collapse = true }.count == 1)
    }

    @Test func cleanedJSONLPassesThroughAndNoCleanIndexesAsIs() throws {
        let cleaned = try IndexTestHarness.records(try IndexTestHarness.archiveText(), format: .jsonl)
        #expect(!cleaned.isEmpty)
        let database = IndexTestHarness.temporaryDatabase()
        defer { IndexTestHarness.remove(database) }
        let raw = try TestSupport.run(try IndexTestHarness.archiveText(), stages: try CleanPipeline.stages(CleanOptions())).output
        let rawPath = try TestSupport.temporaryFile(Array(raw.utf8), suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(atPath: rawPath) }
        #expect(try IndexTestHarness.index([rawPath], into: database).added == 6)
        let searcher = try IndexTestHarness.searcher(database)
        let hit = try #require(try searcher.search(try searcher.query("河长制"), options: SearchOptions()).first { $0.id == "hz-001" })
        #expect(hit.meta.editor == "李华")  // the meta of the earlier clean run
        let plain = IndexTestHarness.temporaryDatabase()
        defer { IndexTestHarness.remove(plain) }
        #expect(try IndexTestHarness.index([IndexTestHarness.archive], into: plain, noClean: true).added == 6)
        #expect(try IndexTestHarness.ids(try IndexTestHarness.searcher(plain), "责任编辑") == ["hz-001"])  // nothing stripped
    }
}
