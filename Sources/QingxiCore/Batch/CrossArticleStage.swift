/// A stage whose decision about an article may depend on the articles it saw before: dedup with
/// `--scope stream` (a set of paragraph keys seen so far), near-duplicate articles, statistics over an archive.
///
/// `qingxi batch` runs such a stage as ONE instance that sees every article in input order (an ordered step of
/// `BatchScheduler`), so that "keep the first in input order" holds across all inputs whatever `--jobs` is;
/// every other stage is copied per worker and runs in parallel. A stage that carries state across articles but
/// does not declare it here would make batch output depend on `--jobs`.
public protocol CrossArticleStage: Stage {
    /// True when this instance, as configured, carries state from one article to the next (dedup in article
    /// scope does not, in stream scope does).
    var carriesStateAcrossArticles: Bool { get }
}

extension Stage {
    /// Whether batch must run this stage in input order on one instance (see `CrossArticleStage`).
    var needsInputOrder: Bool {
        (self as? CrossArticleStage)?.carriesStateAcrossArticles ?? false
    }
}
