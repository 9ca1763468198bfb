/// Near-duplicate articles across the stream (`--near-articles`), decided when an article ends.
///
/// The article's sketch covers the paragraphs that were kept or removed as seen in another article (not
/// in-article repeats, which add nothing), so a syndicated copy whose paragraphs were mostly removed as seen
/// still looks like its original. A duplicate article is removed whole in `.drop` mode — every paragraph,
/// blank ones included, is recorded with `near-duplicate article of X (0.87)` — or annotated
/// `duplicate_of: {"article": X, "similarity": 0.87}` in `.mark` mode (and in `.drop` mode when the article
/// was too long to hold). A duplicate is neither indexed nor added to the stream memory, so that a paragraph
/// only it carried is kept when it appears again later. Articles with fewer than `minimumGrams` 5-grams are
/// not judged.
extension ParagraphDeduplicator {
    static let minimumArticleGrams = 20

    /// Decides whether the ended article nearly repeats an earlier one, and acts on it; true if it does.
    func judgeArticle(_ article: Article, emit: (Paragraph) throws -> Void) throws -> Bool {
        guard lsh != nil else { return false }
        guard sketch.gramCount >= Self.minimumArticleGrams, let signature = sketch.signature() else { return false }
        guard let match = lsh!.query(signature) else {
            lsh!.insert(signature, owner: registry.register(article.id))
            return false
        }
        let original = registry.id(match.owner)
        let similarity = Self.twoDecimals(match.similarity)
        if holding {
            for paragraph in held {
                article.recordRemoval(paragraph, stage: name, reason: "near-duplicate article of \(original) (\(similarity))")
            }
            held.removeAll(keepingCapacity: true)
            sortOwnRemovals(article)
        } else {
            article.annotate("duplicate_of", .object([
                ("article", .string(original)), ("similarity", .double(Double(similarity) ?? match.similarity)),
            ]))
        }
        return true
    }

    /// Puts this stage's removals of the article in paragraph order (held paragraphs are recorded at the end).
    private func sortOwnRemovals(_ article: Article) {
        guard removalsStart < article.removed.count else { return }
        let own = article.removed[removalsStart...].enumerated().sorted {
            ($0.element.paragraph, $0.offset) < ($1.element.paragraph, $1.offset)
        }
        article.removed.replaceSubrange(removalsStart..., with: own.map(\.element))
    }
}
