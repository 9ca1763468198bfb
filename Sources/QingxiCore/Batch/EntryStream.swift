/// What an input yields next: a source, an entry refused with a reason, an entry of a type batch does not
/// read (counted as ignored), or a folder entry (nothing to count).
enum EntryOutcome {
    case entry(SourceEntry)
    case rejected(Reject)
    case ignored
    case folder
}

/// The sources of one input, in order. `next` throws `InputDamage` when the container itself is damaged; the
/// reader then rejects the rest of the input.
protocol EntryStream: AnyObject {
    func next() throws -> EntryOutcome?
}
