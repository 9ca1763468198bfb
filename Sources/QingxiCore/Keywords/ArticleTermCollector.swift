/// Collects the candidate terms of one article as its paragraphs stream by, and weighs each occurrence by
/// position: the title counts `titleWeight`, the lead (the first `leadLength` characters of the body)
/// `leadWeight`, the rest 1. Shared by the keyword stage and the document-frequency counter so that both see
/// the same terms.
///
/// The title is the JSONL `title` field; plain text has none, so a short first paragraph that does not end
/// like a sentence (≤ 40 characters, no 。！？) is taken as the title.
final class ArticleTermCollector {
    static let titleWeight = 2.5
    static let leadWeight = 1.5
    static let leadLength = 250
    static let titleLength = 40

    let finder: TermCandidateFinder
    let view: MatchingView
    private(set) var candidates: [TermCandidate] = []
    private var paragraphs = 0
    private var bodySeen = 0
    private var hasTitle = false
    /// Abbreviations the article has defined so far (see `TermCandidateFinder.abbreviations`).
    private var aliases: [TermCandidate] = []

    init(finder: TermCandidateFinder, view: MatchingView) {
        self.finder = finder
        self.view = view
    }

    /// Starts a new article (and reads its title, if it has one).
    func begin(_ article: Article) throws {
        finder.forgetRecorded()
        candidates = []
        paragraphs = 0
        bodySeen = 0
        hasTitle = false
        aliases = []
        if let title = article.title, !title.allSatisfy(\.isWhitespace) {
            hasTitle = true
            try collect(ViewText(title, view: view), index: -1) { _ in Self.titleWeight }
        }
    }

    /// Reads one paragraph (blank ones are skipped).
    func add(_ paragraph: Paragraph) throws {
        defer { paragraphs += 1 }
        guard !paragraph.isBlank else { return }
        let text = ViewText(paragraph, view: view)
        if !hasTitle && bodySeen == 0 && Self.looksLikeTitle(text.scalars) {
            hasTitle = true
            return try collect(text, index: paragraphs) { _ in Self.titleWeight }
        }
        let offset = bodySeen
        bodySeen += text.count
        try collect(text, index: paragraphs) { offset + $0 < Self.leadLength ? Self.leadWeight : 1 }
    }

    private func collect(_ text: ViewText, index: Int, weight: (Int) -> Double) throws {
        var found = try finder.candidates(in: text, paragraph: index)
        for candidate in found where candidate.alias != nil && !aliases.contains(where: { $0.term == candidate.term }) {
            aliases.append(candidate)
        }
        if !aliases.isEmpty {
            for alias in aliases {
                // Found by another route too (an abbreviation in the lexicon): still a mention of the full term.
                for i in found.indices where found[i].alias == nil && found[i].term == alias.term { found[i].alias = alias.alias }
            }
            found += laterMentions(in: text, index: index, besides: found)
        }
        for var candidate in found {
            candidate.weight = weight(candidate.range.lowerBound)
            candidates.append(candidate)
        }
    }

    /// Mentions of the abbreviations the article defined earlier (雄安高新区 after 河北雄安高新技术产业开发区（以下简称
    /// 雄安高新区）), outside the candidates already found in the paragraph. Only articles that define one pay
    /// for the search.
    private func laterMentions(in text: ViewText, index: Int, besides found: [TermCandidate]) -> [TermCandidate] {
        let s = text.scalars
        var mentions: [TermCandidate] = []
        for alias in aliases {
            let key = alias.term.unicodeScalars.map(\.value)
            var i = 0
            while i + key.count <= s.count {
                guard s[i] == key[0], s[i..<(i + key.count)].elementsEqual(key) else { i += 1; continue }
                let range = i..<(i + key.count)
                if !found.contains(where: { $0.range.overlaps(range) }) {
                    var mention = alias
                    mention.paragraph = index
                    mention.range = range
                    mention.surface = text.surface(range, sameAs: alias.term)
                    mentions.append(mention)
                }
                i += key.count
            }
        }
        return mentions
    }

    static func looksLikeTitle(_ s: [UInt32]) -> Bool {
        let enders: Set<UInt32> = [0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F] // 。！？!?
        return s.count <= titleLength && !s.contains(where: enders.contains)
    }
}
