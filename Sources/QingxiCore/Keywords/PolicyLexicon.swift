/// The policy terms the keyword stage knows by name, and the media outlets whose names in 《》 are not
/// documents. Terms are matched by longest match on the matching view (simplified, width folded), so a term
/// written in either script matches text in either script.
///
/// File formats (UTF-8, `#` comments and blank lines skipped, errors name `file:line`):
/// - terms: `term<TAB>category`, e.g. `河长制	ecology`; a term appearing twice keeps its first category;
/// - outlets: one outlet name per line, e.g. `人民日报`.
public struct PolicyLexicon {
    /// The category of entries that are names but not policies (a field of work, a market, a goal): matched,
    /// so that nothing inside them is taken for a term, and never reported.
    public static let genericCategory = "generic"

    /// The terms in load order, as written in their files, with their categories.
    public private(set) var entries: [(term: String, category: String)] = []
    /// Outlet names, in the matching view.
    public private(set) var outlets: Set<String> = []
    /// Keys: folded terms; values: index into `entries`.
    private(set) var trie = ScalarTrie()
    /// Per entry: its folded term (its key in `trie`), kept so that users of the lexicon do not fold again.
    private(set) var keys: [[UInt32]] = []
    let view: MatchingView

    /// An empty lexicon that will fold the terms added to it with `view`.
    public init(view: MatchingView) {
        self.view = view
    }

    /// A lexicon of the given terms and outlets (for tests and callers with their own sources).
    public init(terms: [(term: String, category: String)], outlets: [String] = [], view: MatchingView) {
        self.view = view
        for entry in terms { add(term: entry.term, category: entry.category) }
        for outlet in outlets { self.outlets.insert(view.folded(outlet)) }
    }

    /// Loads term files then outlet files, in order.
    public static func load(termFiles: [String], outletFiles: [String], view: MatchingView) throws -> PolicyLexicon {
        var lexicon = PolicyLexicon(view: view)
        for file in termFiles { try lexicon.loadTerms(file: file) }
        for file in outletFiles { try lexicon.loadOutlets(file: file) }
        return lexicon
    }

    /// Adds the terms of a `term<TAB>category` file.
    public mutating func loadTerms(file: String) throws {
        try DataFile.lines(ofFile: file) { line, _ in try addTermLine(line) }
    }

    /// Adds the terms of `term<TAB>category` text (`name` is used in error messages).
    public mutating func loadTerms(text: String, name: String) throws {
        try DataFile.lines(of: text, name: name) { line, _ in try addTermLine(line) }
    }

    /// Adds the outlets of a one-name-per-line file.
    public mutating func loadOutlets(file: String) throws {
        try DataFile.lines(ofFile: file) { line, _ in try addOutletLine(line) }
    }

    /// Adds the outlets of one-name-per-line text (`name` is used in error messages).
    public mutating func loadOutlets(text: String, name: String) throws {
        try DataFile.lines(of: text, name: name) { line, _ in try addOutletLine(line) }
    }

    /// How many distinct terms (after folding) the lexicon holds.
    public var count: Int { trie.count }

    /// True when `other` holds the same terms (folded alike), categories and outlets: term finders built on
    /// the two find the same candidates.
    func hasSameContents(as other: PolicyLexicon) -> Bool {
        keys == other.keys && outlets == other.outlets && entries.elementsEqual(other.entries, by: { $0 == $1 })
    }

    /// The category of `term` (any script), if the lexicon holds it.
    public func category(of term: String) -> String? {
        guard let index = trie.value(of: view.folded(term).unicodeScalars.map(\.value)) else { return nil }
        return entries[Int(index)].category
    }

    /// True when `name` (any script) is a listed outlet.
    public func isOutlet(_ name: String) -> Bool {
        outlets.contains(view.folded(name))
    }

    private mutating func addTermLine(_ line: Substring) throws {
        let tabs = line.utf8.lazy.filter { $0 == 0x09 }.count
        guard tabs == 1, let tab = line.utf8.firstIndex(of: 0x09) else {
            throw DataFileLineError("expected term<TAB>category, found \(tabs + 1) field(s)")
        }
        let term = line[..<tab].trimmingSpaces, category = line[line.utf8.index(after: tab)...].trimmingSpaces
        guard !category.isEmpty else { throw DataFileLineError("empty category for \"\(term)\"") }
        try Self.validate(term: term)
        add(term: term, category: category)
    }

    private mutating func addOutletLine(_ line: Substring) throws {
        let name = line.trimmingSpaces
        guard !name.contains("\t") else { throw DataFileLineError("expected one outlet name, found a tab") }
        guard name.unicodeScalars.count >= 2 else { throw DataFileLineError("outlet name shorter than 2 characters") }
        outlets.insert(view.folded(name))
    }

    private static func validate(term: String) throws {
        guard !term.isEmpty else { throw DataFileLineError("empty term") }
        guard term.unicodeScalars.count >= 2 else { throw DataFileLineError("term \"\(term)\" is shorter than 2 characters") }
        guard term.unicodeScalars.count <= 40 else { throw DataFileLineError("term longer than 40 characters") }
        // Every white-space scalar is at most U+3000: Han skips the property lookup (a third of start-up).
        guard !term.unicodeScalars.contains(where: { $0.value <= 0x3000 && $0.properties.isWhitespace }) else {
            throw DataFileLineError("term \"\(term)\" contains white space")
        }
    }

    private mutating func add(term: String, category: String) {
        let key = view.folded(term).unicodeScalars.map(\.value)
        let before = trie.count
        trie.insert(key, value: Int32(entries.count))
        if trie.count > before {
            entries.append((term, category))
            keys.append(key)
        }
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let utf8 = self.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { start = utf8.index(after: start) }
        while end > start, utf8[utf8.index(before: end)] == 0x20 || utf8[utf8.index(before: end)] == 0x09 {
            end = utf8.index(before: end)
        }
        return String(self[start..<end])
    }
}
