/// The first pass of dedup beyond one machine (`--emit-keys`): for every paragraph that stream scope would
/// remember (not blank, at least `minChars` key characters), writes `key<TAB>article-id<TAB>paragraph` where
/// key is the 32-hex-digit `KeyHash` and paragraph the 1-based paragraph number. Paragraphs pass unchanged.
///
/// A group-by on the key column that keeps stream order (e.g. `sort -s -k1,1` then every line but the first
/// of each key) yields the `DropList` for the second pass (`--drop`). Use the same `--fold-digits`,
/// `--min-chars` and converter in both passes. Tabs and line breaks inside an article id are written as spaces.
public final class KeyEmitter: Stage {
    public let name = "dedup-keys"
    private let keyMaker: ParagraphKeyMaker
    private let minChars: Int
    private let write: (String) throws -> Void

    /// `write` receives each line, terminator included.
    public init(options: DedupOptions, fold: ParagraphKeyMaker.ScriptFold, write: @escaping (String) throws -> Void) throws {
        try options.validate()
        keyMaker = ParagraphKeyMaker(fold, foldDigits: options.foldDigits)
        minChars = options.minChars
        self.write = write
    }

    public func process(_ paragraph: Paragraph, of article: Article, emit: (Paragraph) throws -> Void) throws {
        if !paragraph.isBlank {
            let key = keyMaker.key(of: paragraph)
            if key.count >= minChars {
                try write("\(key.hash.hex)\t\(Self.column(article.id))\t\(paragraph.number)\n")
            }
        }
        try emit(paragraph)
    }

    /// An article id as written in the article column (and looked up by `DropList`).
    static func column(_ id: String) -> String {
        guard id.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return id }
        return String(id.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
