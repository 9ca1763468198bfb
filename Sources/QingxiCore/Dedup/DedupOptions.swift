#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `ParagraphDeduplicator` removes and how much it remembers: the options of `qingxi dedup`.
public struct DedupOptions: Sendable {
    public enum Scope: String, Sendable, CaseIterable {
        /// Duplicates inside one article only; nothing is remembered between articles.
        case article
        /// Also paragraphs seen in any earlier article of the stream.
        case stream
    }

    /// What happens to a whole article found to nearly repeat an earlier one (`--near-articles`).
    public enum NearArticleAction: String, Sendable {
        /// Every paragraph is removed (plain-text output). The stage holds the article until its end.
        case drop
        /// The article passes and gets the annotation `duplicate_of` (JSONL output); nothing is held back.
        case mark
    }

    public var scope: Scope = .article
    /// In-article near-duplicate threshold: the share of the kept paragraph's key that a later one repeats, in
    /// order (`KeyAlignment.similarity`); nil turns the test off.
    public var near: Double? = 0.9
    /// A near-duplicate adds at most this many key characters of its own to the kept paragraph that covers it.
    public var nearMaxAdded = 5
    /// Keys shorter than this (in key characters) are never removed as seen in another article.
    public var minChars = 10
    /// Map every digit to 0 in keys (template hunting); off by default: figures and dates make news differ.
    public var foldDigits = false
    /// `--bloom RATE`: remember stream keys in a fixed-size Bloom filter with this false-positive rate.
    public var bloomRate: Double?
    /// Distinct paragraphs expected in the stream (sizes the Bloom filter; presizes the exact set).
    public var expected: Int?
    /// Near-duplicate article threshold (estimated Jaccard of character 5-grams); nil turns the test off.
    public var nearArticles: Double?
    /// nil: drop when the run writes plain text, mark when it writes JSONL (`Article.outputFormat`).
    public var nearArticleAction: NearArticleAction?
    /// In `.drop` mode, an article longer than this is not held back: it passes, is only annotated, and its
    /// paragraphs stay. Bounds the memory that holding articles costs.
    public var maxHeldBytes = 32 << 20

    /// Bloom filter size when `--bloom` is given without `--expected`.
    public static let defaultBloomExpected = 10_000_000

    public init() {}

    /// The shortest key removed as an in-article exact duplicate: 2 characters (a lone digit or character
    /// repeated is left alone), or less when `minChars` is lower, so that everything the stream memory
    /// removes is also caught inside one article.
    public var articleMinChars: Int { min(2, max(1, minChars)) }

    /// Rejects values that make no sense, with the option's name.
    public func validate() throws {
        for (name, value) in [("--near", near), ("--near-articles", nearArticles)] {
            if let value, !(value > 0 && value <= 1) { throw QingxiError.usage("\(name) must be in (0, 1], got \(value)") }
        }
        if let rate = bloomRate, !(rate > 0 && rate < 1) { throw QingxiError.usage("--bloom must be in (0, 1), got \(rate)") }
        if let expected, expected < 1 { throw QingxiError.usage("--expected must be positive, got \(expected)") }
        if let expected { try Self.checkMemory(expected: expected, bloomRate: bloomRate) }
        if nearMaxAdded < 0 { throw QingxiError.usage("near-duplicates must add at least 0 characters, got \(nearMaxAdded)") }
        if minChars < 1 { throw QingxiError.usage("--min-chars must be at least 1, got \(minChars)") }
    }

    /// `--expected` sizes a table up front: refuse a size this machine cannot hold (usage error) instead of
    /// failing the allocation (SIGABRT, or SIGILL on an overflowing size).
    static func checkMemory(expected: Int, bloomRate: Double?) throws {
        let what = bloomRate == nil ? "the exact set" : "the Bloom filter"
        let bytes: Double = bloomRate.map { Double(expected) * -log($0) / (log(2.0) * log(2.0)) / 8 }
            ?? Double(expected) * 16  // FingerprintSet: 12-byte slots at 75–90% load
        let physical = Double(sysconf(Int32(_SC_PHYS_PAGES))) * Double(sysconf(Int32(_SC_PAGESIZE)))
        if bytes > physical {
            throw QingxiError.usage("--expected \(expected) needs about \(Int((bytes / 1e9).rounded(.up))) GB for \(what), more "
                                    + "than this machine's \(Int((physical / 1e9).rounded())) GB of memory")
        }
    }
}
