/// How index records are written (`--format`).
public enum IndexRecordFormat: String, Sendable, CaseIterable {
    /// One index record (`IndexRecord.json`) per line.
    case jsonl
    /// Elasticsearch/OpenSearch `_bulk` NDJSON: an action line `{"index":{"_index":NAME,"_id":ID}}` (no
    /// `_index` without a name: the bulk URL's index applies), then the record on the next line.
    case esBulk = "es-bulk"
    /// For people: `field: value` lines, a blank line, the text; each record ends with a form-feed line.
    case text
}
