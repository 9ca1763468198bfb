/// Short lines that repeat: removed only inside a run of repeated paragraphs.
///
/// A short line (`ParagraphShape.short`) that repeats exactly means something different in each place: the
/// attribution "——姓名" after each of several quotations, a section heading used twice, 此外. It is removed only
/// when it belongs to a block printed twice: a **run** of at least `runCopies` consecutive non-blank paragraphs
/// removed as copies (exact or near) of consecutive paragraphs, each copying the paragraph after the one the
/// previous copied, and the line continues that run, before or after it (its first occurrence sits right after
/// the last paragraph the run copied, or right before the first). Short lines inside a run are carried by it but
/// do not count towards `runCopies`, so "a heading and one paragraph" repeated is not evidence enough: when
/// unsure, keep. Neighbours are counted among non-blank paragraphs (`ordinal`), so blank lines do not matter.
///
/// The evidence after the line is not known when it arrives, so the line is held, with the blank lines and the
/// copies after it (copies are removed whatever happens, and are only held to keep the removals in order), until
/// the run reaches `runCopies` copies (the held lines go) or breaks (they stay). Whatever is still held at the
/// end of an article stays.
extension ParagraphDeduplicator {
    static let runCopies = 2

    /// A paragraph kept in this article, as the exact and near tests remember it.
    struct KeptParagraph {
        var number: Int
        /// Position among the article's non-blank paragraphs.
        var ordinal: Int
        var shape: ParagraphShape
    }

    /// A held paragraph: a short repeat of `original`, a copy removed with `reason`, or a blank one (neither).
    struct PendingParagraph {
        var paragraph: Paragraph
        var original: KeptParagraph?
        var reason: String?
    }

    /// The decision on one non-blank paragraph, before it is recorded.
    enum Verdict {
        /// Removed as a repeat of `original` with this reason.
        case copy(KeptParagraph, String)
        /// A short line repeating `original`: held until its neighbours decide.
        case shortRepeat(KeptParagraph)
        /// Removed as seen in an earlier article (stream scope or drop list).
        case seenElsewhere(String)
        case kept(ParagraphShape)
    }

    /// Counts a removed copy of `original` into the run of aligned copies that ends here.
    func noteCopy(of original: KeptParagraph) {
        previousRun = previousCopyOf == original.ordinal - 1 ? previousRun + 1 : 1
        previousCopyOf = original.ordinal
    }

    /// Holds a short repeat that may open a run; the run so far is empty.
    func startPending(_ paragraph: Paragraph, _ original: KeptParagraph) {
        pending.append(PendingParagraph(paragraph: paragraph, original: original))
        (previousCopyOf, previousRun) = (original.ordinal, 0)
    }

    /// A blank (or empty-key) paragraph passes, or waits behind held ones so that the order survives.
    func passOrHold(_ paragraph: Paragraph, _ emit: (Paragraph) throws -> Void) throws {
        if pending.isEmpty { return try pass(paragraph, emit) }
        pending.append(PendingParagraph(paragraph: paragraph))
    }

    /// With short repeats held: a copy or a short repeat that continues the run joins them (true: nothing more
    /// to do), and a run of `runCopies` copies removes them; anything else keeps them, and the caller goes on.
    func holdInRun(_ paragraph: Paragraph, _ verdict: Verdict, _ article: Article, _ emit: (Paragraph) throws -> Void) throws -> Bool {
        guard !pending.isEmpty else { return false }
        switch verdict {
        case .copy(let original, let reason) where previousCopyOf == original.ordinal - 1:
            noteCopy(of: original)
            pending.append(PendingParagraph(paragraph: paragraph, reason: reason))
            if previousRun >= Self.runCopies { try settlePending(removing: true, article, emit) }
            return true
        case .shortRepeat(let original) where previousCopyOf == original.ordinal - 1:
            pending.append(PendingParagraph(paragraph: paragraph, original: original))
            previousCopyOf = original.ordinal
            return true
        default:
            try settlePending(removing: false, article, emit)
            return false
        }
    }

    /// Releases the held paragraphs in order: copies are recorded as removed, short repeats removed when
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
