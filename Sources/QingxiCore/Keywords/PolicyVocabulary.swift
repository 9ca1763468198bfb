/// The closed word lists the term finder works with: policy suffixes (what a policy phrase ends in), the stop
/// words that mark its left edge, generic modifiers that cannot make a policy on their own, and the endings
/// that tell a document title from a media name. These are part of the algorithm, not of the lexicon: users
/// extend the lexicon (`--lexicon FILE`), not these lists. All entries are in simplified script, as the
/// matching view is.
enum PolicyVocabulary {
    /// Policy suffixes and how much a phrase ending in each is worth before any evidence from the article
    /// (a prior in 0…1). The one-character suffixes 制 and 法 only count when word break leaves them standing
    /// alone, so that 控制 and 做法 are not read as 控+制 and 做+法; 法 also needs a stem that ends like a law's
    /// name (`lawStemEndings`: 劳动合同法, 海岛保护法), since outside 《》 it names methods (听写法) as often.
    static let suffixes: [(String, Double)] = [
        ("制", 0.85), ("责任制", 0.9), ("制度", 0.8), ("机制", 0.75), ("体制", 0.55), ("体系", 0.75),
        ("法", 0.8), ("条例", 0.85), ("纲要", 0.75), ("布局", 0.5), ("原则", 0.5),
        ("攻坚战", 0.9), ("保卫战", 0.9), ("持久战", 0.8), ("阻击战", 0.75),
        ("示范区", 0.8), ("试验区", 0.8), ("先行区", 0.8), ("实验区", 0.75), ("新区", 0.5), ("经济带", 0.75),
        ("经济区", 0.65), ("经济圈", 0.7), ("自贸区", 0.75), ("自贸港", 0.75),
        ("工程", 0.6), ("行动", 0.65), ("战略", 0.7), ("规划", 0.65), ("计划", 0.55), ("改革", 0.65),
        ("建设", 0.4), ("运动", 0.35), ("政策", 0.6), ("新政", 0.6), ("活动", 0.4), ("办法", 0.6), ("方案", 0.55), ("意见", 0.5),
        ("要点", 0.5), ("清单", 0.65), ("试点", 0.5), ("补贴", 0.5), ("一体化", 0.6), ("策略", 0.55),
        ("崛起", 0.75), ("振兴", 0.75), ("大开发", 0.8),
        ("实施办法", 0.75), ("实施方案", 0.7), ("实施意见", 0.7), ("实施细则", 0.75), ("管理办法", 0.75),
        ("暂行办法", 0.75), ("行动计划", 0.75), ("行动方案", 0.7), ("工作方案", 0.65), ("指导意见", 0.7),
    ]

    /// Suffixes of zones, whose stem is usually a short place name (山东自贸区, 前海合作区): a short stem is
    /// no sign of a generic phrase there.
    static let zoneSuffixes: Set<String> = ["示范区", "试验区", "先行区", "实验区", "经济带", "经济区", "经济圈", "自贸区", "自贸港",
                                            "崛起", "振兴", "大开发"]

    /// Suffixes of regional strategies (中部崛起, 东北振兴, 西部大开发, 皖北振兴): a phrase ending in one is a
    /// candidate only when its stem names a region (`regions`, or a place ending in 省/市/县 …), since 振兴 and
    /// 崛起 also follow industries and peoples (产业振兴, 民族振兴).
    static let regionalSuffixes: Set<String> = ["崛起", "振兴", "大开发"]

    /// Regions and provinces that name regional strategies.
    static let regions: Set<String> = Set("""
        东北 西北 西南 华北 华东 华南 华中 中部 西部 东部 中原 苏北 苏南 苏中 皖北 皖江 鲁西 粤东 粤西 粤北 赣南 闽东         陕北 陕南 川南 长三角 珠三角 京津冀 粤港澳 成渝 长江 黄河 淮河 沿海 沿边 东北地区 中部地区 西部地区 东部地区         辽宁 吉林 黑龙江 山西 河南 湖南 湖北 江西 安徽 内蒙古 广西 云南 贵州 四川 重庆 西藏 新疆 甘肃 青海 宁夏 陕西         海南 河北 山东 江苏 浙江 福建 广东 东北老工业基地 老工业基地 革命老区 老区 苏区 边疆 民族地区
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Endings of meetings, events and organisations (中央经济工作会议, 博鳌亚洲论坛, 进博会, 上海合作组织).
    static let institutionEndings: [[UInt32]] = """
        会议 全会 座谈会 峰会 论坛 博览会 交易会 进博会 服贸会 广交会 消博会 两会 组织 委员会 联合会 代表大会
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { $0.unicodeScalars.map(\.value) }

    /// True for the name of a meeting, event or organisation rather than a policy: it ends in one of
    /// `institutionEndings`, or in a numbered party congress (党的十九大).
    static func namesAnInstitution(_ term: [UInt32]) -> Bool {
        if institutionEndings.contains(where: { term.count >= $0.count && term.ends(with: $0) }) { return true }
        return term.count >= 3 && term.last == "大".unicodeScalars.first!.value
            && ScalarClass.isChineseNumeral(term[term.count - 2])
    }

    /// Endings of a 《》 title that make it a document (law, regulation, plan, notice, report…).
    static let documentEndings: [String] = [
        "法", "法典", "法律", "法规", "条例", "规定", "办法", "细则", "意见", "方案", "规划", "纲要", "计划",
        "通知", "决定", "决议", "要点", "制度", "报告", "白皮书", "指南", "指引", "标准", "准则", "公约", "协定",
        "协议", "宪章", "章程", "守则", "规则", "规程", "规范", "目录", "清单", "名录", "措施", "举措", "政策",
        "建议", "批复", "通告", "公告", "令", "条约", "宣言", "声明", "议定书", "纪要", "体系", "机制", "工程",
        "行动", "战略", "路线图", "倡议", "倡议书", "公报", "讲话", "答复", "解释", "说明", "须知", "导则",
        "框架", "议程", "文件", "草案", "修正案", "备忘录", "责任制", "攻坚战",
    ]

    /// Endings that make a quoted name (“…”, 「…」) a document: laws, regulations and treaties, not the broader
    /// `documentEndings` (a quoted “…工程” or “…行动” is a campaign's name, found as a phrase).
    static let quotedDocumentEndings: [String] = [
        "法", "法典", "条例", "规定", "办法", "细则", "规则", "准则", "标准", "纲要", "公约", "协定", "条约",
        "议定书", "宣言", "白皮书", "规范", "实施方案", "管理办法", "暂行办法",
    ]

    /// Openings that make a 《》 title a document whatever it ends in.
    static let documentOpenings: [String] = ["关于", "中华人民共和国", "中共中央", "国务院"]

    /// Endings of a 《》 title that name a newspaper, site, channel or account rather than a document.
    static let outletEndings: [String] = [
        "报", "日报", "晚报", "早报", "时报", "周报", "商报", "新闻", "新闻网", "网", "杂志", "周刊", "月刊",
        "期刊", "学报", "电视台", "广播电台", "电台", "频道", "客户端", "公众号", "卫视", "联播", "之声",
        "在线", "头条", "观察", "访谈", "视点",
    ]

    /// Words (as ICU segments them) at which a policy phrase cannot extend further left: verbs that take a
    /// policy as object (推进/落实/建立/健全…), function words, pronouns, time words and determiners.
    static let stopWords: Set<String> = Set("""
        推进 推动 推行 落实 建立 健全 建立健全 完善 实行 实施 执行 加强 强化 严格 深化 深入 加快 加大 \
        加速 积极 大力 切实 扎实 着力 努力 持续 不断 进一步 继续 坚持 坚决 贯彻 贯彻落实 开展 启动 部署 \
        召开 举行 举办 出台 印发 发布 公布 制定 修订 修改 起草 审议 通过 批准 颁布 施行 废止 学习 宣传 \
        宣讲 解读 研究 讨论 提出 提到 指出 强调 表示 认为 要求 确保 保证 促进 提高 提升 改善 优化 构建 \
        打造 形成 建成 建好 做好 抓好 抓实 抓紧 打好 打赢 打响 决胜 赢得 实现 围绕 聚焦 结合 按照 根据 \
        依据 依照 采取 采用 引入 引进 探索 试行 推广 鼓励 支持 引导 发挥 参与 参加 纳入 列入 写入 融入 \
        对接 衔接 对标 巩固 拓展 扩大 增强 突出 重视 关注 关心 落细 压实 夯实 筑牢 守住 树立 践行 弘扬 \
        维护 捍卫 遵守 遵循 违反 违背 运用 完成 达到 进行 作出 做出 给予 给 有 是 为 成为 作为 属于 \
        包括 涉及 针对 关于 对于 对 在 于 从 向 以 将 把 被 由 和 与 及 以及 或 或者 并 并且 而 \
        且 同时 但 但是 也 还 都 又 就 才 要 需 需要 应 应当 应该 必须 可 可以 能 能够 会 已 已经 \
        正 正在 曾 曾经 了 着 过 地 得 之 其 该 此 这 那 这些 那些 这个 那个 这一 这项 各 各项 \
        各级 各地 各类 各种 每 某 有关 相关 一系列 一批 一些 一种 一套 一项 我们 我国 我省 我市 我县 \
        我区 我州 全国 全省 全市 全县 全区 全州 乡镇 全面 目前 当前 今年 去年 明年 今后 近年来 以来 期间 年 \
        月 日 时 等 即 如 像 让 使 令 请 由于 因为 所以 因此 为了 如何 怎样 什么 哪些 谁 不 没有 \
        没 无 非 很 更 更加 十分 非常 重点 主要 首先 其次 最后 一是 二是 三是 四是 五是 第一 第二 \
        就是 也是 还是 既 不仅 而且 例如 比如 等等 他 她 它 他们 称 说 据 据悉 记者 我 你 您 你们 \
        咱们 大家 有人 别人 自己 很多 许多 不少 再次 一直 确实 再 仍 仍然 均 亦 皆 只 只是 已然 随着 \
        伴随 伴随着 意识到 认识到 觉得 想 知道 同意 发表 提 问 答 谈 讲 问到 谈到 拿出 筹备 一边 搞 \
        做 干 出 来 去 到 看 看到 听 听到 想到 明天 今天 昨天 前天 年初 年底 年中 中旬 上旬 下旬 \
        上半年 下半年 近日 日前 此前 此后 之前 之后 以后 以前 当时 从前 过去 未来 将来 现在 如今 一度 \
        已有 正式 首次 首个 一个 一所 一家 一条 一次 这次 此次 本次 上次 每次 多次 数次 起 件 次 名 \
        位 家 所 条 种 类 批 份 场 座 张 套 轮 届 天 个 项 元 万 亿 多 余 约 近 超 逾 共 总共 \
        合计 累计 仅 刚 刚刚 还要 进而 从而 以便 以免 否则 然而 不过 可是 只要 只有 如果 假如 即使 \
        虽然 尽管 无论 不管 开始 希望 决定 认可 批评 质疑 反对 赞成 呼吁 敦促 促请 建议 主张 投资 申请 \
        获得 获批 取得 拥有 包含 设立 成立 组建 设置 引发 导致 造成 带来 推出 实行了 确立 明确 规定了 \
        提出了 通过了 印发了 出台了 看重 再去 调整 结成 发现 要是 看好 认同 赞同 制订 编制 修编 编写 \
        搭上 预期 回避 加上 研讨 分析 介绍 解释 说明 透露 披露 获悉 了解 得知 报道 报告 显示 指 称为 \
        叫做 名为 即为 属 靠 凭 借 借助 建 抓 推 促 立 设 定 判断 上述 以上 下列 此类 这类 该类 \
        坚定 共建 共享 参照 比照 仿照 对照 只能 用于 在于 注重 理顺 下一步 征求 改变 还有 特别是 尤其是 \
        其中 一揽子 本 好 是否 符合 违法 批判 杜绝 照抄照搬 支撑 密切 确定
        缺乏 购买 落地 发动 出于 做为 精心 服从 依赖 受 迅速 展开 准备 入驻 未 赶上 失去 无法 预备 严肃 \
        考虑 注意 一定 则 初步 展现 用 拟定 顺应 勇于 安排 任何 经过 带 帮 先 月初 月中 \
        另外 专门 除 除了 受益 留意 呈现 宣布 宣称 宣告 声称 取消 撤回 撤销 废除 叫停 暂停 中止 终止 停止 重启 延长 延续 \
        放松 放宽 收紧 松绑 确认 位于 配合 禁止 提供 主持 注资 中标 安装 彻底 被迫 提前 拟 迎 想尽 \
        更多 更大 推翻 考察 调研 视察 出席 参观 签署 签订 达成 表决 听取 迎来 迎接 面临 面对 \
        回应 否认 承认 指责 抗议 接受 拒绝 享受 享有 受到 遭到 遭遇 经历 启用 当地 上马 叫好 点赞 \
        年度 季度 月度 周年 年份 全年 当年 同年 次年 本年度 上年度 同期 年内 年末 月底 季末 \
        依 依法 其实 透过 经由 体现 体现出 简称 以下简称 下称 统称 俗称 又称 前任 现任 时任 \
        市长 县长 省长 镇长 部长 局长 厅长 主席 总统 总理 院长 议员 立委 监委 委员 书记 主任 董事长 总经理 \
        发言人 教授 专家 学者 官员 代表
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// One-character stop words that are verbs: they cut only before a word of two or more characters, or
    /// right before the suffix after a word (想|办法), since word break leaves unknown words in single
    /// characters (暗标竞价|出|让|制度).
    static let weakSingleStops: Set<UInt32> = Set("""
        出来去到看听建抓推促立设定提问答谈讲指属靠凭借搞做干据想给令请让使有无非受用带帮先
        """.unicodeScalars.map(\.value))

    /// Modifiers too general to make a policy with a suffix: a phrase whose words before the suffix are all
    /// of these (重大制度, 相关工作机制, 经济建设) is not a candidate.
    static let genericWords: Set<String> = Set("""
        重大 重要 相关 有关 基本 根本 主要 一般 具体 总体 整体 全面 长效 有效 完整 科学 合理 现代 新型 新 旧 \
        传统 现行 现有 原有 各项 多项 专项 配套 系列 综合 系统 统一 常态化 制度化 规范化 重点 核心 关键 基础 \
        自身 内部 外部 国家 政府 社会 经济 政治 文化 发展 改革 建设 制度 机制 体系 领域 行业 部门 单位 地方 \
        中央 基层 城市 农村 企业 工作 管理 服务 项目 工程 整个 这种 那种 一种 此类 新的 好的 良好 完善 健全 \
        创新 重点项目 各方面 方面 具体 规划 计划 战略 行动 政策 方案 意见 办法 措施 三项 两项 一个 两个 几个 \
        多个 一大 全新 大型 小型 中型 当地 本地 本市 本省 本 该项 这项 那项 上述 以下 以上 下列 有力 有序 \
        最高 最新 最大 当前 目前 现阶段 下一步 未来 年度 年 国内 国际 全球 世界 市场 投资 融资 资金 产品 业务 \
        公司 集团 银行 机构 学校 大学 学院 个人 家庭 省级 市级 县级 国家级 总体 大部分 部分 整体 地区 区域 \
        方针 公共 优惠 专家 公众 有利 不利 现行 新出台 指导 若干
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Characters that, right after a suffix, make it part of a longer word (工程师, 建设银行, 规划局, 改革开放):
    /// the phrase does not end there.
    static let continuationCharacters: Set<UInt32> = Set("""
        师员者家人院局厅部委办处科司所站组队会费款金额量率性化式型界学银署车机器品证表单类们稿开论史观合伙协
        作造定订约裁止冷药剂片播售内外成
        """.unicodeScalars.map(\.value))

    /// Two-character words ending in a one-character suffix that word break does not always know and that
    /// name no policy (视频|录|制, 研制, 遏制): a 制 right after their first character is not a suffix. Kept as
    /// pairs of scalars (first << 32 | second).
    static let wordsEndingLikeSuffixes: Set<UInt64> = Set("""
        录制 研制 编制 抵制 克制 压制 复制 绘制 定制 自制 牵制 遏制 节制 印制 监制 炮制 仿制 特制 试制 限制 \
        控制 强制 钳制 配制 调制 酿制 腌制 烹制 烧制 炼制 铸制 缝制 摄制 拍制 创制 轧制 熏制 晒制 秘制 巨制
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { word -> UInt64 in
            let pair = word.unicodeScalars.map { UInt64($0.value) }
            return pair[0] << 32 | pair[1]
        })

    /// Ordinary nouns that end in a policy suffix, as word break splits them (解决|方案, 促销|活动, 装修|工程,
    /// 金融|工程): a phrase whose last word and suffix spell one names a product, an event, a building job or
    /// a discipline, not a policy.
    static let ordinaryCompounds: Set<String> = Set("""
        解决方案 规章制度 面子工程 形象工程 促销活动 营销活动 推广活动 优惠活动 抽奖活动 庆祝活动 纪念活动 娱乐活动 \
        文艺活动 体育活动 社交活动 商业活动 犯罪活动 违法活动 经营活动 投资活动 交易活动 演出活动 户外运动 \
        体育运动 健身运动 装修工程 建筑工程 装饰工程 安装工程 土木工程 软件工程 电子工程 生物工程 化学工程 \
        信息工程 金融工程 机械工程 医学工程 环境工程 系统工程 营销策略 销售策略 促销策略 品牌策略 投资策略 \
        操作策略 经营策略 定价策略 营销战略 品牌战略 经营战略 营销计划 销售计划 学习计划 旅行计划 出行计划 \
        搭配要点 选购要点 挑选要点 流行要点 潮流要点 交换意见 交流意见 反馈意见 宝贵意见 购物清单 物料清单
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Last words of a law's name before 法 (劳动合同法, 国家赔偿法, 海岛保护法, 农村土地承包经营纠纷调解仲裁法).
    static let lawStemEndings: Set<String> = Set("""
        保护 管理 促进 仲裁 赔偿 合同 安全 保密 秘密 统计 审计 人员 防治 监督 组织 诉讼 复议 许可 处罚 强制 登记 \
        保险 救助 义务 竞争 垄断 反垄断 公司 证券 破产 商标 专利 物权 责任 侵权责任 婚姻 继承 兵役 国防 海关 预算 \
        会计 价格 广告 采购 监察 选举 立法 自治 担保 所得税 税收 征收 资源 能源 规划 教育 劳动 卫生 监管 消防 \
        档案 邮政 铁路 公路 航空 电力 建筑 种子 渔业 草原 森林 文物 体育 律师 法官 检察官 警察 公务员 环境 \
        治安 出入境 国籍 民族 宗教 慈善 志愿 就业 工会 企业 银行 信托 票据 拍卖 招标 投标 食品 药品 疫苗 \
        传染病 野生动物 土地 矿产 水土 气象 测绘 海域 海岛 航道 港口 网络 数据 信息 个人信息 密码 反恐怖主义 \
        反间谍 国家安全 外商投资 对外贸易 反不正当竞争 消费者权益 产品质量 计量 标准化 认证 认可 城乡规划 \
        房地产 物业 质量 调解 执行 程序 行政 刑事 民事 经营 承包 人民 代表 法院 检察院 反分裂国家
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Words right after a short name ending in 法 that make it a law (see `SuffixPhraseFinder`).
    static let lawContextWords: Set<String> = Set("""
        修法 修正 修正案 修订 修订案 草案 第 条文 规定 施行 实施 上路 三读 二读 初审 立法 相关规定 罚则
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Measure words that, after a numeral, count things (一个, 三项, 两次): such a word is not part of a policy
    /// name. 大 is not among them: 三大基础性战略性工程 keeps its 三大.
    static let countingMeasures: Set<UInt32> = Set("个项所家次名位条种类批份场座张只件起轮届年天月日些部层期".unicodeScalars.map(\.value))

    /// Characters that, after a leading numeral, make a numbered slogan (三大攻坚战, 四个全面, 八项规定).
    static let sloganMeasures: Set<UInt32> = Set("大个项条位种型化严实学".unicodeScalars.map(\.value))

    /// Last characters of a word that ends in a function word (仍然是, 通过了, 我的, 正在, 达到): the phrase starts
    /// after such a word.
    static let functionEndings: Set<UInt32> = Set("的是了着在到把被给让".unicodeScalars.map(\.value))

    /// Words that open with 不/没 yet name things (不动产登记制度): not cut like 不在, 没有.
    static let negatedNouns: Set<String> = ["不动产", "不良", "不良资产", "不正当", "不正当竞争"]

    /// Counting characters among the stop words (一家, 三项, 十多, 五年): alone, they cut only after a numeral or
    /// a demonstrative, since word break also leaves them alone inside words it does not know (家|电, 多|渠道).
    static let countingCharacters: Set<UInt32> = Set("起件次名位家所条种类批份场座张套轮届天个项元万亿多余年月日".unicodeScalars.map(\.value))

    /// Demonstratives that count with a measure word (这批, 某次, 每年, 首批).
    static let demonstratives: Set<UInt32> = Set("这那每各该此本某哪首".unicodeScalars.map(\.value))

    /// Characters that stand for an amount after or instead of a numeral (十多, 几项, 数百).
    static let approximateNumerals: Set<UInt32> = Set("多几余数两".unicodeScalars.map(\.value))

    /// Words that belong to a number before them besides those opening with a unit in `numberUnits`
    /// (3000亿美元, 5公里, 2023年度): a phrase right after digits does not start with them.
    static let unitWords: Set<String> = Set("""
        美元 欧元 日元 港元 港币 英镑 卢布 韩元 台币 澳元 加元 公里 千米 平方米 平方公里 公顷 公斤 千克 克 \
        立方米 小时 分钟 秒 周年 季度 年度 月份 周 倍 成 岁 度 兆 吨 辆 台 部 头 只 笔 宗 例 架 艘 套 所 座 \
        英寸 英尺 寸 尺 年代 世纪
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Lone characters that end a time after its unit (90年代|末, 2009年|初, 5月|底): not part of a phrase.
    static let timeUnitTails: Set<UInt32> = Set("初中末底内前后间".unicodeScalars.map(\.value))

    /// One-character words that open a policy name (新拆迁条例, 省直管县, 总河长制, 反垄断法): a phrase may start
    /// with one after a cut at a lone stop character, and keeps it beside the shorter term.
    static let leadingModifiers: Set<UInt32> = Set("新旧总省市县区州乡镇村国党军大小老反非不无副准单双高低全首超".unicodeScalars.map(\.value))

    /// Particles and conjunctions: alone, they are clear word boundaries (的, 和, 与), unlike a lone preposition
    /// or adverb, which may open a word ICU does not know (对华, 以债).
    static let particles: Set<UInt32> = Set("的之和与及或等了着过地得并而且".unicodeScalars.map(\.value))

    /// Function characters (adverbs, conjunctions, auxiliaries) that never sit inside a policy name: a word of
    /// two of them that word break keeps whole (又有, 并与, 都没, 都可) is a stop word like each of them.
    static let functionCharacters: Set<UInt32> = Set("都没又有并与也还就才可将已被把连很其而及和或在是了亦均仍再".unicodeScalars.map(\.value))

    /// Characters that end words and never open one (县|级, 省|份, 国|际, 者, 们): a phrase does not start with
    /// one left alone by word break.
    static let nonInitialCharacters: Set<UInt32> = Set("级际份们者员性化式型".unicodeScalars.map(\.value))

    /// Characters that end a place name when word break leaves them alone after it (清河|县, 该|县).
    static let placeEndings: Set<UInt32> = Set("省市县区州镇乡村旗".unicodeScalars.map(\.value))

    /// First characters of a word that, after a lone place character, makes a word with it (县|级, 省|际,
    /// 区|域): the place character is then not the end of a name.
    static let placeCompounds: Set<UInt32> = Set("级际域委长直属内外".unicodeScalars.map(\.value))

    /// Units that follow a number (18亿亩, 3万元): a phrase whose characters start right after digits drops them.
    static let numberUnits: Set<UInt32> = Set("亿万千百亩元吨米里斤户人个名家项次年月日号期批".unicodeScalars.map(\.value))

    /// Last characters of an organisation's name (发改委, 住建局, 教育厅, 审计署, 国务院办): a word ending in one
    /// of them is where a policy phrase starts after, not part of it (经信委市场体系 → no).
    static let organisationEndings: Set<UInt32> = Set("委局厅署办".unicodeScalars.map(\.value))

    /// Last characters of a ministry's or a court's name (商务部, 国务院), which end many other words too (内部,
    /// 学院): they mark an organisation in a word of three or more characters, or alone after a word (商务|部).
    static let ministryEndings: Set<UInt32> = Set("部院".unicodeScalars.map(\.value))

    /// Verbs after which a quoted term is a policy (推进“一网通办”, 落实“两个维护”). Verbs that also take
    /// slogans, nicknames and catchphrases as objects (提出, 坚持, 启动, 围绕, 做到) are not among them.
    static let quoteVerbs: Set<String> = Set("""
        推进 推行 落实 实施 实行 开展 深化 贯彻 贯彻落实 建立 构建 推动 打好 打赢 践行 树立 统筹 做好 抓好 \
        按照 遵循 巩固 部署 强化 完善 健全 加强 推广 试行 开展了 实施了 推行了
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Nouns before which a quoted term is a policy (“五位一体”总体布局, “两山”理念). Nouns as general as 问题,
    /// 模式, 服务, 目标 are not among them (“好奇宝宝”问题).
    static let quoteNouns: [String] = [
        "改革", "工作", "政策", "战略", "行动", "要求", "理念", "精神", "部署", "原则", "方针", "模式", "试点", "制度",
        "机制", "体系", "工程", "建设", "布局", "总体布局", "战略布局", "思想", "重要思想", "方略",
        "举措", "措施", "活动", "专项行动", "攻坚", "整治", "规划", "计划", "方案", "改造",
    ]

}
