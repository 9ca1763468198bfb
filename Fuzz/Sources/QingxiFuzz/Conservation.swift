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
            var removed: [Int: Removal] = [:]
            for r in done.removed {
                FuzzCheck.require(removed[r.paragraph] == nil, "\(stage): article \(a) ¶\(r.paragraph) removed twice")
                FuzzCheck.require(!r.reason.isEmpty, "\(stage): article \(a) ¶\(r.paragraph) removed without a reason")
                removed[r.paragraph] = r
            }
            FuzzCheck.require(kept.count + removed.count >= read.kept.count,
                              "\(stage): article \(a): \(read.kept.count) in, \(kept.count) kept + \(removed.count) removed")
            for p in read.kept { account(p, kept: kept[p.number], removed: removed[p.number], stage: stage, article: a) }
        }
    }

    private static func account(_ p: Paragraph, kept: String?, removed: Removal?, stage: String, article a: Int) {
        let at = "\(stage): article \(a) ¶\(p.number) \(p.text.debugDescription)"
        switch (kept, removed) {
        case (nil, nil):
            FuzzCheck.require(false, "\(at): lost (neither kept nor removed)")
        case (let text?, nil):
            FuzzCheck.same(text, p.text, "\(at): kept text changed")
        case (nil, let r?):
            FuzzCheck.same(r.text, p.text, "\(at): removed text is not the paragraph")
        case (let rest?, let r?):
            FuzzCheck.require(r.reason.hasSuffix("(partial)"), "\(at): both kept and removed (\(r.reason))")
            FuzzCheck.require(rest.unicodeScalars.count + r.text.unicodeScalars.count == p.text.unicodeScalars.count
                              && p.text.contains(r.text), "\(at): cut \(r.text.debugDescription) + rest \(rest.debugDescription) do not add up")
        }
    }
}
