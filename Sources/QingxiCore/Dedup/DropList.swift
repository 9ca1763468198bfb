/// The occurrences a second `dedup` pass removes (`--drop FILE`): lines `key<TAB>article-id<TAB>paragraph`,
/// as written by `--emit-keys` and filtered by a global group-by (every occurrence but the first of each key).
///
/// Lookup is by (article id, paragraph number); the key column is checked too, so a drop list made from other
/// input or other key options (`--fold-digits`, a different converter) fails loudly instead of removing the
/// wrong paragraph. Memory: about 40 bytes per listed occurrence; split the list by article when it is large.
public struct DropList: Sendable {
    /// The file name, for removal reasons (`listed in NAME`).
    public let name: String
    /// Per article, per paragraph: the listed key and the drop file's line (for error messages).
    private var keys: [String: [Int: (key: KeyHash, line: Int)]] = [:]
    public private(set) var count = 0

    public init(name: String) {
        self.name = name
    }

    /// Reads a drop list file; `#` lines and blank lines are skipped.
    public init(file path: String) throws {
        self.init(name: path)
        try DataFile.lines(ofFile: path) { line, number in try add(line: line, number: number) }
    }

    /// Parses one line.
    public mutating func add(line: Substring, number: Int = 0) throws {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= 3 else { throw DataFileLineError("expected key<TAB>article<TAB>paragraph") }
        guard let key = KeyHash(hex: fields[0]) else { throw DataFileLineError("key is not 32 hex digits") }
        guard let paragraph = Int(fields[fields.count - 1]), paragraph > 0 else {
            throw DataFileLineError("paragraph is not a positive number")
        }
        let article = fields[1..<(fields.count - 1)].joined(separator: "\t")
        // Two keys for one occurrence: the list came from input with a repeated article id (or was edited), and
        // obeying either line could remove the wrong paragraph. Nothing is dropped on an ambiguous list.
        if let listed = keys[article]?[paragraph], listed.key != key {
            throw DataFileLineError("article \(article) ¶\(paragraph) is listed at line \(listed.line) with another key: "
                                    + "the list is ambiguous (a repeated article id in the input?)")
        }
        add(article: article, paragraph: paragraph, key: key, line: number)
    }

    public mutating func add(article: String, paragraph: Int, key: KeyHash, line: Int = 0) {
        if keys[article, default: [:]].updateValue((key, line), forKey: paragraph) == nil { count += 1 }
    }

    /// Whether the occurrence is listed. Throws when it is listed with a different key.
    public func contains(article: String, paragraph: Int, key: KeyHash) throws -> Bool {
        guard let listed = keys[KeyEmitter.column(article)]?[paragraph] else { return false }
        guard listed.key == key else {
            throw QingxiError.badData(file: name, line: listed.line, message:
                "article \(article) ¶\(paragraph) is listed with key \(listed.key.hex) but its key is \(key.hex); "
                + "were both passes run on the same input with the same options?")
        }
        return true
    }
}
