import Testing
@testable import QingxiCore

@Suite struct DedupArticleTests {
    let body = [
        "会议通报了今年以来全县防汛备汛工作情况，听取了水利、应急、气象等部门关于堤防巡查和物资储备的汇报。",
        "周明远强调，要加强监测预警，气象、水文部门每天会商研判，及时向群众发布预警信息。",
    ]

    @Test func secondCopyOfABodyPrintedTwiceIsRemoved() throws {
        let article = ["标题：清河县召开防汛工作推进会", "会议现场 陈立新 摄"] + body + ["", "会议现场 陈立新 摄"] + body
        let result = try DedupHarness.dedup([article])
        #expect(result.kept[0] == Array(article[0..<5]))
        #expect(result.removals.map(\.2) == ["duplicate of ¶2", "duplicate of ¶3", "duplicate of ¶4"])
        #expect(result.removals.map(\.1) == [6, 7, 8])
        #expect(DedupHarness.accountsForEverything([article], result))
    }

    @Test func traditionalTwinOfASimplifiedParagraphIsRemoved() throws {
        let twin = "周明遠強調，要加強監測預警，氣象、水文部門每天會商研判，及時向群眾發佈預警信息。"
        let result = try DedupHarness.dedup([[body[1], twin]])
        #expect(result.kept[0] == [body[1]])
        #expect(result.removals.map(\.2) == ["duplicate of ¶1"])
    }

    @Test func whitespacePunctuationWidthAndCaseDoNotMatter() throws {
        let variants = [
            "全县ＧＤＰ同比增长６.２％ ，增速比上半年加快０.４个百分点，好于全市平均水平。",
            "全县gdp 同比增长 6.2%, 增速比上半年加快 0.4 个百分点, 好于全市平均水平",
            "全县GDP同比增长62增速比上半年加快04个百分点好于全市平均水平！！",
        ]
        let result = try DedupHarness.dedup([variants])
        #expect(result.kept[0] == [variants[0]])
        #expect(result.removals.count == 2)
    }

    @Test func paragraphsDifferingOnlyInANumberAreBothKept() throws {
        let lines = [
            "前三季度全县规模以上工业增加值同比增长6.2%，增速比上半年提高0.4个百分点，好于全市平均水平。",
            "前三季度全县规模以上工业增加值同比增长5.8%，增速比上半年提高0.4个百分点，好于全市平均水平。",
        ]
        let result = try DedupHarness.dedup([lines])
        #expect(result.kept[0] == lines)
    }

    @Test func foldDigitsMergesThemForTemplateHunting() throws {
        let lines = ["本期双色球中奖号码为03、17、22、25、30、33，蓝球为08，奖池余额1200万元。",
                     "本期双色球中奖号码为05、11、19、24、29、31，蓝球为12，奖池余额1350万元。"]
        let result = try DedupHarness.dedup([lines]) { $0.foldDigits = true }
        #expect(result.kept[0] == [lines[0]])
    }

    @Test func nearDuplicatesWithAWordChangedOrANoteAppendedAreRemoved() throws {
        let first = "周明远指出，秋汛期降雨集中，山洪和城市内涝风险叠加，各乡镇各部门要克服麻痹思想，把防汛责任落实到每一段堤防、每一座水库、每一个村组。"
        let changed = "周明远指出，秋汛期降水集中，山洪和城市内涝风险叠加，各乡镇各部门要克服麻痹思想，把防汛责任落实到每一段堤防、每一座水库、每一个村组。"
        let appended = first + "（记者 林晓岚）"
        let result = try DedupHarness.dedup([[first, changed, appended]])
        #expect(result.kept[0] == [first])
        let reasons = result.removals.map(\.2)
        #expect(reasons.count == 2)
        #expect(reasons == ["near-duplicate of ¶1, adds 1 char", "near-duplicate of ¶1, adds 5 chars"])
    }

    @Test func nearTestOffKeepsNearCopies() throws {
        let first = "周明远指出，秋汛期降雨集中，山洪和城市内涝风险叠加，各乡镇各部门要克服麻痹思想。"
        let appended = first + "（记者 林晓岚）"
        let result = try DedupHarness.dedup([[first, appended]]) { $0.near = nil }
        #expect(result.kept[0] == [first, appended])
    }

    @Test func blankAndPunctuationOnlyParagraphsAreNeverRemoved() throws {
        let lines = ["", "——", "", "——", "　", "* * *", "* * *"]
        let result = try DedupHarness.dedup([lines])
        #expect(result.kept[0] == lines)
    }

    @Test func shortLinesRepeatedOnTheirOwnAreKept() throws {
        let result = try DedupHarness.dedup([["1", "1", "此外", "此外"]])
        #expect(result.kept[0] == ["1", "1", "此外", "此外"])
    }

    @Test func articleScopeRemembersNothingBetweenArticles() throws {
        let result = try DedupHarness.dedup([body, body])
        #expect(result.kept == [body, body])
    }

    @Test func isIdempotent() throws {
        let first = "周明远指出，秋汛期降雨集中，山洪和城市内涝风险叠加，各乡镇各部门要克服麻痹思想，把防汛责任落实到每一段堤防。"
        let article = [first, body[0], first + "（记者 林晓岚）", "", body[0], body[1], "周明遠指出，秋汛期降雨集中，山洪和城市內澇風險疊加"]
        let once = try DedupHarness.dedup([article])
        let twice = try DedupHarness.dedup(once.kept)
        #expect(twice.kept == once.kept)
        #expect(twice.removals.isEmpty)
    }

    @Test func reasonsPrintTwoDecimalsRoundedDown() {
        #expect(ParagraphDeduplicator.twoDecimals(0.93) == "0.93")
        #expect(ParagraphDeduplicator.twoDecimals(0.9999) == "0.99")
        #expect(ParagraphDeduplicator.twoDecimals(1) == "1.00")
        #expect(ParagraphDeduplicator.twoDecimals(0.905) == "0.90")
    }
}
