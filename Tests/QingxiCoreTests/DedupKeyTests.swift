import Testing
@testable import QingxiCore

@Suite struct DedupKeyTests {
    let maker = ParagraphKeyMaker(view: .widthFoldingOnly)

    @Test func keyDropsSpacePunctuationAndSymbolsAndFoldsWidthAndCase() {
        #expect(maker.key("（记者 林晓岚）ＧＤＰ增长６.２％！").text == "记者林晓岚gdp增长62")
        #expect(maker.key("Ｈello　World — “引号”、《书名》【括号】").text == "helloworld引号书名括号")
        #expect(maker.key("ÀÉÎ Straße").text == "àéîstraße")
    }

    @Test func digitsAreKeptUnlessFolded() {
        #expect(maker.key("2021年6月30日").text == "2021年6月30日")
        #expect(ParagraphKeyMaker(view: .widthFoldingOnly, foldDigits: true).key("2021年6月30日").text == "0000年0月00日")
    }

    @Test func bothScriptFoldsMakeATraditionalTwinKeyLikeItsSimplifiedOriginal() throws {
        let simplified = "周明远强调，要加强监测预警，及时向群众发布预警信息；后续工作里干部要干净利落。"
        let traditional = "周明遠強調，要加強監測預警，及時向群眾發佈預警信息；後續工作裡幹部要乾淨利落。"
        for fold in [try DedupHarness.cliFold, .view(try ScriptConverter.matchingView())] {
            let maker = ParagraphKeyMaker(fold)
            #expect(maker.key(traditional).hash == maker.key(simplified).hash)
            #expect(maker.key("會議現場").text == "会议现场")
        }
        #expect(ParagraphKeyMaker(view: .widthFoldingOnly).key("會議現場").text == "會議現場")
    }

    @Test func tableFoldTakesTheLongestPhraseThenSingleCharacters() throws {
        let rules = [TransliterationRule(key: [0x4E7E], replacement: [0x5E72]),          // 乾 → 干
                     TransliterationRule(key: [0x4E7E, 0x9686], replacement: [0x4E7E, 0x9686]),  // 乾隆 stays
                     TransliterationRule(key: [0x4E7E], replacement: [0x4E7E])]          // masked by the first
        let maker = ParagraphKeyMaker(.table(ScriptFoldTable(rules: rules)))
        #expect(maker.key("乾隆乾淨").text == "乾隆干淨")
        #expect(maker.key("乾").text == "干")
        let cli = ParagraphKeyMaker(try DedupHarness.cliFold)
        #expect(cli.key("為甚麼").hash == cli.key("为什么").hash)
    }

    @Test func hashIsStableAcrossRunsAndRoundTripsThroughHex() {
        let hash = maker.key("会议现场").hash
        #expect(KeyHash(hex: Substring(hash.hex)) == hash)
        #expect(hash.hex.count == 32)
        // A fixed value: keys written by one process must match those of another (emit-keys / drop).
        #expect(KeyHash(scalars: [0x4F1A, 0x8BAE]).hex == KeyHash(scalars: [0x4F1A, 0x8BAE]).hex)
        #expect(KeyHash(scalars: [1, 2]) != KeyHash(scalars: [2, 1]))
        #expect(KeyHash(scalars: [1]) != KeyHash(scalars: [1, 0]))
    }

    @Test func fingerprintSetKeepsTheFirstOwnerThroughGrowth() {
        var set = FingerprintSet()
        for i in 0..<200_000 { set.insert(KeyHash.finalize(UInt64(i)), owner: UInt32(i % 1000)) }
        #expect(set.count == 200_000)
        for i in stride(from: 0, to: 200_000, by: 997) {
            #expect(set.insert(KeyHash.finalize(UInt64(i)), owner: 9999) == UInt32(i % 1000))
        }
        #expect(set.owner(of: KeyHash.finalize(1_000_001)) == nil)
        #expect(Double(set.bytes) / Double(set.count) <= 16.5)
        var zero = FingerprintSet()
        zero.insert(0, owner: 7)
        #expect(zero.owner(of: 0) == 7)
    }

    @Test func bloomFilterHasNoFalseNegativesAndAboutTheConfiguredRate() {
        var bloom = BloomFilter(expected: 100_000, falsePositiveRate: 1e-3)
        #expect(bloom.hashCount == 10)
        #expect(abs(Double(bloom.bytes) / 100_000 - 1.8) < 0.05)
        let hash = { (i: Int) in KeyHash(low: KeyHash.finalize(UInt64(i)), high: KeyHash.finalize(UInt64(i) ^ 0xABCDEF)) }
        for i in 0..<100_000 { bloom.insert(hash(i)) }
        #expect((0..<100_000).allSatisfy { bloom.mightContain(hash($0)) })
        let falsePositives = (100_000..<300_000).filter { bloom.mightContain(hash($0)) }.count
        #expect(falsePositives < 400)
    }

    @Test func minHashEstimatesJaccardSimilarity() {
        let base = (0..<400).map { UInt32(0x4E00 + ($0 * 37) % 5000) }
        var a = MinHashSketch(), b = MinHashSketch(), c = MinHashSketch()
        a.add(key: base)
        b.add(key: Array(base[0..<360]) + (0..<40).map { UInt32(0x6000 + $0) })
        c.add(key: (0..<400).map { UInt32(0x7000 + $0) })
        var lsh = MinHashLSH(threshold: 0.6)
        lsh.insert(a.signature()!, owner: 42)
        let match = lsh.query(b.signature()!)
        #expect(match?.owner == 42)
        #expect(abs((match?.similarity ?? 0) - 0.8) < 0.12)
        #expect(lsh.query(c.signature()!) == nil)
    }
}
