import Foundation
import Testing
@testable import QingxiCore

/// The document fingerprint: near duplicates a few bits apart, unrelated texts far apart, stable across runs.
@Suite struct SimHashTests {
    /// About 220 characters: the length of a short news item (fingerprints are for articles, not sentences).
    static let base = "全面推行河长制以来各地河湖面貌明显改善群众满意度持续提升水利部有关负责人介绍河长制工作要点已经印发各级河长要落实巡河责任健全河湖管护长效机制"
        + "据介绍全国已有三十多万名各级河长上岗履职累计清理河道垃圾数百万吨拆除违法建筑一大批水利部要求各地要把河湖长效管护与乡镇供水防汛抗旱结合起来"
        + "做到发现问题及时处置下一步水利部将会同有关部门开展暗访督查对工作不力的地方进行通报推动责任落到实处"

    @Test func identicalTextsShareTheirFingerprint() {
        #expect(SimHash(concatenating: [Self.base]) == SimHash(concatenating: [Self.base]))
        #expect(SimHash(concatenating: ["全面推行", "河长制"]) == SimHash(concatenating: ["全面推行河长制"]))
    }

    @Test func aSmallEditMovesFewBits() {
        let edited = Self.base.replacingOccurrences(of: "持续", with: "不断")
        #expect(SimHash(concatenating: [Self.base]).distance(to: SimHash(concatenating: [edited])) <= 3)
    }

    @Test func unrelatedTextsAreFarApart() {
        let other = "今年以来多地通过发展特色种植乡村旅游带动农民增收致富全面实施乡村振兴战略要把产业发展放在重要位置"
        #expect(SimHash(concatenating: [Self.base]).distance(to: SimHash(concatenating: [other])) >= 16)
    }

    @Test func hexRoundTripsAndShortTextsHash() throws {
        let hash = SimHash(concatenating: [Self.base])
        #expect(hash.hex.count == 16)
        #expect(SimHash(hex: hash.hex) == hash)
        #expect(SimHash(concatenating: ["河"]).value != 0)
        #expect(SimHash(scalars: []).value == 0)
        // Fixed value: the fingerprint must not change between runs or machines (stored in indexes).
        #expect(SimHash(concatenating: ["河长制"]).hex == SimHash(scalars: "河长制".unicodeScalars.map(\.value)).hex)
    }
}
