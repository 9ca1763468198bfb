/// A per-character approximation of the matching view, cheap enough to run on every line: width folding,
/// ASCII lowering and a per-character traditional→simplified table filled lazily by asking the real
/// `MatchingView` about each Han character the first time it is seen.
///
/// The stripper uses it for what must look at every line — counting (`LineFeatures`) and the rules'
/// literal prefilter — and computes the exact matching view (phrase-aware conversion) only for the few lines
/// whose prefilter fires, which is where patterns run. The two views have the same length (one scalar per
/// scalar); they differ only where a phrase converts differently from its characters one by one (rare, and
/// not in any trigger literal of the built-in rules).
final class QuickFold {
    private let view: MatchingView
    /// Simplified form of Han characters U+3400…U+9FFF and U+F900…U+FAFF; 0 = not asked yet.
    private var table = [UInt32](repeating: 0, count: 0xA000 - 0x3400 + 0x200)

    init(view: MatchingView) {
        self.view = view
    }

    /// True when the last `fold` changed a Han character (traditional input): only then can the exact
    /// matching view differ from the quick one.
    private(set) var changedHan = false

    /// Appends the folded scalars of `text` to `out` and returns what they count (see `LineFeatures`).
    func fold(_ text: String, into out: inout [UInt32]) -> LineFeatures {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(text.utf8.count)
        var features = LineFeatures()
        var table = self.table  // a local copy: no run-time exclusivity checks per character
        self.table = []
        defer { self.table = table }
        var changed = false
        for scalar in text.unicodeScalars {
            let c = fold(scalar.value, &table)
            changed = changed || c != scalar.value && c >= 0x3400
            out.append(c)
            features.count(c)
        }
        changedHan = changed
        return features
    }

    @inline(__always) private func fold(_ c: UInt32, _ table: inout [UInt32]) -> UInt32 {
        if c < 0x80 { return ASCIIFold.lower(c) }
        if c >= 0x3400 && c < 0xA000 { return simplified(c, at: Int(c - 0x3400), &table) }
        if c >= 0xF900 && c < 0xFB00 { return simplified(c, at: Int(c - 0xF900) + 0xA000 - 0x3400, &table) }
        if c >= 0xFF01 && c <= 0xFF5E || c == 0x3000 {
            return ASCIIFold.lower(MatchingView.foldWidth(Unicode.Scalar(c)!).value)
        }
        return c
    }

    @inline(__always) private func simplified(_ c: UInt32, at index: Int, _ table: inout [UInt32]) -> UInt32 {
        let known = table[index]
        if known != 0 { return known }
        return ask(c, at: index, &table)
    }

    private func ask(_ c: UInt32, at index: Int, _ table: inout [UInt32]) -> UInt32 {
        let asked = view.simplified(String(Unicode.Scalar(c)!)).unicodeScalars
        let result = asked.count == 1 ? asked.first!.value : c
        table[index] = result
        return result
    }
}
