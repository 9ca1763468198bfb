import Testing
@testable import QingxiCore

@Suite struct KeywordFinderTests {
    let finder: TermCandidateFinder

    init() throws {
        let view = MatchingView.widthFoldingOnly
        finder = try TermCandidateFinder(lexicon: PolicyLexicon(terms: [("乡村振兴", "rural"), ("四个全面", "party")],
                                                                outlets: ["求是"], view: view))
    }

    func terms(_ text: String, kind: TermKind? = nil) throws -> [String] {
        try finder.candidates(in: ViewText(text, view: .widthFoldingOnly), paragraph: 0)
            .filter { kind == nil || $0.kind == kind }
            .map(\.term)
            .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }

    @Test(arguments: [
        ("健全取用水总量控制指标体系", "取用水总量控制指标体系"),
        ("落实最严格的水资源管理制度", "最严格的水资源管理制度"),
        ("要建立健全河库日常监管巡查机制", "河库日常监管巡查机制"),
        ("要实行生态环境损害责任终身追究制，对失职的依法追究", "生态环境损害责任终身追究制"),
        ("全面推行河长制，", "河长制"),
        ("是推进水生态文明建设的重大制度创新", "水生态文明建设"),
        ("颁布农村土地承包经营纠纷调解仲裁法，", "农村土地承包经营纠纷调解仲裁法"),
        ("要建立医疗机构不良执业行为记分制度", "医疗机构不良执业行为记分制度"),
        ("加快保障性住房工程建设", "保障性住房工程"),
        ("出台了一揽子房地产新政", "房地产新政"),
        ("要在该县林长制工作中", "林长制"),
        ("与湖北省建立省际联防联控机制", "省际联防联控机制"),
        ("建立县级基本财力保障机制", "县级基本财力保障机制"),
        ("坚守18亿亩耕地红线政策", "耕地红线政策"),
        ("苹果被指违反中国劳动法", "劳动法"),
        ("，暗标竞价出让制度也在考虑之中", "暗标竞价出让制度"),
        ("国务院印发行动计划", nil),
    ].map { ($0.0, $0.1 ?? "") })
    func suffixPhraseStartsAfterTheVerb(sentence: String, expected: String) throws {
        #expect(try terms(sentence, kind: .phrase) == (expected.isEmpty ? [] : [expected]))
    }

    /// Regression (county-meeting fixture: 2023年度林长制 gave 度林长制): the left edge of a suffix phrase is
    /// where ICU starts a word, never inside a time word, an ordinal, a unit, a counting word or an unknown
    /// word that word break left in single characters.
    @Test(arguments: [
        ("召开2023年度林长制工作推进会", "林长制"),
        ("全省第三季度林长制考核", "林长制"),
        ("在2008年家电下乡政策中", "家电下乡政策"),
        ("134份土地规划需报国务院", "土地规划"),
        ("市(地)级土地利用总体规划", "土地利用总体规划"),
        ("要建立健全多渠道解决劳动争议纠纷机制", "多渠道解决劳动争议纠纷机制"),
        ("开发商交付精装修第三方造价清单", "造价清单"),
        ("美国对华强硬政策", "强硬政策"),
        ("和30日公布的迪斯尼乐园扩建计划", "迪斯尼乐园扩建计划"),
        ("黑龙江省林长制", "林长制"),
        ("同时受上世纪90年代末中国房改政策带动", "中国房改政策"),
        ("足球假、赌、黑治理行动继续", "治理行动"),
        ("初审的修订草案、驻外外交人员法草案", "驻外外交人员法"),
        ("破获5起重大制毒案", nil),
        ("超过3000亿美元清单", nil),
        ("启动一期工程", nil),
        ("运营商某次活动", nil),
    ].map { ($0.0, $0.1 ?? "") })
    func aPhraseNeverStartsInsideAWord(sentence: String, expected: String) throws {
        #expect(try terms(sentence, kind: .phrase) == (expected.isEmpty ? [] : [expected]))
    }

    @Test func aLoneCountingWordBeforeALexiconTermDoesNotCutIt() throws {
        let view = MatchingView.widthFoldingOnly
        let finder = try TermCandidateFinder(lexicon: PolicyLexicon(terms: [("以旧换新", "economy")], view: view))
        let found = try finder.candidates(in: ViewText("国务院转发了关于家电产品以旧换新实施方案", view: view), paragraph: 0)
        #expect(found.filter { $0.kind == .phrase }.map(\.term) == ["家电产品以旧换新实施方案"])
    }

    @Test func aPhraseIsNotCutInsideALexiconTerm() throws {
        let view = MatchingView.widthFoldingOnly
        let finder = try TermCandidateFinder(lexicon: PolicyLexicon(terms: [("家电以旧换新", "economy")], view: view))
        let found = try finder.candidates(in: ViewText("商务部称正制定家电以旧换新实施办法", view: view), paragraph: 0)
        #expect(found.filter { $0.kind == .phrase }.map(\.term) == ["家电以旧换新实施办法"])
    }

    @Test(arguments: ["要加强污染物总量控制", "他是一名系统工程师", "中国建设银行发布公告", "我们不在规划范围内",
                      "他特别看重制度建设", "同意我的意见", "进行动员部署", "坚持改革开放",
                      "英语听写法很有效", "这是他的做法", "建立影音制播与发行渠道",
                      "按照决策层、管理层和执行层三层机制运行"])
    func wordsThatOnlyLookLikePolicySuffixesAreNotPhrases(sentence: String) throws {
        #expect(try terms(sentence, kind: .phrase).isEmpty)
    }

    @Test func aQuotedNameThenOfIsNotAStem() throws {
        #expect(try terms("没有突破“控制性规划”的规划调整", kind: .phrase) == ["控制性规划"])
    }

    @Test func numberedSlogans() throws {
        let found = try terms("打好三大攻坚战，坚持“五位一体”总体布局，落实“四个全面”，按第五条规定执行。五四青年节。")
        #expect(found.contains("三大攻坚战"))
        #expect(found.contains("五位一体"))
        #expect(found.contains("五位一体总体布局"))
        #expect(found.contains("四个全面"))
        #expect(!found.contains { $0.contains("五条") || $0.contains("五四") })
    }

    /// Dev news (live-stream comments, phone reviews, property news): shapes that only look like slogans or
    /// suffix phrases.
    @Test(arguments: ["直播间充满了“一定要去一次”的弹幕", "厂家提供两种方案供选择", "新机支持高清视频录制",
                      "对5类家电“以旧换新”进行补贴", "法院不得使用本条例", "另外专门出条例", "商务部政策出台",
                      "有的人千方百计想办法", "“刑天兽”更是法力高强", "推出家庭热水系统解决方案", "节日促销活动火爆",
                      "宿舍申请上是有优惠政策的"])
    func countingAndVerbsAreNotPolicies(sentence: String) throws {
        #expect(try terms(sentence).isEmpty)
    }

    @Test func slogansWithCountingMeasuresNeedAStrongSuffix() throws {
        #expect(try terms("深化三项制度改革", kind: .slogan) == ["三项制度"])
        #expect(try terms("坚持“一国两制”，推进“两学一做”，落实三去一降一补", kind: .slogan).contains("两学一做"))
    }

    /// Dev news: dates, repeated characters, nicknames and catchphrases in quotes, after verbs and before nouns
    /// too general to make them policies.
    @Test(arguments: ["“十一”后成交量回升", "全国多地开启“抖抖抖”模式", "如同“好奇宝宝”问题一个接一个",
                      "选择“再战江湖”服务器登陆", "他提出了“点穴攻击”的思路", "坚持“定期定投”指数基金"])
    func quotedWordsThatAreNotPolicies(sentence: String) throws {
        #expect(try terms(sentence).isEmpty)
    }

    @Test func quotedTermsNeedAPolicyContext() throws {
        let found = try terms("深化“放管服”改革，推进“一网通办”。股市“忽冷忽热”，他说“不差钱”。")
        #expect(found.contains("放管服改革"))
        #expect(found.contains("一网通办"))
        #expect(!found.contains("忽冷忽热"))
        #expect(!found.contains("不差钱"))
    }

    @Test func documentTitlesButNotMediaOrFilms() throws {
        let found = try terms("《求是》刊文，《经济日报》报道，《关于全面推行河长制的意见》和《中华人民共和国水法》，"
                              + "电影《流浪地球》，《土地管理办法(试行)》。")
        #expect(found.filter { $0.hasPrefix("《") } == ["《关于全面推行河长制的意见》", "《中华人民共和国水法》",
                                                        "《土地管理办法(试行)》"])
    }

    @Test func aLexiconEntryOpeningWithAVerbGivesThePolicy() throws {
        let view = MatchingView.widthFoldingOnly
        let finder = try TermCandidateFinder(lexicon: PolicyLexicon(
            terms: [("全面推行河长制", "ecology"), ("河长制", "ecology"), ("推动高质量发展", "economy")], view: view))
        let found = try finder.candidates(in: ViewText("全面推行河长制，推动高质量发展。", view: view), paragraph: 0)
            .filter { $0.kind == .lexicon }.map(\.term)
        #expect(found == ["河长制", "推动高质量发展"], "高质量发展 is not in this lexicon, so the entry stays whole")
    }

    @Test func documentNamesWithoutTitleMarks() throws {
        let found = try terms("财政部关于推进省直接管理县财政改革的意见发布。《关于加强河长制工作的通知》印发。", kind: .document)
        #expect(found == ["《关于加强河长制工作的通知》", "关于推进省直接管理县财政改革的意见"])
    }

    @Test func lexiconTermsByLongestMatch() throws {
        #expect(try terms("实施乡村振兴战略", kind: .lexicon) == ["乡村振兴"])
        #expect(try terms("推进乡村振兴，", kind: .lexicon) == ["乡村振兴"])
    }
}
