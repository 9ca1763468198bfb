/// Damaged input found while reading: a truncated or corrupt compressed stream or archive, an entry that
/// inflates past its limits. The batch reader turns it into a reject naming the input and the reason; the
/// other inputs are still processed.
public struct InputDamage: Error, Equatable, CustomStringConvertible {
    public var message: String
    /// The damage is in the archive around an entry (not only in the entry's own data): reading the archive
    /// cannot go on past it.
    public var endsArchive = false
    public init(_ message: String, endsArchive: Bool = false) {
        self.message = message
        self.endsArchive = endsArchive
    }
    public var description: String { message }
}
