import Testing
@testable import QingxiCore

/// Paths into the repository's corpus/ folder, found from this file's location (SwiftPM resources must live
/// inside the target folder; the corpus is shared with scripts, so tests look it up instead).
enum Corpus {
    static func path(_ relative: String, file: String = #filePath) -> String {
        var parts = file.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/QingxiCoreTests/<this file>
        return parts.joined(separator: "/") + "/corpus/" + relative
    }

    static func text(_ relative: String) throws -> String {
        guard let bytes = FileBytes.read(path(relative)) else {
            throw QingxiError.io(file: path(relative), message: "cannot read file")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The built-in strip rules, corpus/strip/rules.tsv.
    static func stripRules() throws -> StripRuleSet {
        try StripRuleSet.load(files: [path("strip/rules.tsv")])
    }
}

/// A stand-in for the convert engine in tests: maps the traditional characters that the strip fixtures and
/// cases use in their boilerplate to simplified ones (body text needs no conversion to survive).
enum TinySimplifier {
    static let pairs: [Character: Character] = [
        "責": "责", "編": "编", "輯": "辑", "來": "来", "與": "与", "聲": "声", "權": "权", "號": "号",
        "眾": "众", "掃": "扫", "關": "关", "註": "注", "攝": "摄", "記": "记", "訊": "讯", "網": "网",
        "報": "报", "題": "题", "圖": "图", "載": "载", "經": "经", "許": "许", "禁": "禁", "轉": "转",
        "僅": "仅", "觀": "观", "點": "点", "舉": "举", "電": "电", "話": "话", "備": "备", "證": "证",
        "閱": "阅", "讀": "读", "覽": "览", "頁": "页", "論": "论", "貼": "贴", "員": "员", "對": "对",
        "審": "审", "這": "这", "裡": "里", "擊": "击", "戶": "户", "端": "端", "熱": "热",
        "門": "门", "相": "相", "聞": "闻", "標": "标", "維": "维", "碼": "码", "開": "开", "國": "国",
        "華": "华", "傳": "传", "務": "务", "營": "营", "產": "产", "業": "业", "視": "视", "頻": "频",
        "歡": "欢", "迎": "迎", "應": "应", "將": "将", "資": "资", "構": "构", "議": "议", "現": "现",
        "場": "场", "為": "为", "廣": "广", "劉": "刘", "陳": "陈", "張": "张", "臺": "台", "訂": "订",
        "閉": "闭", "覆": "复", "復": "复", "條": "条", "蘭": "兰", "專": "专", "欄": "栏", "導": "导",
        "級": "级", "時": "时", "間": "间", "發": "发", "佈": "布",
    ]

    static func simplify(_ text: String) -> String {
        guard text.contains(where: { pairs[$0] != nil }) else { return text }
        return String(text.map { pairs[$0] ?? $0 })
    }

    static var view: MatchingView { MatchingView(simplify: simplify) }
}

/// Runs a stage over one article given as lines; returns what it emitted and the article (removals, meta).
func runStage(_ stage: Stage, lines: [String], id: String = "test") throws -> (kept: [Paragraph], article: Article) {
    let article = Article(id: id, file: "-", line: 1)
    var kept: [Paragraph] = []
    try stage.begin(article)
    for (i, text) in lines.enumerated() {
        try stage.process(Paragraph(text: text, number: i + 1, line: i + 1), of: article) { kept.append($0) }
    }
    try stage.end(article) { kept.append($0) }
    return (kept, article)
}
