/// A per-character approximation of the matching view, cheap enough to run on every line: width folding,
/// ASCII lowering and a per-character traditional→simplified table filled lazily by asking the real
/// `MatchingView` about each Han character the first time it is seen.
///
/// The stripper uses it for what must look at every line — counting (`LineFeatures`) and the rules'
/// literal prefilter — and computes the exact matching view (phrase-aware conversion) only for the few lines
/// whose prefilter fires, which is where patterns run. The two views have the same length (one scalar per
/// scalar); they differ only where a phrase converts differently from its characters one by one (rare, and
/// not in any trigger literal of the built-in rules). It reads the line's UTF-8 bytes directly and writes
/// into a buffer it keeps (no allocation per line).
final class QuickFold {
    private let view: MatchingView
    /// Simplified form of Han characters U+3400…U+9FFF and U+F900…U+FAFF (in that order), filled where
    /// `asked` has the character's bit (a bit per character already asked about); `kept` has a bit per
    /// character asked about that converts to itself (most of them: one bit test, and the table is not read).
    /// Owned memory (like `buffer`): the per-character loop reads it without retains; the two bit sets
    /// (3.4 KB each) stay in the fastest cache where the table would not.
    private let table: UnsafeMutableBufferPointer<UInt32>
    private let asked: UnsafeMutableBufferPointer<UInt64>
    private let kept: UnsafeMutableBufferPointer<UInt64>
    private static let tableSize = 0xA000 - 0x3400 + 0x200
    /// The folded scalars of the last line: `buffer[0..<count]`.
    private var buffer: UnsafeMutableBufferPointer<UInt32>
    private(set) var count = 0
    /// A second buffer for `foldExactly` by chunks (it reads the quick scalars while it writes the exact ones).
    private var spare: UnsafeMutableBufferPointer<UInt32>
    /// `MatchingView.changeStarts()`, or nil when the view does not know them.
    private let changeStarts: ChangeStarts?

    init(view: MatchingView) {
        self.view = view
        table = .allocate(capacity: Self.tableSize)
        table.initialize(repeating: 0)
        asked = .allocate(capacity: Self.tableSize / 64 + 1)
        asked.initialize(repeating: 0)
        kept = .allocate(capacity: Self.tableSize / 64 + 1)
        kept.initialize(repeating: 0)
        buffer = .allocate(capacity: 256)
        spare = .allocate(capacity: 256)
        // Chunks are cut at ASCII spaces and skip ASCII scalars: a view whose changes start at one has no chunks.
        changeStarts = view.changeStarts().flatMap { starts in
            starts.contains { $0.prefix(2).contains { $0 < 0x80 } } ? nil : ChangeStarts(starts)
        }
    }

    deinit {
        table.deallocate()
        asked.deallocate()
        kept.deallocate()
        buffer.deallocate()
        spare.deallocate()
    }

    /// True when the last `fold` changed a Han character (traditional input): only then can the exact
    /// matching view differ from the quick one.
    private(set) var changedHan = false
    /// True when the last line held nothing but white space (`Paragraph.isBlank`).
    private(set) var isBlank = false
    /// A hash of the last line's bytes (String hashing normalizes to NFC, far slower) when it is short (at most
    /// `repeatKeyUnits` text units) and not blank, else 0: what the classifier compares to find repeated lines.
    private(set) var repeatKey = 0
    static let repeatKeyUnits = 80

    /// Folds `text` into the buffer and returns what its scalars count (see `LineFeatures`).
    func fold(_ text: String) -> LineFeatures {
        var bytes = text
        return bytes.withUTF8 { fold(utf8: $0)! }  // a String's bytes are well-formed
    }

    /// Calls `body` with the folded scalars of the last line.
    func withFolded<R>(_ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
        body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
    }

    /// Replaces the folded scalars of the last line (`withFolded`) by the exact matching view of `text`
    /// (phrase-aware conversion, then width folding and ASCII lowering, as `MatchingView.folded`), decoded from
    /// the converted text's bytes (no allocation for a long line). On a long line, when the view knows where
    /// conversion can change text (`MatchingView.changeStarts()`), only the space-separated chunks holding such
    /// a place are converted, each alone, and the others keep their quick scalars — the same view, since such
    /// a chunk converts to itself and every chunk converts alone as inside its line: a 170,000-character
    /// keyword line with a few traditional words converts those words only.
    func foldExactly(_ text: String) {
        var bytes = text
        bytes.withUTF8 { utf8 in foldExactly(utf8: utf8, text: { text }) }
    }

    /// `foldExactly` on a line's UTF-8 bytes; `text` makes its `String`, asked for only when the line is
    /// converted whole (by chunks, only the changing chunks become strings).
    func foldExactly(utf8: UnsafeBufferPointer<UInt8>, text: () -> String) {
        if let starts = changeStarts, utf8.count >= Self.chunkedBytes {
            foldChunks(utf8, of: text, starts: starts)
        } else {
            count = appendExact(view.simplified(text()), to: 0)
        }
    }

    /// Lines from this many bytes on are converted by chunks (shorter ones whole: one conversion call).
    static let chunkedBytes = 1024

    /// `foldExactly` by chunks: writes into `spare` (the quick scalars stay readable in `buffer`), then swaps.
    private func foldChunks(_ utf8: UnsafeBufferPointer<UInt8>, of text: () -> String, starts: ChangeStarts) {
        swap(&buffer, &spare)  // `spare` holds the quick scalars now; `buffer` receives the exact view
        var n = 0, q = 0, i = 0
        let end = utf8.count
        while i < end {
            let chunk = i, quick = q
            if starts.chunkChanges(utf8, at: &i, scalars: &q) {
                let piece = chunk == 0 && i == end
                    ? text() : String(decoding: UnsafeBufferPointer(rebasing: utf8[chunk..<i]), as: UTF8.self)
                n = appendExact(view.simplified(piece), to: n)
            } else {
                if n &+ (q &- quick) &+ 1 > buffer.count { reserve(n &+ (q &- quick) &+ 1, keeping: n) }
                (buffer.baseAddress! + n).update(from: spare.baseAddress! + quick, count: q &- quick)
                n &+= q &- quick
            }
            if i < end {  // the space
                if n &+ 1 > buffer.count { reserve(n &+ 1, keeping: n) }
                buffer[n] = 0x20
                n &+= 1
                i &+= 1
                q &+= 1
            }
        }
        count = n
    }

    /// Decodes `simplified` into `buffer[start...]`, width-folded and ASCII-lowered; returns the new count.
    private func appendExact(_ simplified: String, to start: Int) -> Int {
        let decode = { (utf8: UnsafeBufferPointer<UInt8>) -> Int in
            self.reserve(start &+ utf8.count, keeping: start)
            let out = self.buffer
            var i = 0, n = start
            while i < utf8.count {
                let c = UTF8Decoding.decode(utf8, &i)
                out[n] = c >= 0xFF01 && c <= 0xFF5E || c == 0x3000
                    ? ASCIIFold.lower(MatchingView.foldWidth(Unicode.Scalar(c)!).value) : ASCIIFold.lower(c)
                n &+= 1
            }
            return n
        }
        if let n = simplified.utf8.withContiguousStorageIfAvailable(decode) { return n }
        return Array(simplified.utf8).withUnsafeBufferPointer(decode)
    }

    /// Grows `buffer` to at least `capacity` scalars, keeping its first `kept`.
    private func reserve(_ capacity: Int, keeping kept: Int) {
        guard buffer.count < capacity else { return }
        let grown = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: max(capacity, 2 * buffer.count))
        for k in 0..<kept { grown[k] = buffer[k] }
        buffer.deallocate()
        buffer = grown
    }

    /// Folds the UTF-8 bytes of a line into the buffer and returns what its scalars count; nil when the bytes
    /// are not well-formed UTF-8 (checked on the way, so that raw input needs no pass of its own to validate).
    func fold(utf8: UnsafeBufferPointer<UInt8>) -> LineFeatures? {
        fold(UTF8LineScalars(utf8: utf8), room: utf8.count, utf8: utf8)
    }

    /// `fold(utf8:)` on the line's scalars when a stage has decoded them (`Paragraph.scalars`): the same
    /// features, folded scalars and flags, without decoding. `utf8` is the same line's bytes (for `repeatKey`).
    func fold(scalars: UnsafeBufferPointer<UInt32>, utf8: UnsafeBufferPointer<UInt8>) -> LineFeatures {
        fold(DecodedLineScalars(scalars: scalars), room: scalars.count, utf8: utf8)!
    }

    /// The fold of a line of at most `room` scalars read from `source`; nil when it meets ill-formed bytes.
    @inline(__always)
    private func fold<Source: LineScalarSource>(_ source: Source, room: Int,
                                                utf8: UnsafeBufferPointer<UInt8>) -> LineFeatures? {
        if buffer.count < room {
            buffer.deallocate()
            buffer = .allocate(capacity: max(room, 2 * buffer.count))
        }
        let out = buffer
        let asked = self.asked, kept = self.kept, table = self.table  // in registers, not reloaded per character
        var features = LineFeatures()
        var changed = false, blank = true
        // Han characters the table keeps (the bulk of the text): counted here, added to `features` at the end.
        var keptHan = 0
        var n = 0
        let wellFormed = source.forEach(han: { c in
            // No white space, and one bit test for a character that converts to itself.
            let index = Int(c &- 0x3400), word = index &>> 6, bit: UInt64 = 1 &<< UInt64(index & 63)
            if kept[word] & bit != 0 {
                out[n] = c
                n &+= 1
                keptHan &+= 1
                return
            }
            blank = false
            let f = asked[word] & bit != 0 ? table[index] : ask(c, at: index)
            out[n] = f
            n &+= 1
            if f == c || f >= 0x4E00 && f <= 0x9FFF {
                if f != c { changed = true }
                features.length &+= 1
                features.han &+= 1
            } else {
                if f >= 0x3400 { changed = true }
                features.count(f)
            }
        }, ascii: { c in
            // Lowered, never changed by conversion.
            if blank { blank = Self.isWhiteSpace(c) }
            let f = c &- 0x41 < 26 ? c | 0x20 : c
            out[n] = f
            n &+= 1
            if f != 0x20 && f != 0x09 {
                features.length &+= 1
                features.countASCII(f)
            } else {
                features.spaces &+= 1
            }
        }, other: { c in
            if blank { blank = Self.isWhiteSpace(c) }
            let f = fold(c)
            if f != c && f >= 0x3400 { changed = true }
            out[n] = f
            n &+= 1
            features.count(f)
        })
        guard wellFormed else { return nil }
        features.length &+= keptHan
        features.han &+= keptHan
        blank = blank && keptHan == 0  // the Han path leaves `blank` alone
        count = n
        changedHan = changed
        isBlank = blank
        repeatKey = blank || features.units > Self.repeatKeyUnits ? 0 : Self.hash(utf8)
        return features
    }

    @inline(__always) private func fold(_ c: UInt32) -> UInt32 {
        if c < 0x80 { return ASCIIFold.lower(c) }
        if c >= 0x3400 && c < 0xA000 { return simplified(c, at: Int(c &- 0x3400)) }
        if c >= 0xF900 && c < 0xFB00 { return simplified(c, at: Int(c &- 0xF900) &+ 0xA000 &- 0x3400) }
        if c >= 0xFF01 && c <= 0xFF5E || c == 0x3000 {
            return ASCIIFold.lower(MatchingView.foldWidth(Unicode.Scalar(c)!).value)
        }
        return c
    }

    @inline(__always) private func simplified(_ c: UInt32, at index: Int) -> UInt32 {
        let word = index &>> 6, bit: UInt64 = 1 &<< UInt64(index & 63)
        if kept[word] & bit != 0 { return c }
        if asked[word] & bit != 0 { return table[index] }
        return ask(c, at: index)
    }

    private func ask(_ c: UInt32, at index: Int) -> UInt32 {
        let answer = view.simplified(String(Unicode.Scalar(c)!)).unicodeScalars
        let result = answer.count == 1 ? answer.first!.value : c
        table[index] = result
        asked[index >> 6] |= 1 << UInt64(index & 63)
        if result == c { kept[index >> 6] |= 1 << UInt64(index & 63) }
        return result
    }
}
