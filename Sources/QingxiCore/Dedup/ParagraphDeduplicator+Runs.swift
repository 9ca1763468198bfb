/// Short lines and numbered clauses that repeat: removed only inside a run of repeated paragraphs.
///
/// A short line (`ParagraphShape.short`) that repeats exactly means something different in each place: the
/// attribution "——姓名" after each of several quotations, a section heading used twice, 此外. So does a numbered
/// clause: the same condition listed for two kinds of applicants applies to each. Such a repeat is removed only
/// when it belongs to a block printed twice: a **run** of consecutive non-blank paragraphs that repeat
/// consecutive earlier ones in the same order (each copies the paragraph after the one the previous copied), and
/// the line continues that run, before or after it. A run is evidence when it holds at least `RepeatRun.copies`
/// body copies (exact or near copies of body paragraphs, or repeats of numbered clauses: two clauses repeated in
/// order are a copied list, not a coincidence), or at least `RepeatRun.lines` lines of any shape (a table or a
/// list of short lines printed twice): "a heading and one paragraph" repeated is not evidence enough, when unsure,
/// keep. Neighbours are counted among non-blank paragraphs (`ordinal`), so blank lines do not matter.
///
/// The evidence after the line is not known when it arrives, so the line is held, with the blank lines and the
/// copies after it (copies are removed whatever happens, and are only held to keep the removals in order), until
/// the run becomes evidence (the held lines go) or breaks (they stay). Whatever is still held at the end of an
/// article stays.
extension ParagraphDeduplicator {
    /// The run of repeats that ends at the last non-blank paragraph.
    struct RepeatRun {
        static let copies = 2
        static let lines = 4
        /// Ordinal of the paragraph the last line of the run repeats; nil when the last paragraph was no repeat.
        var lastOriginal: Int?
        /// Body copies in the run, and all its lines.
        var bodyCopies = 0
        var length = 0

        var isEvidence: Bool { bodyCopies >= Self.copies || length >= Self.lines }

        /// Whether a repeat of `original` continues the run (repeats the paragraph after the last one repeated).
        func continues(with original: KeptParagraph) -> Bool { lastOriginal == original.ordinal - 1 }

        /// Adds a repeat of `original` (a body copy or a short line), or starts a new run with it.
        mutating func add(_ original: KeptParagraph, isBody: Bool) {
            if !continues(with: original) { (bodyCopies, length) = (0, 0) }
            (lastOriginal, length) = (original.ordinal, length + 1)
            if isBody { bodyCopies += 1 }
        }
    }

    /// A paragraph kept in this article, as the exact and near tests remember it.
    struct KeptParagraph {
        var number: Int
        /// Position among the article's non-blank paragraphs.
        var ordinal: Int
        var shape: ParagraphShape
    }

    /// A held paragraph: a repeat of `original` waiting for its run, a copy removed with `reason`, or a blank one
    /// (neither).
    struct PendingParagraph {
        var paragraph: Paragraph
        var original: KeptParagraph?
        var reason: String?
    }

    /// The decision on one non-blank paragraph, before it is recorded.
    enum Verdict {
        /// Removed as a repeat of `original` with this reason.
        case copy(KeptParagraph, String)
        /// A short line or a numbered clause repeating `original`: held until its neighbours decide.
        case heldRepeat(KeptParagraph)
        /// Removed as seen in an earlier article (stream scope or drop list).
        case seenElsewhere(String)
        case kept(ParagraphShape)
    }

    /// Counts a removed copy of `original` into the run that ends here.
    func noteCopy(of original: KeptParagraph) {
        run.add(original, isBody: original.shape != .short)
    }

    /// Holds a repeat that may open a run.
    func startPending(_ paragraph: Paragraph, _ original: KeptParagraph) {
        pending.append(PendingParagraph(paragraph: paragraph, original: original))
        run = RepeatRun()
        run.add(original, isBody: original.shape != .short)
    }

    /// A blank (or empty-key) paragraph passes, or waits behind held ones so that the order survives.
    func passOrHold(_ paragraph: Paragraph, _ emit: (Paragraph) throws -> Void) throws {
        if pending.isEmpty { return try pass(paragraph, emit) }
        pending.append(PendingParagraph(paragraph: paragraph))
    }

    /// With repeats held: a copy or a held repeat that continues the run joins them (true: nothing more
    /// to do), and once the run is evidence they go; anything else keeps them, and the caller goes on.
    func holdInRun(_ paragraph: Paragraph, _ verdict: Verdict, _ article: Article, _ emit: (Paragraph) throws -> Void) throws -> Bool {
        guard !pending.isEmpty else { return false }
        switch verdict {
        case .copy(let original, let reason) where run.continues(with: original):
            noteCopy(of: original)
            pending.append(PendingParagraph(paragraph: paragraph, reason: reason))
        case .heldRepeat(let original) where run.continues(with: original):
            run.add(original, isBody: original.shape != .short)
            pending.append(PendingParagraph(paragraph: paragraph, original: original))
        default:
            try settlePending(removing: false, article, emit)
            return false
        }
        if run.isEvidence { try settlePending(removing: true, article, emit) }
        return true
    }

    /// Releases the held paragraphs in order: copies are recorded as removed, held repeats removed when
    /// `removing` (as `duplicate of ¶n`) and passed on otherwise, blank ones passed on.
    func settlePending(removing: Bool, _ article: Article, _ emit: (Paragraph) throws -> Void) throws {
        let held = pending
        pending.removeAll(keepingCapacity: true)
        for item in held {
            if let reason = item.reason {
                article.recordRemoval(item.paragraph, stage: name, reason: reason)
            } else if removing, let original = item.original {
                article.recordRemoval(item.paragraph, stage: name, reason: "duplicate of ¶\(original.number)")
            } else {
                try pass(item.paragraph, emit)
            }
        }
    }
}
