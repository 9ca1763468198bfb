/// Dedup keeps memory across articles when it remembers paragraph keys of earlier articles (`--scope stream`:
/// exact set or Bloom filter) or their MinHash signatures (`--near-articles`): then batch runs it as one
/// instance over all articles in input order, so "keep the first" means the first in input order. In article
/// scope, or with a drop list (a fixed list from `--emit-keys`), each worker may have its own copy.
extension ParagraphDeduplicator: CrossArticleStage {
    public var carriesStateAcrossArticles: Bool {
        seenExact != nil || seenBloom != nil || lsh != nil
    }
}
