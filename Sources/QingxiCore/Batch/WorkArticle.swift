/// An article as read, before decoding: a whole text file, or one JSONL line.
struct RawArticle {
    var bytes: [UInt8]
    /// The JSONL line (1 for a text file).
    var line: Int
}

/// What a worker made of one article: the article and its paragraphs after the stages run so far.
struct WorkArticle {
    var article: Article
    var paragraphs: [Paragraph]
    var record: JSONRecord?
}
