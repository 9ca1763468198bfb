/// The `dedup` stage: removes paragraphs that repeat earlier text, keeping the first occurrence always.
///
/// Contract:
/// - Matching is on `ParagraphKey` (simplified script, width-folded, punctuation and space dropped, case
///   folded, digits kept unless `foldDigits`); the output is always the original paragraph.
/// - Blank paragraphs and paragraphs with an empty key pass untouched.
/// - When unsure, keep: a removed body paragraph is lost to the reader, a kept repeat costs a glance.
/// - Inside an article (every scope): an exact repeat of a kept paragraph is removed as `duplicate of ¶3`,
///   except that a short line (`ParagraphShape.short`: a heading, a caption, an attribution) or a numbered clause
///   that repeats is removed only inside a run of repeated paragraphs (`ParagraphDeduplicator+Runs.swift`). A body paragraph
///   that a kept body paragraph covers (`--near`, see `NearParagraphIndex`: it adds at most `nearMaxAdded`
///   characters) is removed as `near-duplicate of ¶5, adds 2 chars`; numbered clauses and short lines never are.
/// - `--scope stream`: a paragraph of at least `minChars` key characters seen in an earlier article is removed
///   as `seen in article X` (exact set) or `seen in an earlier article` (Bloom filter). With a `DropList`
///   the listed occurrences are removed instead (`listed in FILE`).
/// - `--near-articles`: a whole article that nearly repeats an earlier one is removed
///   (`near-duplicate article of X (0.87)`) or marked with the annotation `duplicate_of`; see
///   `ParagraphDeduplicator+Articles.swift`.
/// - Holds back: a short line that repeats an earlier one, and the blank lines after it, until the next
///   paragraph says whether it sits in a repeated run; in `--near-articles` drop mode, each article until its
///   end (up to `maxHeldBytes`).
/// - Deterministic, and idempotent: decisions compare only with paragraphs that were kept. Exception: with
///   stream scope and `--near-articles`, article sketches include paragraphs removed as seen elsewhere, which a
///   second run does not see, so its near-article verdicts can differ (docs/dedup.md).
public final class ParagraphDeduplicator: Stage {
    public let name = "dedup"
    public let options: DedupOptions
    let keyMaker: ParagraphKeyMaker
    let dropList: DropList?

    // Stream memory (at most one of the three).
    var seenExact: FingerprintSet?
    var seenBloom: BloomFilter?
    var registry = ArticleRegistry()
    var lsh: MinHashLSH?

    // Per-article state.
    var articleKeys: [UInt64: KeptParagraph] = [:]
    var nearIndex = NearParagraphIndex()
    var nearKept: [KeptParagraph] = []
    var ordinal = 0
    var run = RepeatRun()
    var pending: [PendingParagraph] = []
    var pendingKeys: [KeyHash] = []
    var sketch = MinHashSketch()
    var held: [Paragraph] = []
    var heldBytes = 0
    var holding = false
    var removalsStart = 0

    /// `fold` turns traditional script into simplified for keys (`.table(try .icuTraditionalToSimplified())`
    /// in the CLI); `dropList` replaces the stream memory by a list of occurrences to remove (the second pass
    /// after `--emit-keys`).
    public init(options: DedupOptions, fold: ParagraphKeyMaker.ScriptFold, dropList: DropList? = nil) throws {
        try options.validate()
        self.options = options
        self.keyMaker = ParagraphKeyMaker(fold, foldDigits: options.foldDigits)
        self.dropList = dropList
        if dropList == nil && options.scope == .stream {
            if let rate = options.bloomRate {
                seenBloom = BloomFilter(expected: options.expected ?? DedupOptions.defaultBloomExpected, falsePositiveRate: rate)
            } else {
                seenExact = FingerprintSet(expected: options.expected ?? 0)
            }
        }
        if let threshold = options.nearArticles { lsh = MinHashLSH(threshold: threshold) }
    }

    /// Bytes held by the stream memories (exact set or Bloom filter, article ids, LSH index).
    public var memoryBytes: Int {
        (seenExact?.bytes ?? 0) + (seenBloom?.bytes ?? 0) + registry.memoryBytes + (lsh.map { $0.count * (132 + $0.bands * 16) } ?? 0)
    }

    public func begin(_ article: Article) throws {
        articleKeys.removeAll(keepingCapacity: true)
        nearIndex.reset()
        nearKept.removeAll(keepingCapacity: true)
        (ordinal, run) = (0, RepeatRun())
        pending.removeAll(keepingCapacity: true)
        pendingKeys.removeAll(keepingCapacity: true)
        sketch.reset()
        held.removeAll(keepingCapacity: true)
        heldBytes = 0
        let action = options.nearArticleAction ?? (article.outputFormat == .text ? .drop : .mark)
        holding = lsh != nil && action == .drop
        removalsStart = article.removed.count
    }

    public func process(_ paragraph: Paragraph, of article: Article, emit: (Paragraph) throws -> Void) throws {
        // A blank paragraph has an empty key, like one of punctuation only: both pass untouched.
        let key = keyMaker.key(of: paragraph)
        if key.isEmpty { return try passOrHold(paragraph, emit) }
        ordinal += 1
        if options.scope == .stream && key.count >= options.minChars { pendingKeys.append(key.hash) }
        let verdict = try judge(paragraph, key, article)
        if try holdInRun(paragraph, verdict, article, emit) { return }
        switch verdict {
        case .copy(let original, let reason):
            noteCopy(of: original)
            article.recordRemoval(paragraph, stage: name, reason: reason)
        case .heldRepeat(let original):
            startPending(paragraph, original)
        case .seenElsewhere(let reason):
            run = RepeatRun()
            if lsh != nil { sketch.add(key: key.scalars) }
            article.recordRemoval(paragraph, stage: name, reason: reason)
        case .kept(let shape):
            run = RepeatRun()
            keep(paragraph, key, shape)
            try pass(paragraph, emit)
        }
    }

    /// What happens to a paragraph with a non-empty key (nothing is recorded yet).
    private func judge(_ paragraph: Paragraph, _ key: ParagraphKey, _ article: Article) throws -> Verdict {
        if let first = articleKeys[key.hash.low], key.count >= options.articleMinChars {
            if first.shape == .body || (run.continues(with: first) && run.isEvidence) {
                return .copy(first, "duplicate of ¶\(first.number)")
            }
            return .heldRepeat(first)
        }
        if let reason = try seenElsewhere(paragraph, key, article) { return .seenElsewhere(reason) }
        let shape = ParagraphShape.of(paragraph, keyCount: key.count)
        if shape == .body, let threshold = options.near,
           let match = nearIndex.lookUp(key.scalars, threshold: threshold, maxAdded: options.nearMaxAdded) {
            let added = match.alignment.added
            return .copy(nearKept[match.entry], "near-duplicate of ¶\(nearKept[match.entry].number), adds \(added) char\(added == 1 ? "" : "s")")
        }
        return .kept(shape)
    }

    /// Remembers a kept paragraph for the exact and near tests.
    private func keep(_ paragraph: Paragraph, _ key: ParagraphKey, _ shape: ParagraphShape) {
        if lsh != nil { sketch.add(key: key.scalars) }
        let kept = KeptParagraph(number: paragraph.number, ordinal: ordinal, shape: shape)
        if key.count >= options.articleMinChars { articleKeys[key.hash.low] = kept }
        if options.near != nil && shape == .body {
            nearIndex.addLastLookedUp()
            nearKept.append(kept)
        }
    }

    /// The reason a paragraph counts as seen in an earlier article, or nil.
    private func seenElsewhere(_ paragraph: Paragraph, _ key: ParagraphKey, _ article: Article) throws -> String? {
        if let dropList {
            return try dropList.contains(article: article.id, paragraph: paragraph.number, key: key.hash) ? "listed in \(dropList.name)" : nil
        }
        guard key.count >= options.minChars else { return nil }
        if let owner = seenExact?.owner(of: key.hash.low) { return "seen in article \(registry.id(owner))" }
        if let bloom = seenBloom, bloom.mightContain(key.hash) { return "seen in an earlier article" }
        return nil
    }

    /// Emits a kept paragraph, or holds it while the article may still turn out to be a near-duplicate.
    func pass(_ paragraph: Paragraph, _ emit: (Paragraph) throws -> Void) throws {
        guard holding else { return try emit(paragraph) }
        held.append(paragraph)
        heldBytes += paragraph.text.utf8.count + 1
        if heldBytes > options.maxHeldBytes {
            holding = false
            for p in held { try emit(p) }
            held.removeAll(keepingCapacity: false)
        }
    }

    public func end(_ article: Article, emit: (Paragraph) throws -> Void) throws {
        try settlePending(removing: false, article, emit)
        let duplicate = try judgeArticle(article, emit: emit)
        if !duplicate { rememberKeys(of: article) }
        for p in held { try emit(p) }
        held.removeAll(keepingCapacity: true)
    }

    /// Adds the article's keys to the stream memory (only for articles that stay).
    private func rememberKeys(of article: Article) {
        guard !pendingKeys.isEmpty else { return }
        if seenExact != nil {
            let owner = registry.register(article.id)
            for hash in pendingKeys { seenExact!.insert(hash.low, owner: owner) }
        } else if seenBloom != nil {
            for hash in pendingKeys { seenBloom!.insert(hash) }
        }
    }

    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100 + 1e-9).rounded(.down))
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
