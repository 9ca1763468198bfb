import Foundation
import Testing
@testable import QingxiCore

/// What the index does with bad databases, bad queries and runs that fail part way.
@Suite struct SearchIndexFailureTests {
    func expectError(exitCode: Int32, containing text: String, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("no error; expected one containing '\(text)'")
        } catch let error as QingxiError {
            #expect(error.exitCode == exitCode, "\(error)")
            #expect(error.description.contains(text), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func emptyAndPunctuationOnlyQueriesAreUsageErrors() throws {
        let searcher = try IndexTestHarness.searcher(try IndexTestHarness.sharedArchive.get())
        expectError(exitCode: 2, containing: "the query is empty") { _ = try searcher.query("  ") }
        expectError(exitCode: 2, containing: "no words") { _ = try searcher.query("，。！") }
        #expect(try searcher.query(#"村长" OR x"#).ftsExpression == #""村长" AND "OR" AND "x""#)  // never FTS5 syntax
    }

    @Test func anotherProgramsDatabaseIsLeftAlone() throws {
        let database = IndexTestHarness.temporaryDatabase()
        defer { IndexTestHarness.remove(database) }
        try SQLiteDatabase(path: database, mode: .readWriteCreate).execute("CREATE TABLE notes (body TEXT)")
        expectError(exitCode: 2, containing: "not a qingxi index") { _ = try SearchIndexStore.openForWriting(path: database) }
        expectError(exitCode: 2, containing: "not a qingxi index") { _ = try SearchIndexStore.openForReading(path: database) }
    }

    @Test func aFileThatIsNotADatabaseIsDamagedData() throws {
        let path = try TestSupport.temporaryFile(Array(String(repeating: "这不是数据库。", count: 200).utf8), suffix: ".sqlite")
        defer { IndexTestHarness.remove(path) }
        expectError(exitCode: 1, containing: "not a usable SQLite database") { _ = try SearchIndexStore.openForReading(path: path) }
        expectError(exitCode: 1, containing: "not a usable SQLite database") { _ = try SearchIndexStore.openForWriting(path: path) }
    }

    @Test func corruptPagesAreReportedAsDamaged() throws {
        let database = IndexTestHarness.temporaryDatabase()
        defer { IndexTestHarness.remove(database) }
        try IndexTestHarness.index([IndexTestHarness.archive], into: database)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: database))
        #expect(bytes.count > 8192)
        for i in 4096..<bytes.count { bytes[i] = 0x55 }  // every page after the first
        try bytes.write(to: URL(fileURLWithPath: database))
        expectError(exitCode: 1, containing: "damaged") {
            let searcher = try IndexTestHarness.searcher(database)
            _ = try searcher.search(try searcher.query("河长制"))
        }
    }

    @Test func missingEmptyAndNewerDatabases() throws {
        let missing = IndexTestHarness.temporaryDatabase()
        expectError(exitCode: 2, containing: "no such index") { _ = try SearchIndexStore.openForReading(path: missing) }
        #expect(!FileManager.default.fileExists(atPath: missing))
        let empty = try TestSupport.temporaryFile([], suffix: ".sqlite")
        defer { IndexTestHarness.remove(empty) }
        expectError(exitCode: 2, containing: "empty database") { _ = try SearchIndexStore.openForReading(path: empty) }
        let newer = IndexTestHarness.temporaryDatabase()
        defer { IndexTestHarness.remove(newer) }
        try IndexTestHarness.index([IndexTestHarness.archive], into: newer)
        try SQLiteDatabase(path: newer, mode: .readWriteCreate).execute("PRAGMA user_version = 3")
        expectError(exitCode: 2, containing: "made by a newer qingxi") { _ = try SearchIndexStore.openForReading(path: newer) }
    }

    @Test func aLockedDatabaseIsReportedAsLocked() throws {
        let database = IndexTestHarness.temporaryDatabase()
        defer { IndexTestHarness.remove(database) }
        try IndexTestHarness.index([IndexTestHarness.archive], into: database)
        let holder = try SQLiteDatabase(path: database, mode: .readWriteCreate)
        try holder.execute("BEGIN IMMEDIATE")
        defer { try? holder.execute("ROLLBACK") }
        expectError(exitCode: 2, containing: "locked") { try IndexTestHarness.index([IndexTestHarness.archive], into: database) }
        // Readers are not blocked by a writer (WAL).
        #expect(try IndexTestHarness.ids(try IndexTestHarness.searcher(database), "村长") == ["mix-004"])
    }

    @Test func aFailedRunKeepsEarlierBatchesAndNothingOfTheBatchInFlight() throws {
        let records = (1...5).map { #"{"id":"r\#($0)","text":"第\#($0)条：全面推行河长制。"}"# }
        var lines = records
        lines[3] = #"{"id":"r4","text":"#  // malformed: the run fails on line 4
        let path = try TestSupport.temporaryFile(Array((lines.joined(separator: "\n") + "\n").utf8), suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let database = IndexTestHarness.temporaryDatabase()
        defer { IndexTestHarness.remove(database) }
        expectError(exitCode: 1, containing: ":4: error: malformed JSON") {
            try IndexTestHarness.index([path], into: database, batchSize: 2)
        }
        let store = try SearchIndexStore.openForReading(path: database)
        #expect(try store.articleCount() == 2)  // r1, r2 committed; r3 was pending when line 4 failed
        try SQLiteDatabase(path: database, mode: .readWriteCreate).execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        try Data((records.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let counts = try IndexTestHarness.index([path], into: database, batchSize: 2)
        #expect(counts.added == 3 && counts.unchanged == 2)
        #expect(try store.articleCount() == 5)
    }

    @Test func anotherLexiconThanTheIndexsIsRefused() throws {
        let database = IndexTestHarness.temporaryDatabase()
        defer { IndexTestHarness.remove(database) }
        let lexicon = try TestSupport.temporaryFile(Array("河湖长制\tecology\n".utf8), suffix: ".tsv")
        defer { try? FileManager.default.removeItem(atPath: lexicon) }
        var own = CleanOptions()
        own.lexiconFiles = [lexicon]
        try IndexTestHarness.index([IndexTestHarness.archive], into: database, options: own)
        try IndexTestHarness.index([IndexTestHarness.archive], into: database)  // default options: the stored lexicon
        var none = CleanOptions()
        none.builtInLexicon = false
        expectError(exitCode: 2, containing: "another lexicon") { try IndexTestHarness.index([IndexTestHarness.archive], into: database, options: none) }
        let stored = try IndexLexicon.stored(in: try SearchIndexStore.openForReading(path: database))
        #expect(stored == IndexLexicon(builtIn: true, userTerms: "河湖长制\tecology\n"))
        #expect(try IndexTestHarness.searcher(database).query("推行河湖長制").parts == [["推行", "河湖长制"]])
    }
}
