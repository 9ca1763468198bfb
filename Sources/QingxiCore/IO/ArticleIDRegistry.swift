/// What to do with an article whose id an earlier article of the run already has, where ids must be unique
/// (`--emit-keys`, `--drop`, `index`, `--format es-bulk`): a repeated id makes `--drop` remove paragraphs of
/// both articles and makes a search index keep only one of them.
public enum DuplicateIDPolicy: String, Sendable, CaseIterable {
    /// Stop with exit 1 naming both places (the default).
    case fail
    /// Keep the first article with the id; skip the later ones (each warned about and counted).
    case keepFirst = "keep-first"
    /// Give the later article the id `ID#2` (`#3`, … the first one not taken), the same in every run over the
    /// same input, so that the two passes of `--emit-keys` / `--drop` agree.
    case rename
}

/// The ids a run has seen and where, to find repeats. Memory: one 128-bit hash and a place per article (about
/// 50 bytes), not the ids themselves; two different ids colliding in 128 bits is not a practical concern.
struct ArticleIDRegistry {
    struct Place {
        var input: Int32
        var line: Int
    }

    private var seen: [KeyHash: Place] = [:]

    /// What `claim` decided for an article.
    enum Outcome: Equatable {
        /// The id is new: use it.
        case use(String)
        /// Under `rename`: use this new id; `first` is where the id was first seen.
        case renamed(String, firstInput: Int, firstLine: Int)
        /// Under `keepFirst`: skip the article; `first` is where the id was first seen.
        case skip(firstInput: Int, firstLine: Int)
    }

    /// Claims `id` for the article at `place`; throws under `fail` when it is taken. `name` gives an input's
    /// display name for messages.
    mutating func claim(_ id: String, at place: Place, policy: DuplicateIDPolicy, purpose: String,
                        remedy: String = "fix the input, or choose --on-duplicate-id keep-first|rename",
                        name: (Int) -> String) throws -> Outcome {
        let hash = Self.hash(id)
        guard let first = seen[hash] else {
            seen[hash] = place
            return .use(id)
        }
        switch policy {
        case .fail:
            throw QingxiError.badData(file: name(Int(place.input)), line: place.line, message:
                "id \"\(id)\" repeats the article at \(name(Int(first.input))):\(first.line); \(purpose) needs unique ids "
                + "(a repeated id would \(purpose == "--drop" || purpose == "--emit-keys" ? "drop paragraphs of both articles" : "keep only one article")): "
                + remedy)
        case .keepFirst:
            return .skip(firstInput: Int(first.input), firstLine: first.line)
        case .rename:
            var n = 2
            while seen[Self.hash("\(id)#\(n)")] != nil { n += 1 }
            let renamed = "\(id)#\(n)"
            seen[Self.hash(renamed)] = place
            return .renamed(renamed, firstInput: Int(first.input), firstLine: first.line)
        }
    }

    static func hash(_ id: String) -> KeyHash {
        KeyHash(scalars: id.unicodeScalars.map(\.value))
    }
}
