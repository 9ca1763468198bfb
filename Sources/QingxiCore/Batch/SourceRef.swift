/// One file or archive entry that articles come from: the owner of a run of consecutive units.
public final class SourceRef: Sendable {
    public enum Form: Sendable { case text, jsonl }
    /// Article id (`.txt`) or id prefix (`file.jsonl:LINE` when a record has no id): the relative path, or
    /// `archive!entry`.
    public let id: String
    public let form: Form
    /// The source was gzip-compressed (a mirrored copy is compressed too).
    public let gzip: Bool
    /// The charset chosen for the whole source (JSONL under `--encoding`); nil: UTF-8, or decided per text.
    public let charset: String?
    /// Its relative output path with `--layout mirror`.
    public let mirrorPath: String

    init(id: String, form: Form, gzip: Bool, charset: String?, mirrorPath: String) {
        self.id = id
        self.form = form
        self.gzip = gzip
        self.charset = charset
        self.mirrorPath = mirrorPath
    }
}
