import ArgumentParser
import QingxiCore

/// `--format` and `--index`: write index-ready records instead of the cleaned articles (`qingxi clean` and
/// `qingxi batch`).
struct IndexFormatOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp("""
        Write index records instead of articles: jsonl (one record a line), es-bulk (Elasticsearch/OpenSearch \
        _bulk NDJSON), text (for reading). See docs/index.md.
        """, valueName: "format"))
    var format: IndexRecordFormat?

    @Option(name: .customLong("index"), help: ArgumentHelp("es-bulk: the _index of the action lines (default: none, the bulk URL's).",
                                                           valueName: "name"))
    var indexName: String?

    func validate() throws {
        if indexName != nil && format != .esBulk { throw ValidationError("--index goes with --format es-bulk") }
    }

    /// The encoder these options describe, or nil when no --format was given.
    var encoder: IndexRecordEncoder? {
        format.map { IndexRecordEncoder(format: $0, indexName: indexName) }
    }
}

extension IndexRecordFormat: ExpressibleByArgument {}
