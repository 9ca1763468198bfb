import Testing
@testable import QingxiCore

@Suite struct DedupStreamTests {
    let shared = "据县气象台预报，未来三天全县将出现一次明显降雨过程，局部地区有大到暴雨。"
    let other = "县应急管理局提醒广大群众，雨天尽量减少外出，远离河道、山塘和地质灾害隐患点。"
    let third = "各乡镇已提前转移危险区域群众一千二百余人，储备编织袋、救生衣等防汛物资。"

    @Test func keepsTheFirstOccurrenceAcrossArticlesInStreamOrder() throws {
        let input = [[shared, other], [third, shared], [shared, "此外", other]]
        let result = try DedupHarness.dedup(input) { $0.scope = .stream }
        #expect(result.kept == [[shared, other], [third], ["此外"]])
        #expect(result.removals.map(\.2) == ["seen in article a1", "seen in article a1", "seen in article a1"])
        #expect(DedupHarness.accountsForEverything(input, result))
    }

    @Test func shortCommonLinesAcrossArticlesAreKept() throws {
        let short = ["此外", "2021", "图为会议现场", "本报记者 王宁"]
        let result = try DedupHarness.dedup([short, short]) { $0.scope = .stream }
        #expect(result.kept == [short, short])
    }

    @Test func minCharsLowersTheGuard() throws {
        let result = try DedupHarness.dedup([["本报记者 王宁"], ["本报记者 王宁"]]) { $0.scope = .stream; $0.minChars = 4 }
        #expect(result.kept == [["本报记者 王宁"], []])
    }

    @Test func traditionalCopyInALaterArticleIsSeen() throws {
        let simplified = "周明远强调，要加强监测预警，气象、水文部门每天会商研判，及时向群众发布预警信息。"
        let traditional = "周明遠強調，要加強監測預警，氣象、水文部門每天會商研判，及時向群眾發佈預警信息。"
        let result = try DedupHarness.dedup([[simplified], [traditional]]) { $0.scope = .stream }
        #expect(result.kept == [[simplified], []])
    }

    @Test func bloomFilterGivesTheSameResultWithoutNamingTheArticle() throws {
        let input = [[shared, other], [third, shared], [shared, other]]
        let result = try DedupHarness.dedup(input) { $0.scope = .stream; $0.bloomRate = 1e-3; $0.expected = 1000 }
        #expect(result.kept == [[shared, other], [third], []])
        #expect(result.removals.map(\.2) == Array(repeating: "seen in an earlier article", count: 3))
    }

    @Test func inArticleRepeatsAreStillReportedAsSuch() throws {
        let result = try DedupHarness.dedup([[shared, other, shared]]) { $0.scope = .stream }
        #expect(result.removals.map(\.2) == ["duplicate of ¶1"])
    }

    @Test func emitKeysThenDropEqualsStreamScope() throws {
        let input = [
            [shared, other, "", shared, "此外"],
            [third, shared + "（完）", "短句", "周明遠強調，要加強監測預警，氣象、水文部門每天會商研判"],
            ["周明远强调，要加强监测预警，气象、水文部门每天会商研判", other, "短句", third, "此外"],
        ]
        let stream = try DedupHarness.dedup(input) { $0.scope = .stream }
        var lines: [String] = []
        let emitter = try KeyEmitter(options: DedupOptions(), fold: try DedupHarness.cliFold) { lines.append($0) }
        let passThrough = try DedupHarness.run(emitter, input)
        #expect(passThrough.kept == input)

        var dropList = DropList(name: "drop.tsv")
        var firstSeen = Set<Substring>()
        for line in lines {
            let key = line.split(separator: "\t")[0]
            if !firstSeen.insert(key).inserted { try dropList.add(line: line.dropLast()) }
        }
        let dropped = try DedupHarness.dedup(input, dropList: dropList)
        #expect(dropped.kept == stream.kept)
        #expect(dropped.removals.contains { $0.2 == "listed in drop.tsv" })
    }

    @Test func dropListWithAnotherKeyFailsLoudly() throws {
        var dropList = DropList(name: "drop.tsv")
        try dropList.add(line: "0123456789abcdef0123456789abcdef\ta1\t1")
        #expect(throws: QingxiError.self) { try DedupHarness.dedup([[shared]], dropList: dropList) }
        #expect(throws: DataFileLineError.self) { try dropList.add(line: "xyz\ta1\t1") }
    }

    @Test func isIdempotent() throws {
        let input = [[shared, other, shared], [third, shared, "此外"], [other, third]]
        let once = try DedupHarness.dedup(input) { $0.scope = .stream }
        let twice = try DedupHarness.dedup(once.kept) { $0.scope = .stream }
        #expect(twice.kept == once.kept)
        #expect(twice.removals.isEmpty)
    }
}
