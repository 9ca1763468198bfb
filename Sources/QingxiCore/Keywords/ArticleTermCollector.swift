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
        for var candidate in try finder.candidates(in: text, paragraph: index) {
            candidate.weight = weight(candidate.range.lowerBound)
            candidates.append(candidate)
        }
    }

    static func looksLikeTitle(_ s: [UInt32]) -> Bool {
        let enders: Set<UInt32> = [0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F] // 。！？!?
        return s.count <= titleLength && !s.contains(where: enders.contains)
    }
}
