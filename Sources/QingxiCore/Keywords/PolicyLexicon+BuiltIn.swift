extension PolicyLexicon {
    /// The shipped lexicon: `corpus/lexicon/policy-terms.txt` and `corpus/lexicon/media-outlets.txt`, embedded
    /// in the binary by `scripts/embed-data`, so that `qingxi keywords` works from any directory.
    public static func builtIn(view: MatchingView) throws -> PolicyLexicon {
        var lexicon = PolicyLexicon(view: view)
        if let text = EmbeddedData.files["lexicon/policy-terms.txt"] {
            try lexicon.loadTerms(text: text, name: "corpus/lexicon/policy-terms.txt")
        }
        if let text = EmbeddedData.files["lexicon/media-outlets.txt"] {
            try lexicon.loadOutlets(text: text, name: "corpus/lexicon/media-outlets.txt")
        }
        return lexicon
    }
}
