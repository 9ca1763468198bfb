import Testing
@testable import QingxiCore

/// One row of an error class: an input, the terms it must give, and the terms (junk of the class) it must not.
struct KeywordCase: CustomTestStringConvertible, Sendable {
    let text: String
    let expected: [String]
    let absent: [String]
    var title: String? = nil

    var testDescription: String { text }
}

/// The error classes of issue 20 (keywords on text it was not tuned on), one test per class. Rows are written
/// for the class, not copied from evaluation articles. Terms are compared as reported (simplified; documents
/// keep their 《》). `absent` terms must not come out even with no score threshold at all.
@Suite struct KeywordErrorClassTests {
    let view: MatchingView

    init() throws {
        view = try ScriptConverter.matchingView()
    }

    /// The tests' own lexicon: the shipped one may grow, these rows must not move with it.
    func lexicon() -> PolicyLexicon {
        PolicyLexicon(terms: [("河长制", "ecology"), ("林长制", "ecology"), ("退耕还林", "ecology"), ("医联体", "society"),
                              ("二套房贷", "economy"), ("乡村振兴", "rural"), ("扫黑除恶", "security"), ("疫情防控", "generic"),
                              ("住房租赁市场", "generic")],
                      outlets: ["人民日报"], view: view)
    }

    /// Every term reported with no threshold (`minimumScore` 0, no relative cut).
    func allTerms(_ row: KeywordCase) throws -> [RankedTerm] {
        let stage = try PolicyTermExtractor(lexicon: lexicon(), view: view,
                                            ranker: KeywordRanker(minimumScore: 0, relativeCutoff: 0))
        return try KeywordFixture.run(stage, row.text, title: row.title).0
    }

    func check(_ row: KeywordCase) throws {
        let names = try allTerms(row).map(\.term)
        for term in row.expected { #expect(names.contains(term), "\(term) missing from \(names)") }
        for term in row.absent { #expect(!names.contains(term), "\(term) returned: \(names)") }
    }

    /// Spans that start too early: a leading verb, adverb, function word or title; never inside a word.
    @Test(arguments: [
        KeywordCase(text: "今年又有稳就业政策出台。", expected: ["稳就业政策"], absent: ["又有稳就业政策", "有稳就业政策"]),
        KeywordCase(text: "这体现出政策的连续性。", expected: [], absent: ["体现出政策", "出政策"]),
        KeywordCase(text: "设立自由贸易试验区（以下简称试验区）。", expected: [], absent: ["以下简称试验区", "简称试验区"]),
        KeywordCase(text: "他痛得连路都没办法走。", expected: [], absent: ["痛得连路都没办法", "没办法", "都没办法"]),
        KeywordCase(text: "依管理办法申请使用人行道。", expected: [], absent: ["依管理办法"]),
        KeywordCase(text: "其实都可透过政府政策协助。", expected: [], absent: ["其实都可透过政府政策", "透过政府政策"]),
        KeywordCase(text: "该户并与村里签订协议，参加联结机制。", expected: [], absent: ["并与村里签订协议"]),
        KeywordCase(text: "各地推进多方利益联结机制建设。", expected: ["多方利益联结机制"], absent: ["方利益联结机制"]),
        KeywordCase(text: "前任市长推动的轻轨延伸工程。", expected: [], absent: ["前任市长推动的轻轨延伸工程", "市长推动的轻轨延伸工程"]),
    ])
    func spansStartAtAWord(row: KeywordCase) throws {
        try check(row)
    }

    /// List items in quotes are separate terms when they are names; the lines of a slogan stay one term.
    @Test(arguments: [
        KeywordCase(text: "实施“飞跃计划、满天星计划”。", expected: ["飞跃计划", "满天星计划"],
                    absent: ["飞跃计划、满天星计划", "满天星"]),
        KeywordCase(text: "落实“外防输入、内防反弹”要求。", expected: ["外防输入、内防反弹"], absent: ["外防输入", "内防反弹"]),
    ])
    func listItemsAreSeparateTerms(row: KeywordCase) throws {
        try check(row)
    }

    /// A term and its variants in one article are one entry, listing every form and counting every occurrence;
    /// a tail that names an activity (行动, 建设) gives the shorter name.
    @Test(arguments: [
        (KeywordCase(text: "各地推进退耕还林。退耕还林工程进展顺利。", expected: ["退耕还林工程"], absent: ["退耕还林"]),
         ["退耕还林", "退耕还林工程"], 2),
        (KeywordCase(text: "二套房贷政策收紧。二套房贷利率上调，二套房贷首付提高。", expected: ["二套房贷政策"], absent: ["二套房贷"]),
         ["二套房贷政策", "二套房贷"], 3),
        (KeywordCase(text: "《中华人民共和国监察法》正式施行。监察法规定了留置。", expected: ["《中华人民共和国监察法》"],
                     absent: ["监察法"]),
         ["《中华人民共和国监察法》", "监察法"], 2),
        (KeywordCase(text: "坚持扫黑除恶。扫黑除恶行动取得成效。", expected: ["扫黑除恶"], absent: ["扫黑除恶行动"]),
         ["扫黑除恶", "扫黑除恶行动"], 2),
    ])
    func variantsAreOneEntry(row: KeywordCase, forms: [String], count: Int) throws {
        try check(row)
        let entry = try #require(try allTerms(row).first { $0.term == row.expected[0] })
        #expect(Set(entry.forms) == Set(forms))
        #expect(entry.count == count)
    }

    /// An abbreviation the article defines (以下简称…) is a form of the term, and so are its later mentions;
    /// when the term found is only the end of a longer name (中国（海南）|自由贸易试验区), the abbreviation
    /// names the group.
    @Test(arguments: [
        (KeywordCase(text: "印发《长江三角洲区域一体化发展规划纲要》（以下简称《纲要》）。\n《纲要》提出，到2025年基本实现一体化。",
                     expected: ["《长江三角洲区域一体化发展规划纲要》"], absent: ["纲要", "《纲要》"]), 3),
        (KeywordCase(text: "国务院批复设立中国（海南）自由贸易试验区（以下简称“海南自贸试验区”）。\n海南自贸试验区建设要突出特色。",
                     expected: ["海南自贸试验区"], absent: ["自由贸易试验区"]), 3),
    ])
    func definedAbbreviationsAreForms(row: KeywordCase, count: Int) throws {
        try check(row)
        #expect(try allTerms(row).first { $0.term == row.expected[0] }?.count == count)
    }

    /// The variant group in JSONL: one element of `qingxi.keywords` with every surface form, traditional
    /// input keeping its script in `forms`.
    @Test func variantGroupInJSONL() throws {
        let row = KeywordCase(text: "各地推進退耕還林。退耕還林工程進展順利。", expected: ["退耕还林工程"], absent: ["退耕还林"])
        try check(row)
        let entry = try #require(try allTerms(row).first)
        let json = String(decoding: entry.json.encoded(), as: UTF8.self)
        #expect(json.hasPrefix(#"{"term":"退耕还林工程","#))
        #expect(json.hasSuffix(#""kind":"lexicon","forms":["退耕還林","退耕還林工程"]}"#))
    }

    /// Merging variants and ranking subjects first keep the output deterministic: two stages, and one stage
    /// run twice, give the same terms in the same order.
    @Test func variantsAndSubjectsAreDeterministic() throws {
        let text = "现将《清河县林长制实施方案》印发给你们。推进退耕还林，退耕还林工程。二套房贷政策收紧，二套房贷利率上调。"
        let first = try PolicyTermExtractor(lexicon: lexicon(), view: view)
        let second = try PolicyTermExtractor(lexicon: lexicon(), view: view)
        let once = try KeywordFixture.run(first, text).0
        #expect(try KeywordFixture.run(first, text).0 == once)
        #expect(try KeywordFixture.run(second, text).0 == once)
        #expect(once.map(\.term) == ["《清河县林长制实施方案》", "二套房贷政策", "退耕还林工程"])
    }

    /// The document the article is about ranks first, even below another term's score.
    @Test(arguments: [
        KeywordCase(text: "现将《清河县林长制实施方案》印发给你们，请认真贯彻执行。\n全面推行河长制，河长制考核，落实河长制，河长制巡查。",
                    expected: ["《清河县林长制实施方案》"], absent: []),
        KeywordCase(text: "全面推行河长制，河长制考核，落实河长制，河长制巡查，并参照《清河县林长制实施方案》。",
                    expected: ["《清河县林长制实施方案》"], absent: [], title: "《清河县林长制实施方案》解读"),
    ])
    func theSubjectDocumentRanksFirst(row: KeywordCase) throws {
        let terms = try KeywordFixture.run(try PolicyTermExtractor(lexicon: lexicon(), view: view), row.text,
                                           title: row.title).0
        #expect(terms.first?.term == row.expected[0])
        #expect(terms.contains { $0.term == "河长制" && $0.score > terms[0].score })
    }

    /// A regional strategy (place + 崛起/振兴/大开发) is a candidate; 振兴 after an industry is not.
    @Test(arguments: [
        KeywordCase(text: "推动中原崛起和皖北振兴。", expected: ["中原崛起", "皖北振兴"], absent: []),
        KeywordCase(text: "支持江西省振兴发展。", expected: ["江西省振兴"], absent: []),
        KeywordCase(text: "推动产业振兴和民族振兴。", expected: [], absent: ["产业振兴", "民族振兴"]),
    ])
    func regionalStrategiesAreCandidates(row: KeywordCase) throws {
        try check(row)
    }

    /// A quoted law or regulation name is a document (Taiwan and Hong Kong news quote law names); quoted
    /// speech ending in 办法 is not.
    @Test(arguments: [
        KeywordCase(text: "工務局已訂定「台南市人行道設置露天座管理辦法」。", expected: ["台南市人行道设置露天座管理办法"], absent: []),
        KeywordCase(text: "推動“洗錢防制法”的修正。", expected: ["洗钱防制法"], absent: []),
        KeywordCase(text: "他说“这是唯一的办法”。", expected: [], absent: ["这是唯一的办法", "唯一的办法"]),
    ])
    func quotedLawNamesAreDocuments(row: KeywordCase) throws {
        try check(row)
        for term in row.expected {
            #expect(try allTerms(row).first { $0.term == term }?.kind == .document)
        }
    }

    /// A short law name (an abbreviation: 食安法, 国赔法) is a law when a law word follows (修法, 第…条, 修正案);
    /// 方法, 疗法, 写法 before 实施/施行/规定 stay ordinary words.
    @Test(arguments: [
        KeywordCase(text: "立法院推动食安法修法。", expected: ["食安法"], absent: []),
        KeywordCase(text: "国赔法第十条规定。", expected: ["国赔法"], absent: []),
        KeywordCase(text: "这个方法实施起来难，三种疗法施行多年，用他的写法规定格式。", expected: [],
                    absent: ["方法", "这个方法", "疗法", "三种疗法", "写法", "他的写法"]),
    ])
    func shortLawNamesBeforeALawWord(row: KeywordCase) throws {
        try check(row)
    }

    /// Generic phrases: lexicon entries of the `generic` category (a field, a market) are never reported, and
    /// nothing inside them is taken for a term; a bare 优惠政策 is no policy.
    @Test(arguments: [
        KeywordCase(text: "做好疫情防控工作，发展住房租赁市场。", expected: [], absent: ["疫情防控", "住房租赁市场"]),
        KeywordCase(text: "优惠政策继续实施。", expected: [], absent: ["优惠政策"]),
        KeywordCase(text: "按照指导意见执行。", expected: [], absent: ["指导意见"]),
    ])
    func genericPhrasesAreNotTerms(row: KeywordCase) throws {
        try check(row)
    }
}
