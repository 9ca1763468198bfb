import Testing
@testable import QingxiCore

/// Issue 15, "Removals a reader can trust": the near-duplicate contract (the kept paragraph covers the removed
/// one) and the run rule for short repeated lines. The texts are written for these tests.
@Suite struct DedupTrustTests {
    @Test func numberedClausesDifferingInOneTermAreBothKept() throws {
        let clauses = [
            "第十二条　代理人应当在委托权限内以被代理人的名义实施民事法律行为，并对其执业过程中知悉的商业秘密负有保密义务。",
            "第十三条　代理机构应当在委托权限内以被代理人的名义实施民事法律行为，并对其执业过程中知悉的商业秘密负有保密义务。",
            "（一）受托单位应当于每季度结束后十日内报送项目资金使用情况，并附具相关票据和验收材料的复印件。",
            "（二）受托个人应当于每季度结束后十日内报送项目资金使用情况，并附具相关票据和验收材料的复印件。",
            "1. 申请人应当如实填写申请表，提交营业执照副本、法定代表人身份证明和近三年的财务审计报告。",
            "2. 申请人应当如实填写申请表，提交营业执照副本、法定代表人身份证明和近两年的财务审计报告。",
        ]
        let result = try DedupHarness.dedup([clauses])
        #expect(result.kept[0] == clauses)
    }

    @Test func aNumberedClauseRepeatedInAnotherListIsKeptButACopiedListGoes() throws {
        let conditions = [
            "（一）近三年内无重大违法违规记录，未被列入失信被执行人名单和严重违法失信企业名单。",
            "（二）按时足额缴纳社会保险费，近十二个月内无欠缴社会保险费的情况发生。",
        ]
        let lists = ["个人申请应当符合下列条件：", conditions[0], "企业申请应当符合下列条件：", conditions[1], conditions[0]]
        #expect(try DedupHarness.dedup([lists]).kept[0] == lists)
        let copied = ["申请条件"] + conditions + ["审核程序", "申请条件"] + conditions
        #expect(try DedupHarness.dedup([copied]).kept[0] == Array(copied[0...3]))
    }

    @Test func aHeadingInsideALongerHeadingAreBothKept() throws {
        for lines in [["三、重点任务", "三、重点任务和保障措施"], ["重点任务和保障措施", "重点任务"], ["专家组提出了以下意见：", "专家组成员提出了以下意见："],
                      ["关于进一步加强全县农村公路、桥梁安全管理工作的实施意见", "关于进一步加强全县农村公路、桥梁和渡口安全管理工作的实施意见"]] {
            let result = try DedupHarness.dedup([lines])
            #expect(result.kept[0] == lines)
        }
    }

    @Test func aParagraphAndItsSupersetAreBothKept() throws {
        let paragraph = "今年以来，全市新建改建农村公路四百二十公里，完成危桥改造三十六座，群众出行条件明显改善。"
        let superset = paragraph + "下一步，市交通运输局将重点推进通村客车和物流站点建设。"
        let result = try DedupHarness.dedup([[paragraph, superset]])
        #expect(result.kept[0] == [paragraph, superset])
    }

    @Test func threeQuotationsEachFollowedByTheSameAttributionAllKeepIt() throws {
        let lines = [
            "“水库要管好，堤防要守牢，这是我们每年汛前必须答好的一道题。”",
            "——清河县水利局局长 顾长青",
            "“今年的监测站点比去年多了一倍，雨情水情半小时就能报上来。”",
            "——清河县水利局局长 顾长青",
            "“群众转移的路线图，每个村都要贴到墙上，讲到每一户。”",
            "——清河县水利局局长 顾长青",
        ]
        let result = try DedupHarness.dedup([lines])
        #expect(result.kept[0] == lines)
    }

    @Test func aSectionHeadingUsedTwiceIsKeptBothTimes() throws {
        let lines = [
            "一季度情况", "全县完成固定资产投资十八亿元，其中工业投资增长百分之十二，民间投资持续回暖。",
            "二季度情况", "全县完成固定资产投资二十一亿元，基础设施投资增长较快，房地产开发投资有所下降。",
            "此外", "一季度情况",
        ]
        let result = try DedupHarness.dedup([lines])
        #expect(result.kept[0] == lines)
    }

    @Test func aBodyPrintedTwiceWithItsCaptionsLosesTheWholeSecondCopy() throws {
        let block = [
            "图为清河大桥加固现场 陈立新 摄",
            "九月以来，施工单位对清河大桥的三个桥墩进行了加固，目前主体工程已完成八成。",
            "大桥加固期间实行单向通行",
            "县交警大队在桥头设置了临时信号灯，并安排专人在早晚高峰时段疏导交通。",
            "——清河县融媒体中心",
        ]
        let article = ["清河大桥加固工程进展顺利"] + block + ["", "　"] + block + [""]
        let result = try DedupHarness.dedup([article])
        #expect(result.kept[0] == ["清河大桥加固工程进展顺利"] + block + ["", "　", ""])
        #expect(result.removals.map(\.1) == [9, 10, 11, 12, 13])
        #expect(DedupHarness.accountsForEverything([article], result))
    }

    @Test func aShortRepeatNeedsARunOfTwoCopiesBesideIt() throws {
        let bodies = [
            "九月以来，施工单位对清河大桥的三个桥墩进行了加固，目前主体工程已完成八成。",
            "县交警大队在桥头设置了临时信号灯，并安排专人在早晚高峰时段疏导交通。",
        ]
        // A heading and two paragraphs printed again: a run, the heading goes with it.
        let two = ["大桥加固期间实行单向通行"] + bodies + ["专家点评", "大桥加固期间实行单向通行"] + bodies
        #expect(try DedupHarness.dedup([two]).kept[0] == Array(two[0..<4]))
        // A heading and one paragraph printed again: not evidence enough, the heading stays.
        let one = ["大桥加固期间实行单向通行", bodies[0], "专家点评", "大桥加固期间实行单向通行", bodies[0]]
        #expect(try DedupHarness.dedup([one]).kept[0] == Array(one[0..<4]))
        // The copies after the heading repeat what followed something else: not its run.
        let shifted = ["大桥加固期间实行单向通行", "专家点评"] + bodies + ["大桥加固期间实行单向通行"] + bodies
        #expect(try DedupHarness.dedup([shifted]).kept[0] == Array(shifted[0..<5]))
        // After a run of two copies, an attribution that followed the originals goes too.
        let after = bodies + ["——清河县融媒体中心", "专家点评"] + bodies + ["——清河县融媒体中心"]
        #expect(try DedupHarness.dedup([after]).kept[0] == Array(after[0..<4]))
    }

    @Test func aTableOfShortRowsPrintedTwiceLosesTheSecondCopyButThreeLinesAreNotEnough() throws {
        let rows = ["品名 规格 单价", "大米 25公斤 128元", "面粉 10公斤 46元", "菜籽油 5升 89元", "鸡蛋 1公斤 11元"]
        let table = ["本周粮油价格"] + rows + ["", "本周粮油价格"] + rows
        #expect(try DedupHarness.dedup([table]).kept[0] == Array(table[0...6]))
        let short = ["分享", "facebook", "LINE", "正文"] + ["分享", "facebook", "LINE"]
        #expect(try DedupHarness.dedup([short]).kept[0] == short)
    }

    @Test func aCopyThatAddsAFewCharactersIsRemovedAndSaysHowMany() throws {
        let first = "会议要求，县防汛抗旱指挥部各成员单位实行二十四小时值班制度，确保信息畅通、指令直达、处置及时。"
        let credited = first + "（记者 林晓岚）"
        let longer = first + "（清河县融媒体中心记者 林晓岚）"
        let result = try DedupHarness.dedup([[first, credited, longer]])
        #expect(result.kept[0] == [first, longer])
        #expect(result.removals.map(\.2) == ["near-duplicate of ¶1, adds 5 chars"])
    }

    @Test func aReplacedPhraseOrAnAddedFigureIsNotACopy() throws {
        let kept = "清河县自然资源局发布了全县耕地保护情况年度报告，报告全文已经在县政府网站公开。"
        let phrase = "清河县社会事业局发布了全县耕地保护情况年度报告，报告全文已经在县政府网站公开。"
        let figure = "清河县自然资源局发布了全县耕地保护情况年度报告，报告全文已经于3日在县政府网站公开。"
        let typo = "清河县自然资源局发布了全县耕地保护情况年度报告，报告全文已经在县政府网站公布。"
        let result = try DedupHarness.dedup([[kept, phrase, figure, typo]])
        #expect(result.kept[0] == [kept, phrase, figure])
        #expect(result.removals.map(\.2) == ["near-duplicate of ¶1, adds 1 char"])
    }

    @Test func alignmentCountsCharactersAddedAndDropped() {
        let kept = Array("abcdefghij".unicodeScalars.map(\.value))
        let later = Array("abcXdefghijYZ".unicodeScalars.map(\.value))
        let alignment = KeyAlignment(later: later, kept: kept)
        #expect((alignment.added, alignment.dropped, alignment.common) == (3, 0, 10))
        let long = (0..<300).map { UInt32(0x4E00 + $0 % 97) }
        var edited = long
        edited.remove(at: 150)
        edited.insert(0x41, at: 70)
        let both = KeyAlignment(later: edited, kept: long)
        #expect((both.added, both.dropped, both.common) == (1, 1, 299))
    }

    static let clause = "应当在每年三月底前报送上一年度的工作总结，并对报送材料的真实性负责。"

    @Test(arguments: [
        ("第十二条　代理人" + clause, ParagraphShape.numbered), ("第3章 " + clause, .numbered), ("第十條　" + clause, .numbered),
        ("（一）" + clause, .numbered), ("(2) " + clause, .numbered), ("一、" + clause, .numbered),
        ("1. " + clause, .numbered), ("12、" + clause, .numbered), ("①" + clause, .numbered), ("〔三〕" + clause, .numbered),
        ("一、总体要求", .short), ("（一）加强组织领导", .short), ("第三章　监督管理", .short),
        ("1.5亿元的项目资金已经全部拨付到位，剩余资金将在年底前完成审计。", .body),
        ("第一次全体会议", .short), ("——清河县水利局局长 顾长青", .short),
        ("市人大常委会副主任、市总工会主席李明远同志在座谈会上提出了以下意见：", .short),
        ("市人大常委会副主任、市总工会主席李明远同志在座谈会上提出了以下意见: 　", .short),
        ("关于进一步加强农村生活垃圾收运处置体系建设管理工作的实施意见", .short),
        ("关于加强农村公路、桥梁和渡口安全管理工作的实施意见的补充通知", .short),
        ("今年以来，全县新建改建农村公路四百二十公里，群众出行条件明显改善", .short),
        ("今年以来，全县新建改建农村公路四百二十公里，群众出行条件明显改善。", .body),
        ("会议通报了今年以来全县防汛备汛工作情况，听取了水利、应急、气象等部门的汇报。", .body),
    ])
    func shapes(text: String, shape: ParagraphShape) throws {
        let key = ParagraphKeyMaker(try DedupHarness.cliFold).key(text)
        #expect(ParagraphShape.of(Paragraph(text: text, number: 1, line: 1), keyCount: key.count) == shape)
    }
}
