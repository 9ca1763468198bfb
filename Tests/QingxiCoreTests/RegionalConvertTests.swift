import Testing
@testable import QingxiCore

/// Taiwan and Hong Kong conversion in the library: the round trip of characters with one reading, auto
/// detection of the source region, and the word-boundary guard on ICU's phrases.
@Suite struct RegionalConvertTests {
    /// Simplified characters with one reading: no multi-character key of any table (ICU's both ways, qingxi's
    /// corrections, the Taiwan tables) holds them or what they convert to, and each converts alone, both ways.
    static func oneReadingCharacters() throws -> [UInt32] {
        let toTW = try ScriptConverter(ConversionOptions(direction: .tw))
        var fromTW = ConversionOptions(direction: .hans)
        fromTW.source = .tw
        let back = try ScriptConverter(fromTW)
        var inKeys = Set<UInt32>()
        for rule in try ConversionEngines.icuRules(.hans) + ConversionEngines.icuRules(.hant) where rule.key.count > 1 || rule.hasContext {
            inKeys.formUnion(rule.key)
        }
        for direction in [ScriptDirection.hans, .hk] {
            for entry in try CorrectionRules.builtIn(direction).entries where entry.rule.key.count > 1 || entry.rule.hasContext {
                inKeys.formUnion(entry.rule.key)
                inKeys.formUnion(entry.rule.replacement)
            }
        }
        var characters: [UInt32] = []
        for value in stride(from: 0x4E00 as UInt32, through: 0x9FA5, by: 7) where !inKeys.contains(value) {
            let s = String(Character(Unicode.Scalar(value)!))
            let t = toTW.convert(s)
            guard t.unicodeScalars.count == 1, !inKeys.contains(t.unicodeScalars.first!.value), back.convert(t) == s else { continue }
            characters.append(value)
        }
        return characters
    }

    @Test func toTaiwanAndBackIsTheIdentityOnCharactersWithOneReading() throws {
        let characters = try Self.oneReadingCharacters()
        #expect(characters.count > 500)
        let toTW = try ScriptConverter(ConversionOptions(direction: .tw))
        var fromTW = ConversionOptions(direction: .hans)
        fromTW.source = .tw
        let back = try ScriptConverter(fromTW)
        var random = TestSupport.SeededGenerator(seed: 18)
        for _ in 0..<300 {
            let length = Int(random.next() % 40) + 1
            let text = String(String.UnicodeScalarView((0..<length).map { _ in
                Unicode.Scalar(characters[Int(random.next() % UInt64(characters.count))])!
            }))
            #expect(back.convert(toTW.convert(text)) == text, "\(text)")
        }
    }

    @Test func autoTellsTheRegionsApartByTheirGlyphs() {
        func region(_ text: String) -> SourceRegion {
            let scalars = text.unicodeScalars.map(\.value)
            return scalars.withUnsafeBufferPointer { RegionDetectingConverter.region(of: $0) }
        }
        #expect(region("他在房間裏看着説明書") == .hk)
        #expect(region("他在房間裡看著說明書") == .tw)
        #expect(region("沒有區別的字") == .tw)
    }

    @Test(arguments: [("这种机制作为", "這種機制作為"), ("他一头发现", "他一頭發現"), ("填写电子表单", "填寫電子表單"),
                      ("回顾创新历程", "回顧創新歷程"), ("我国飞机制造水平", "我國飛機製造水平"), ("她剪短了头发", "她剪短了頭髮")])
    func icuPhrasesDoNotCrossWords(input: String, expected: String) throws {
        for direction in [ScriptDirection.hant, .tw] {
            #expect(try ScriptConverter(ConversionOptions(direction: direction)).convert(input) == expected)
        }
        // --exact-icu stays ICU's, errors included.
        #expect(try ScriptConverter(ConversionOptions(direction: .hant, exactICU: true)).convert("这种机制作为") == "這種機製作為")
    }
}
