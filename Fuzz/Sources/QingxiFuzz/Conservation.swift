import QingxiCore

/// "Nothing is lost silently": every input paragraph of every article comes out kept, or is recorded as removed
/// with a reason, or (strip's cuts) is split into a kept rest and a removed span that add up to it.
enum Conservation {
    /// `input`: the articles as the record layer read them (a run with no stages); `output`: after the stage.
    static func check(_ input: [RecordHarness.CapturedArticle], _ output: [RecordHarness.CapturedArticle], stage: String) {
        FuzzCheck.require(input.count == output.count, "\(stage): \(input.count) articles in, \(output.count) out")
        for (a, (read, done)) in zip(input, output).enumerated() {
            let kept = Dictionary(done.kept.map { ($0.number, $0.text) }, uniquingKeysWith: { first, _ in first })
            FuzzCheck.require(kept.count == done.kept.count, "\(stage): article \(a) emits a paragraph number twice")
            var removed: [Int: [Removal]] = [:]
            for r in done.removed {
                FuzzCheck.require(!r.reason.isEmpty, "\(stage): article \(a) ¶\(r.paragraph) removed without a reason")
                removed[r.paragraph, default: []].append(r)
            }
            FuzzCheck.require(kept.count + removed.count >= read.kept.count,
                              "\(stage): article \(a): \(read.kept.count) in, \(kept.count) kept + \(removed.count) removed")
            for p in read.kept { account(p, kept: kept[p.number], removed: removed[p.number], stage: stage, article: a) }
        }
    }

    private static func account(_ p: Paragraph, kept: String?, removed: [Removal]?, stage: String, article a: Int) {
        let at = "\(stage): article \(a) ¶\(p.number) \(p.text.debugDescription)"
        switch (kept, removed) {
        case (nil, nil):
            FuzzCheck.require(false, "\(at): lost (neither kept nor removed)")
        case (let text?, nil):
            FuzzCheck.same(text, p.text, "\(at): kept text changed")
        case (nil, let rs?):
            FuzzCheck.require(rs.count == 1, "\(at): removed \(rs.count) times")
            FuzzCheck.same(rs[0].text, p.text, "\(at): removed text is not the paragraph")
        case (let rest?, let rs?):
            // Strip's cuts: one or more spans (a prefix and a suffix) cut off, the rest kept.
            FuzzCheck.require(rs.allSatisfy { $0.reason.hasSuffix("(partial)") }, "\(at): both kept and removed (\(rs.map(\.reason)))")
            let cutScalars = rs.reduce(0) { $0 + $1.text.unicodeScalars.count }
            FuzzCheck.require(rest.unicodeScalars.count + cutScalars == p.text.unicodeScalars.count
                              && rs.allSatisfy { p.text.contains($0.text) } && p.text.contains(rest),
                              "\(at): cuts \(rs.map(\.text)) + rest \(rest.debugDescription) do not add up")
        }
    }
}
