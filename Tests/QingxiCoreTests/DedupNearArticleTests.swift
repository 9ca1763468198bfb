import Testing
@testable import QingxiCore

@Suite struct DedupNearArticleTests {
    /// An article of distinct sentences made from a seed number, so that two seeds give unrelated text.
    static func article(_ seed: Int, sentences: Int = 12) -> [String] {
        let subjects = ["县水利局", "市应急管理局", "镇政府", "县气象台", "市住建局", "区农业农村局", "县交通运输局", "市生态环境局"]
        let actions = ["组织开展", "部署推进", "督促落实", "全面排查", "集中整治", "统筹协调", "加快建设", "深入调研"]
        let objects = ["堤防加固工程", "山洪灾害预警", "农村饮水安全", "城市内涝治理", "水库除险加固", "河道清淤疏浚", "防汛物资储备", "地质灾害防治"]
        return (0..<sentences).map { i in
            let n = seed &* 31 &+ i &* 7
            return "\(subjects[n % 8])\(actions[(n / 8) % 8])\(objects[(n / 64 + i) % 8])工作，第\(seed)期第\(i)项任务涉及\(objects[(n + 3) % 8])和\(subjects[(n + 5) % 8])。"
        }
    }

    @Test func aLaterNearCopyOfAnArticleIsDroppedWhole() throws {
        let original = Self.article(1)
        var copy = original
        copy[3] = "县水利局临时增加了一项检查任务。"
        copy.append("（本报记者 王宁）")
        let input = [original, Self.article(2), copy]
        let result = try DedupHarness.dedup(input) { $0.nearArticles = 0.8 }
        #expect(result.kept[0] == original)
        #expect(result.kept[1] == Self.article(2))
        #expect(result.kept[2].isEmpty)
        let reasons = Set(result.articles[2].removed.map { $0.reason.prefix(28) })
        #expect(reasons == ["near-duplicate article of a1"])
        #expect(result.articles[2].removed.map(\.paragraph) == Array(1...copy.count))
    }

    @Test func markModeAnnotatesAndKeepsTheParagraphs() throws {
        let original = Self.article(5)
        let copy = original.map { String($0.map { $0 == "县" ? "縣" : $0 == "务" ? "務" : $0 }) }
        let result = try DedupHarness.dedup([original, copy]) { $0.nearArticles = 0.8; $0.nearArticleAction = .mark }
        #expect(result.kept[1] == copy)
        let mark = result.articles[1].annotations.first { $0.key == "duplicate_of" }?.value
        #expect(mark?["article"]?.stringValue == "a1")
        #expect(result.articles[0].annotations.isEmpty)
    }

    @Test func unrelatedArticlesAreNotTouched() throws {
        let input = (1...30).map { Self.article($0) }
        let result = try DedupHarness.dedup(input) { $0.nearArticles = 0.8 }
        #expect(result.kept == input)
    }

    @Test func inStreamScopeACopyWhoseParagraphsWereSeenIsStillRecognised() throws {
        let original = Self.article(7)
        var copy = original
        copy.insert("另据了解，相关工作将于下月全面完成验收。", at: 4)
        let result = try DedupHarness.dedup([original, copy]) { $0.scope = .stream; $0.nearArticles = 0.8 }
        #expect(result.kept[1].isEmpty)
        let reasons = result.articles[1].removed.map(\.reason)
        #expect(reasons.filter { $0.hasPrefix("near-duplicate article of a1") }.count == 1)
        #expect(reasons.filter { $0 == "seen in article a1" }.count == original.count)
        #expect(DedupHarness.accountsForEverything([original, copy], result))
    }

    @Test func aDroppedArticleIsNotRememberedSoItsOwnParagraphSurvivesLater() throws {
        let original = Self.article(9)
        let extra = "另据了解，相关工作将于下月全面完成验收并向社会公布结果。"
        let copy = original + [extra]
        let later = Self.article(10) + [extra]
        let result = try DedupHarness.dedup([original, copy, later]) { $0.scope = .stream; $0.nearArticles = 0.8 }
        #expect(result.kept[1].isEmpty)
        #expect(result.kept[2] == later)
    }

    @Test func bandsMakeAnArticleAtTheThresholdACandidateButNotAnUnrelatedOne() {
        for threshold in [0.7, 0.8, 0.9] {
            let (b, r) = MinHashLSH.bandsAndRows(threshold: threshold, permutations: 128)
            #expect(b * r <= 128)
            #expect(MinHashLSH.candidateProbability(threshold, bands: b, rows: r) >= 0.995)
            #expect(MinHashLSH.candidateProbability(0.2, bands: b, rows: r) < 0.05)
        }
        #expect(MinHashLSH.bandsAndRows(threshold: 0.8, permutations: 128) == (21, 6))
    }
}
