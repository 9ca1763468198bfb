import Foundation
@testable import QingxiCore

/// Helpers of the index tests: temporary databases, indexing through the real record layer and chain, index
/// records through the `--format` printer, and the fixture archive `corpus/index/news-archive.jsonl`.
enum IndexTestHarness {
    static var archive: String { TestSupport.corpus("index/news-archive.jsonl").path }

    /// The fixture archive indexed once per test process with the default options (for tests that only read;
    /// indexing costs seconds in a debug build). Left in the temporary folder.
    static let sharedArchive: Result<String, QingxiError> = {
        let database = temporaryDatabase()
        do {
            try index([archive], into: database)
            return .success(database)
        } catch {
            return .failure(.io(file: database, message: "could not index the fixture archive: \(error)"))
        }
    }()

    static func temporaryDatabase() -> String {
        NSTemporaryDirectory() + "qx-index-\(UUID().uuidString).sqlite"
    }

    static func remove(_ database: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: database + suffix) }
    }

    /// Indexes `inputs` into `database` as `qingxi index` does: the clean chain behind a bypass for cleaned
    /// records (none with `noClean`), then the writer.
    @discardableResult
    static func index(_ inputs: [String], into database: String, options: CleanOptions = CleanOptions(),
                      batchSize: Int = 1_000, noClean: Bool = false) throws -> SearchIndexWriter.Counts {
        let store = try SearchIndexStore.openForWriting(path: database, busyTimeout: 200)
        let lexicon = try IndexLexicon.resolve(try IndexLexicon(options: options), in: store)
        let builder = try IndexRecordBuilder(lexicon: try lexicon.load(view: try ScriptConverter.matchingView()),
                                             textIsSimplified: !noClean && IndexRecordBuilder.chainSimplifies(options))
        let writer = try SearchIndexWriter(store: store, builder: builder, batchSize: batchSize)
        var recordOptions = RecordOptions()
        recordOptions.inputs = inputs
        let stages: [Stage] = noClean ? [] : [CleanedArticleBypass(try CleanPipeline.stages(options))]
        let runner = RecordRunner(options: recordOptions, chain: StageChain(stages), output: OutputWriter(fd: 1, name: "<stdout>"),
                                  messages: MessageWriter(), sink: writer)
        try runner.run()
        return writer.counts
    }

    static func searcher(_ database: String) throws -> IndexSearcher {
        let store = try SearchIndexStore.openForReading(path: database, busyTimeout: 200)
        let lexicon = try IndexLexicon.stored(in: store) ?? IndexLexicon()
        let searcher = try IndexSearcher(store: store, lexicon: try lexicon.load(view: try ScriptConverter.matchingView()))
        searcher.snippets.open = "["
        searcher.snippets.close = "]"
        return searcher
    }

    /// The ids `query` finds, best first.
    static func ids(_ searcher: IndexSearcher, _ query: String, _ configure: (inout SearchOptions) -> Void = { _ in }) throws -> [String] {
        var options = SearchOptions()
        options.limit = 50
        configure(&options)
        return try searcher.search(try searcher.query(query), options: options).map(\.id)
    }

    /// The output of `qingxi clean --format FORMAT` on `input` (bytes of a JSONL or text file).
    static func records(_ input: String, format: IndexRecordFormat, indexName: String? = nil,
                        options: CleanOptions = CleanOptions()) throws -> String {
        let inputPath = try TestSupport.temporaryFile(Array(input.utf8))
        let outputPath = inputPath + ".out"
        defer { for p in [inputPath, outputPath] { try? FileManager.default.removeItem(atPath: p) } }
        do {
            let output = try OutputWriter(path: outputPath)
            let builder = try IndexRecordBuilder(lexicon: try IndexRecordBuilder.lexicon(options, view: try ScriptConverter.matchingView()),
                                                 textIsSimplified: IndexRecordBuilder.chainSimplifies(options))
            let printer = IndexRecordPrinter(builder: builder, encoder: IndexRecordEncoder(format: format, indexName: indexName),
                                             output: output)
            var recordOptions = RecordOptions()
            recordOptions.inputs = [inputPath]
            try RecordRunner(options: recordOptions, chain: StageChain(try CleanPipeline.stages(options)), output: output,
                             messages: MessageWriter(), sink: printer).run()
        }
        return try String(contentsOfFile: outputPath, encoding: .utf8)
    }

    static func archiveText() throws -> String {
        try String(contentsOfFile: archive, encoding: .utf8)
    }

    /// Parses one JSON line into a dictionary.
    static func object(_ line: Substring) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
    }
}
