import QingxiCore

/// The convert engines (`ScriptConverter`) through the record layer: both directions, exact and default
/// (corrected), with and without `--keep-punctuation`.
///
/// Flags: bit 0 direction (hant), bit 1 `--exact-icu`, bit 2 `--keep-punctuation`, bit 3 JSONL input. Invariants:
/// the byte-level fast path (plain text, nothing else asked) writes what the paragraph path writes; 1…64-byte
/// reads write what 64 KiB reads write; and in exact mode each line converts exactly as ICU's `utrans` does.
final class ConvertTarget: FuzzTarget {
    let harness = RecordHarness()
    private var converters: [Int: ScriptConverter] = [:]
    private let icu: [ScriptDirection: ICUTransliterator]

    init() throws {
        for direction in ScriptDirection.allCases {
            for exact in [false, true] {
                for keep in [false, true] {
                    let options = ConversionOptions(direction: direction, exactICU: exact, keepPunctuation: keep)
                    converters[Self.key(direction, exact, keep)] = try ScriptConverter(options)
                }
            }
        }
        icu = [.hans: try ICUTransliterator(id: ScriptDirection.hans.icuID),
               .hant: try ICUTransliterator(id: ScriptDirection.hant.icuID)]
    }

    static func key(_ direction: ScriptDirection, _ exact: Bool, _ keep: Bool) -> Int {
        (direction == .hant ? 1 : 0) | (exact ? 2 : 0) | (keep ? 4 : 0)
    }

    func run(_ input: FuzzInput) {
        let direction: ScriptDirection = input.flag(0) ? .hant : .hans
        let converter = converters[Self.key(direction, input.flag(1), input.flag(2))]!
        let format: RecordFormat = input.flag(3) ? .jsonl : .text
        let fast = RecordOptions.fuzzing(format: format, explain: false)
        let whole = harness.run(input.payload, options: fast) { [converter] }
        FuzzCheck.same(whole, harness.run(input.payload, options: fast.reading(input.smallReadSize)) { [converter] },
                       "convert: chunked == whole")
        var slow = fast
        slow.printMeta = true  // any extra request turns the byte-level fast path off
        FuzzCheck.same(whole.output, harness.run(input.payload, options: slow) { [converter] }.output,
                       "convert: fast path == paragraph path")
        if input.flag(1) && !input.flag(2) && format == .text { compareWithICU(input, converter, icu[direction]!) }
    }

    /// Exact mode is ICU, byte for byte, on every line of the input.
    private func compareWithICU(_ input: FuzzInput, _ converter: ScriptConverter, _ icu: ICUTransliterator) {
        for line in input.lines {
            let expected: String
            do { expected = try icu.transliterate(line) } catch { continue }
            FuzzCheck.same(converter.convert(line), expected, "convert --exact-icu == ICU utrans on \(Array(line.unicodeScalars.map(\.value)))")
        }
    }
}
