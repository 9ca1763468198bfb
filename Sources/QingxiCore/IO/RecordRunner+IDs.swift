extension RecordRunner {
    /// The id an article gets where ids must be unique (`RecordOptions.uniqueIDsNeededBy`): `id` itself when no
    /// earlier article of the run had it; else what `RecordOptions.duplicateIDs` says — an error naming both
    /// places, a new id (`rename`), or nil: skip the article (`keepFirst`). Everything but the error is warned
    /// about (the first `maxWarnings`) and counted in the summary.
    func claimID(_ id: String, line: Int, skippable: Bool = true) throws -> String? {
        guard let purpose = options.uniqueIDsNeededBy else { return id }
        // A plain-text article streams through the stages as it is read: it cannot be skipped, only renamed.
        let policy = !skippable && options.duplicateIDs == .keepFirst ? .rename : options.duplicateIDs
        let place = ArticleIDRegistry.Place(input: Int32(inputNames.count - 1), line: line)
        let outcome = try articleIDs.claim(id, at: place, policy: policy, purpose: purpose, name: { inputNames[$0] })
        let here = "\(inputNames.last ?? "-"):\(line)"
        switch outcome {
        case .use(let claimed):
            return claimed
        case .renamed(let claimed, let input, let firstLine):
            summary.duplicateIDsRenamed += 1
            warnDuplicateID("qingxi: \(here): warning: id \"\(id)\" repeats the article at \(inputNames[input]):\(firstLine); "
                            + "renamed \"\(claimed)\" (--on-duplicate-id rename)")
            return claimed
        case .skip(let input, let firstLine):
            summary.duplicateIDsSkipped += 1
            warnDuplicateID("qingxi: \(here): warning: id \"\(id)\" repeats the article at \(inputNames[input]):\(firstLine); "
                            + "record skipped (--on-duplicate-id keep-first)")
            return nil
        }
    }

    private func warnDuplicateID(_ message: String) {
        let count = summary.duplicateIDsRenamed + summary.duplicateIDsSkipped
        if count <= Self.maxWarnings { messages.line(message) }
    }

    /// The summary's part about repeated ids, if any.
    var duplicateIDSummary: String? {
        if summary.duplicateIDsSkipped > 0 {
            return "\(summary.duplicateIDsSkipped) record(s) with a repeated id skipped (--on-duplicate-id keep-first)"
        }
        if summary.duplicateIDsRenamed > 0 {
            return "\(summary.duplicateIDsRenamed) article(s) with a repeated id renamed ID#N (--on-duplicate-id rename)"
        }
        return nil
    }
}
