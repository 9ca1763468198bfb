import Testing
@testable import QingxiCore

/// The page classifier's contract through the whole stage: removals need evidence, prose is never page chrome,
/// body lists and tables next to prose stay, several body regions survive, and a second pass removes nothing.
@Suite struct StripClassifierTests {
    /// A menu of single-word lines, a breadcrumb and a footer: enough chrome evidence for a page dump.
    static let menu = ["首页", "新闻", "政务", "财经", "民生", "视频", "首页 > 新闻 > 正文"]
    static let footer = ["关于我们", "联系我们", "网站地图", "清河新闻网 版权所有"]
    static let prose = [
        "4月17日，清河县召开春季防汛工作会议，部署全县汛前检查和隐患排查工作，要求各乡镇在5月底前完成整改。",
        "会议指出，今年汛期气候形势复杂，局地强降雨偏多，各地要压实责任，完善预案，确保人员安全。",
        "县水利局负责人介绍，全县已储备防汛物资价值一千二百万元，组建抢险队伍四十六支，随时可以投入使用。",
    ]

    static func strip(_ lines: [String]) throws -> (kept: [String], removed: [String: String]) {
        let (kept, article) = try runStage(try builtInStripper(), lines: lines)
        var removed: [String: String] = [:]
        for r in article.removed { removed[r.text] = r.reason }
        return (kept.map(\.text), removed)
    }

    @Test func proseAmongChromeIsNeverPageChrome() throws {
        let stray = "本网站使用相关技术提供更好的阅读体验，同时尊重使用者隐私，当您继续浏览即代表您同意上述规范。"
        let (kept, _) = try Self.strip(Self.menu + [stray] + Self.menu.prefix(4) + Self.prose + Self.footer)
        #expect(kept.contains(stray))
        #expect(Self.prose.allSatisfy(kept.contains))
    }

    @Test func anArticleWithoutChromeEvidenceLosesNothingToTheClassifier() throws {
        let lines = ["清河县召开春季防汛工作会议", "短讯"] + Self.prose + ["（完）", "关于我们"]
        let (_, removed) = try Self.strip(lines)
        #expect(!removed.values.contains("page-chrome"))
    }

    @Test func aTableAndAScheduleBetweenChromeAndProseStay() throws {
        let table = ["序号 乡镇 物资 数量", "1 城关镇 编织袋 2000", "2 桥西镇 救生衣 300", "3 东坝乡 抽水泵 12"]
        let schedule = ["5月8日 城关镇", "5月9日 桥西镇", "5月10日 东坝乡"]
        let lines = Self.menu + Self.prose + ["检查安排如下："] + schedule + ["附件：防汛物资储备表"] + table
            + ["清河县防汛抗旱指挥部", "2023年4月17日"] + Self.footer
        let (kept, removed) = try Self.strip(lines)
        for line in schedule + table + ["清河县防汛抗旱指挥部", "2023年4月17日"] {
            #expect(kept.contains(line), "\(line) was removed as \(removed[line] ?? "?")")
        }
        #expect(Self.footer.allSatisfy { removed[$0] != nil })
    }

    @Test func aTeaserListBetweenChromeGoesAndTwoBodyRegionsStay() throws {
        let teasers = ["清河县新增三条公交线路 覆盖南部新区", "城区道路改造工程进展顺利 年底通车",
                       "全县中小学开展防溺水安全教育", "夏粮收购工作全面展开 价格稳中有升"]
        let annex = ["附件", "清河县防汛物资储备管理办法",
                     "第一条　为加强防汛物资管理，保障抢险救灾需要，根据有关规定，结合本县实际，制定本办法。",
                     "第二条　本办法适用于县级防汛物资的储备、调用和管理工作，乡镇储备参照执行。"]
        let lines = Self.menu + Self.prose + annex + ["相关新闻"] + teasers + Self.footer
        let (kept, removed) = try Self.strip(lines)
        #expect(annex.allSatisfy(kept.contains))
        #expect(teasers.allSatisfy { removed[$0] == "page-chrome" })
    }

    @Test func theHeadlineBetweenABreadcrumbAndShareButtonsStaysAsTitle() throws {
        let lines = Self.menu + ["清河县部署春季防汛工作", "2023-04-17 10:21:05　来源：清河新闻网", "分享到：", "微信"]
            + Self.prose + Self.footer
        let (kept, article) = try runStage(try builtInStripper(), lines: lines)
        #expect(kept.first?.text == "清河县部署春季防汛工作")
        #expect(article.meta.contains { $0 == ("title", "清河县部署春季防汛工作") })
    }

    @Test func aCommentThreadAfterTheBodyGoesButAHeadingBeforeItTakesNothing() throws {
        let thread = ["热门评论 2条", "老街坊", "支持！防汛工作一定要抓紧，去年的水太吓人了。", "3小时前",
                      "网友甲", "希望把排水沟也清一清，每次下雨门口都积水。", "5小时前"]
        let (kept, removed) = try Self.strip(["全部评论"] + Self.prose + thread + Self.footer)
        #expect(Self.prose.allSatisfy(kept.contains))
        #expect(thread.allSatisfy { removed[$0] == "comment-widget" })
    }

    @Test func strippingTheOutputAgainRemovesNothing() throws {
        let lines = Self.menu + ["清河县部署春季防汛工作", "2023-04-17 10:21:05　来源：清河新闻网"] + Self.prose
            + ["相关新闻", "清河县新增三条公交线路 覆盖南部新区", "全县中小学开展防溺水安全教育",
               "夏粮收购工作全面展开 价格稳中有升"] + Self.footer
        let (once, _) = try Self.strip(lines)
        let (twice, removed) = try Self.strip(once)
        #expect(twice == once && removed.isEmpty)
    }

    /// A document's title printed at the top of its page and again above the document, with a metadata table
    /// whose values stand on lines of their own in between: the copy above the body is the title.
    @Test func aTitleThePageRepeatsAboveTheBodyIsTheHeadline() throws {
        let title = "清河县人民政府工作规则"
        let lines = Self.menu + [title, "• 索引号:", "11420823MB1B2456XR/2024-00027", "• 发文字号:", "清政发〔2024〕7号",
                                 "• 发布日期:", "2024年04月06日 16:34", title, "第一章　总则"] + Self.prose + Self.footer
        let (kept, article) = try runStage(try builtInStripper(), lines: lines)
        #expect(kept.map(\.text).filter { $0 == title }.count == 1)
        #expect(article.meta.contains { $0 == ("title", title) })
        #expect(article.meta.contains { $0 == ("doc_number", "清政发〔2024〕7号") })
    }
}
