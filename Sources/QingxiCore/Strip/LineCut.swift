/// A span a `cut` rule took off a line (see `ArticleLines.cut`): plain values, so that lines stay cheap to copy.
struct LineCut {
    /// The span removed, in scalar offsets of the paragraph's original text.
    var span: Range<Int>
    /// The hit of the cutting rule, in `ArticleLines.hits`.
    var hit: Int
    /// The matching view the hit was found on (its index in `ArticleLines`), and the scalars of the original
    /// text that view was computed from: the line as it stood before this cut.
    var view: Int
    var text: Range<Int>
}
