/// Short lines that repeat: removed only inside a run of repeated paragraphs.
///
/// A short line (`ParagraphShape.short`) that repeats exactly means something different in each place: the
/// attribution "——姓名" after each of several quotations, a section heading used twice, 此外. It is removed only
/// when a neighbour says it belongs to a block printed twice: the nearest non-blank paragraph before it or
/// after it is itself removed as a copy (exact or near) of the corresponding neighbour of the line's first
/// occurrence. Neighbours are counted among non-blank paragraphs (`ordinal`), so the blank lines around a
/// repeated block do not matter.
///
/// The evidence after the line is not known yet when it arrives, so the line is held, with the blank lines
/// after it, until the next non-blank paragraph is judged. Consecutive short repeats of consecutive earlier
/// lines (a caption, then a heading) are held together and go or stay together. At the end of an article,
/// whatever is still held is kept.
extension ParagraphDeduplicator {
    /// A paragraph kept in this article, as the exact and near tests remember it.
    struct KeptParagraph {
        var number: Int
        /// Position among the article's non-blank paragraphs.
        var ordinal: Int
        var shape: ParagraphShape
    }

    /// A paragraph held back: a short repeat of `original`, or (when `original` is nil) a blank one after it.
    struct PendingParagraph {
        var paragraph: Paragraph
        var original: KeptParagraph?
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

    /// A blank (or empty-key) paragraph passes, or waits behind held ones so that the order survives.
    func passOrHold(_ paragraph: Paragraph, _ emit: (Paragraph) throws -> Void) throws {
        if pending.isEmpty { return try pass(paragraph, emit) }
        pending.append(PendingParagraph(paragraph: paragraph, original: nil))
    }

    /// Decides the held short repeats, given the verdict on the next non-blank paragraph (nil at the end of the
    /// article): removed when it copies the paragraph after the last held one's original, kept otherwise. A
    /// short repeat that continues the held chain (its original follows the last held one's) joins it instead.
    func settlePending(before verdict: Verdict?, _ article: Article, _ emit: (Paragraph) throws -> Void) throws {
        guard let last = pending.last(where: { $0.original != nil })?.original else { return }
        var removeHeld = false
        switch verdict {
        case .copy(let original, _):
            removeHeld = original.ordinal == last.ordinal + 1
        case .shortRepeat(let original):
            if original.ordinal == last.ordinal + 1 { return }
        default:
            break
        }
        let held = pending
        pending.removeAll(keepingCapacity: true)
        for item in held {
            if removeHeld, let original = item.original {
                article.recordRemoval(item.paragraph, stage: name, reason: "duplicate of ¶\(original.number)")
            } else {
                try pass(item.paragraph, emit)
            }
        }
    }
}
