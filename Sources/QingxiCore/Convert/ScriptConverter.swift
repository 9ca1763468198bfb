/// Which script `convert` produces.
public enum ScriptDirection: String, Sendable, CaseIterable {
    /// Traditional → simplified (ICU "Traditional-Simplified").
    case hans
    /// Simplified → traditional (ICU "Simplified-Traditional"), neutral: no Taiwan or Hong Kong vocabulary.
    case hant
    /// Simplified → traditional in Taiwan's glyphs (neutral traditional, then `corpus/convert/tw.rules`).
    case tw
    /// Simplified → traditional in Hong Kong's glyphs (neutral traditional, then `corpus/convert/hk.rules`).
    case hk

    /// The direction of ICU's rules underneath: hans, or hant for every traditional target.
    public var icuDirection: ScriptDirection { self == .hans ? .hans : .hant }

    /// The system transliterator whose rules are compiled.
    public var icuID: String { self == .hans ? "Traditional-Simplified" : "Simplified-Traditional" }
}

/// Which regional standard the input is written in (`--from`): its regional glyphs and, with `--phrases`, its
/// vocabulary are mapped back to OpenCC's standard traditional before converting.
public enum SourceRegion: String, Sendable, CaseIterable {
    case tw, hk
    /// Told apart per paragraph by the glyphs each region writes (see `RegionDetectingConverter`).
    case auto
}

/// How `convert` converts.
public struct ConversionOptions: Sendable {
    public var direction: ScriptDirection
    /// Reproduce ICU byte for byte (no corrections).
    public var exactICU = false
    /// Reproduce the `uconv -x` command byte for byte: exact ICU rules, cut into uconv's chunks (implies exact).
    public var exactUconv = false
    /// Leave punctuation as it is (ICU turns 「」 into “” for T→S, and back for S→T).
    public var keepPunctuation = false
    /// Further correction files (`--rules FILE`), applied after the built-in ones.
    public var ruleFiles: [String] = []
    /// The regional standard of the input (`--from`); nil: no regional tables are read.
    public var source: SourceRegion?
    /// Regional vocabulary too (软件 ↔ 軟體), for `tw`/`hk` targets and sources (OpenCC's `p` configs).
    public var phrases = false

    public init(direction: ScriptDirection, exactICU: Bool = false, keepPunctuation: Bool = false, ruleFiles: [String] = []) {
        self.direction = direction
        self.exactICU = exactICU
        self.keepPunctuation = keepPunctuation
        self.ruleFiles = ruleFiles
    }

    /// True when these options convert exactly as the matching view does (default-mode T→S, no extra rules).
    public var isMatchingViewConversion: Bool {
        direction == .hans && !exactICU && !exactUconv && !keepPunctuation && ruleFiles.isEmpty && source == nil && !phrases
    }
}

/// Stage "convert": converts every paragraph (and the JSONL title) to the other script.
/// Holds back nothing, removes nothing; a paragraph comes out converted, in order. Idempotent on the target
/// script: converting simplified text to simplified changes nothing (ICU's rules map target characters to
/// themselves).
public final class ScriptConverter: Stage {
    public let name = "convert"
    private let converter: StringConverter
    /// True when this stage converts as the matching view does: its paragraphs then leave marked
    /// `isViewSimplified` when they are a fixed point of the conversion, and later stages of the chain do not
    /// convert them again.
    private let makesMatchingView: Bool

    public init(_ options: ConversionOptions) throws {
        converter = StringConverter(engine: try ConversionEngines.make(options), uconvChunks: options.exactUconv)
        makesMatchingView = options.isMatchingViewConversion
    }

    public func begin(_ article: Article) throws {
        if let title = article.title { article.title = convert(title) }
    }

    public func process(_ paragraph: Paragraph, of article: Article, emit: (Paragraph) throws -> Void) throws {
        var converted = paragraph
        if let scalars = fixedPointScalars(paragraph.text) {
            // Most news is already in the target script: nothing to convert, and the text is its own view.
            converted.isViewSimplified = makesMatchingView
            converted.scalars = scalars
            return try emit(converted)
        }
        converted.text = converter.convert(paragraph.text)
        if let scalars = fixedPointScalars(converted.text) {
            converted.isViewSimplified = makesMatchingView
            converted.scalars = scalars
        }
        if article.tracing, converted.text != paragraph.text {
            let count = zip(paragraph.text.unicodeScalars, converted.text.unicodeScalars).filter { $0 != $1 }.count
            article.recordChange(paragraph, stage: name, detail: "\(count) character(s) converted")
        }
        try emit(converted)
    }

    /// Where a change can start (`changeStarts`): scalars that change alone, and pairs that begin a longer key
    /// that changes; nil when the engine cannot say.
    private lazy var changeStartTable: ChangeStartTable? = changeStarts().map(ChangeStartTable.init)

    /// True when converting `text` changes nothing: no scalar of it changes alone and no two neighbours begin
    /// a key that changes (false when the engine cannot say). Asked of the input first: text already in the target
    /// script is passed on as it is. Asked of the output too: T→S output is almost always such a fixed point, but
    /// not always (a phrase rule can keep a character that converts on its own: 顯著 → 显著, whose 著 a second
    /// pass turns into 着), and a marked paragraph's view must be what converting it would give.
    private func isFixedPoint(_ text: String) -> Bool {
        guard let table = changeStartTable else { return false }
        var text = text
        return text.withUTF8 { table.holdsNoChange($0) }
    }

    /// `isFixedPoint`, and the scalars of `text` when it holds: the scan decodes them anyway, and a paragraph
    /// keeps them (`Paragraph.scalars`) for the stages after.
    private func fixedPointScalars(_ text: String) -> [UInt32]? {
        guard let table = changeStartTable else { return nil }
        var text = text, holds = false
        let scalars = text.withUTF8 { utf8 in
            [UInt32](unsafeUninitializedCapacity: max(utf8.count, 1)) { buffer, count in
                let n = table.scan(utf8, decodingInto: buffer.baseAddress!)
                holds = n >= 0
                count = max(n, 0)
            }
        }
        return holds ? scalars : nil
    }

    /// Converts one line of UTF-8 bytes straight to bytes (see `StringConverter.convertUTF8`).
    public func convertUTF8(_ utf8: UnsafeBufferPointer<UInt8>, write: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows -> Bool {
        try converter.convertUTF8(utf8, write: write)
    }

    /// Converts one string (for stages that need the simplified view of a line, see `MatchingView`). A text in
    /// which no change can start is returned as it is, without decoding it for the engine.
    public func convert(_ text: String) -> String {
        isFixedPoint(text) ? text : converter.convert(text)
    }

    /// See `MatchingView.changeStarts()` (nil for the exact ICU engines). Computed once: the matching view's
    /// users (strip's fold) and this stage's fixed-point check both ask.
    func changeStarts() -> Set<[UInt32]>? { knownChangeStarts }

    private lazy var knownChangeStarts: Set<[UInt32]>? = converter.changeStarts()

    /// The matching view every stage uses: default-mode T→S conversion plus width folding.
    public static func matchingView() throws -> MatchingView {
        matchingView(using: try ScriptConverter(ConversionOptions(direction: .hans)))
    }

    /// The matching view on `converter` (a default-mode T→S converter the caller also uses as a stage).
    static func matchingView(using converter: ScriptConverter) -> MatchingView {
        MatchingView(simplify: converter.convert, changeStarts: { converter.changeStarts() })
    }
}
