/// Taiwan and Hong Kong standards as passes around the default engine, with OpenCC's regional tables
/// (`corpus/convert/{tw,hk}*.rules`, built by scripts/build-region-tables):
///
/// - reading (`--from tw|hk|auto`): the region's glyphs (unless the target is simplified) and, with
///   `--phrases`, its vocabulary go back to OpenCC's standard traditional first (`*-rev.rules`,
///   `*-phrases-rev.rules`); to simplified the default engine follows, to a traditional target only the
///   target's glyph pass, with the user's `--rules` files (the text is traditional already: qingxi's
///   script corrections do not apply);
/// - writing (`--to tw|hk`): neutral traditional first, then the region's glyphs (and vocabulary with
///   `--phrases`) in one segmenting pass over it, with qingxi's own Taiwan usage (`tw-local.rules`) last.
///
/// Each pass is a `SegmentingConverter` with no ICU rules: phrases over single characters, fewest segments.
enum RegionalTables {
    static func chain(_ base: SegmentingConverter, _ options: ConversionOptions) throws -> ScalarConverting {
        var passes: [ScalarConverting] = []
        // To simplified, the region's glyphs need no pass of their own: the default engine maps every variant,
        // and reads 著 in context (土著, 著名) where TWVariantsRev's 著 → 着 would lose it. Vocabulary does.
        let glyphs = options.direction != .hans
        if glyphs || options.phrases {
            switch options.source {
            case .tw?: passes.append(try reading(.tw, glyphs: glyphs, options.phrases))
            case .hk?: passes.append(try reading(.hk, glyphs: glyphs, options.phrases))
            case .auto?:
                passes.append(RegionDetectingConverter(tw: try reading(.tw, glyphs: glyphs, options.phrases),
                                                       hk: try reading(.hk, glyphs: glyphs, options.phrases)))
            case nil: break
            }
        }
        // Regional text to a traditional target is already traditional: converting it as simplified would
        // misread characters both scripts have (干擾 -> 乾擾, 愛麗舍 -> 愛麗捨). Only its glyphs change; neutral
        // traditional writes Taiwan's glyphs (TWVariants).
        let alreadyTraditional = options.source != nil && options.direction != .hans
        if !alreadyTraditional { passes.append(base) }
        // There the user's --rules files go into the last pass, keyed on traditional text.
        let userFiles = alreadyTraditional ? options.ruleFiles : []
        if options.direction == .hant && alreadyTraditional { passes.append(try pass(["tw"], userFiles)) }
        if options.direction == .tw || options.direction == .hk {
            let region = options.direction.rawValue
            let local = options.direction == .tw ? ["tw-local"] : []
            passes.append(try pass([region] + (options.phrases ? ["\(region)-phrases"] : []) + local, userFiles))
        }
        return passes.count == 1 ? passes[0] : ChainedConverter(passes)
    }

    private static func reading(_ region: SourceRegion, glyphs: Bool, _ phrases: Bool) throws -> SegmentingConverter {
        try pass((glyphs ? ["\(region.rawValue)-rev"] : []) + (phrases ? ["\(region.rawValue)-phrases-rev"] : []))
    }

    /// One pass over the named tables and then the user's rule files (later entries override earlier ones on
    /// the same key).
    static func pass(_ tables: [String], _ userFiles: [String] = []) throws -> SegmentingConverter {
        var rules = CorrectionRules()
        for table in tables {
            let name = "convert/\(table).rules"
            guard let text = EmbeddedData.files[name] else { throw QingxiError.io(file: "corpus/" + name, message: "not embedded") }
            try rules.add(text: text, name: "corpus/" + name, lengthMayChange: true)
        }
        for file in userFiles { try rules.add(file: file) }
        return SegmentingConverter(icuRules: [], corrections: rules)
    }
}

/// Engines run one after the other on a paragraph: each one's UTF-8 output is decoded for the next. Buffers
/// are reused across calls, so one instance must not be shared between threads.
final class ChainedConverter: ScalarConverting {
    private let passes: [ScalarConverting]
    /// The scalars between passes, alternating (a pass reads one and the next is decoded into the other).
    private var even: [UInt32] = []
    private var odd: [UInt32] = []
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity = 1
    let maxExpansion: Int

    /// `passes` holds at least two engines.
    init(_ passes: [ScalarConverting]) {
        self.passes = passes
        maxExpansion = passes.reduce(1) { $0 * $1.maxExpansion }
        buffer = .allocate(capacity: 1)
    }

    deinit { buffer.deallocate() }

    func convert(_ input: UnsafeBufferPointer<UInt32>, into output: UnsafeMutablePointer<UInt8>) -> Int {
        // Most paragraphs hold nothing a regional table changes: the first and last passes are skipped then.
        if let first = passes[0] as? SegmentingConverter, !first.mayChange(input) {
            if passes.count == 2 { return passes[1].convert(input, into: output) }
            even.removeAll(keepingCapacity: true)
            even.append(contentsOf: input)
        } else {
            step(passes[0], input, into: &even)
        }
        var k = 1
        while k < passes.count - 1 {
            if k % 2 == 1 {
                even.withUnsafeBufferPointer { step(passes[k], $0, into: &odd) }
            } else {
                odd.withUnsafeBufferPointer { step(passes[k], $0, into: &even) }
            }
            k += 1
        }
        let last = passes[passes.count - 1]
        return (k % 2 == 1 ? even : odd).withUnsafeBufferPointer { text in
            if let table = last as? SegmentingConverter, !table.mayChange(text) {
                var written = 0
                for s in text { written &+= UTF8Decoding.write(s, to: output + written) }
                return written
            }
            return last.convert(text, into: output)
        }
    }

    /// Runs one pass and decodes its output into `out`.
    private func step(_ pass: ScalarConverting, _ input: UnsafeBufferPointer<UInt32>, into out: inout [UInt32]) {
        let needed = input.count * 4 * pass.maxExpansion + 16
        if needed > capacity {
            buffer.deallocate()
            capacity = max(needed, capacity * 2)
            buffer = .allocate(capacity: capacity)
        }
        let written = pass.convert(input, into: buffer)
        out.removeAll(keepingCapacity: true)
        UTF8Decoding.appendScalars(of: UnsafeBufferPointer(start: buffer, count: written), to: &out)
    }
}

/// `--from auto`: reads each paragraph as Taiwan's or Hong Kong's standard, whichever has more of its own
/// glyphs in it (Taiwan on a tie). The glyphs are those in which the two standards differ (裡/裏, 著/着, 線/綫 …).
final class RegionDetectingConverter: ScalarConverting {
    private let tw: ScalarConverting
    private let hk: ScalarConverting
    let maxExpansion: Int
    static let taiwanGlyphs = "裡著線啟說稅衛戶溫脫銳閱悅兌為".unicodeScalars.map(\.value)
    static let hongKongGlyphs = "裏着綫啓説税衞户温脱鋭閲悦兑爲".unicodeScalars.map(\.value)
    /// Per BMP scalar: +1 for a Taiwan glyph, -1 for a Hong Kong one.
    static let vote: [Int8] = {
        var vote = [Int8](repeating: 0, count: 0x10000)
        for s in taiwanGlyphs { vote[Int(s)] = 1 }
        for s in hongKongGlyphs { vote[Int(s)] = -1 }
        return vote
    }()

    init(tw: ScalarConverting, hk: ScalarConverting) {
        self.tw = tw
        self.hk = hk
        maxExpansion = max(tw.maxExpansion, hk.maxExpansion)
    }

    /// The region whose glyphs `input` holds more of.
    static func region(of input: UnsafeBufferPointer<UInt32>) -> SourceRegion {
        var score = 0
        vote.withUnsafeBufferPointer { vote in
            for s in input where s < 0x10000 { score &+= Int(vote[Int(s)]) }
        }
        return score < 0 ? .hk : .tw
    }

    func convert(_ input: UnsafeBufferPointer<UInt32>, into output: UnsafeMutablePointer<UInt8>) -> Int {
        (Self.region(of: input) == .hk ? hk : tw).convert(input, into: output)
    }
}
