/// One source of articles an input yields, open and ready to read: a top-level `.txt`/`.jsonl`/`.jsonl.gz`
/// file, or such an entry of an archive. `stream` already inflates gzip.
struct SourceEntry {
    var id: String
    var mirrorPath: String
    var form: SourceRef.Form
    var gzip: Bool
    var stream: ByteSource
    /// The uncompressed size when the container states it (file size, tar or ZIP header), so that an oversized
    /// text can be refused before it is read.
    var declaredSize: Int?
}
