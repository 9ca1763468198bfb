@testable import QingxiCore

/// Seeded generator of messy news input for the property tests: articles mixing body paragraphs in both
/// scripts, boilerplate lines (captions, editor tags, follow prompts, copyright), duplicates (exact and
/// cross-script twins), blank lines, and — when asked — junk bytes (invalid UTF-8, NUL, CR and CRLF line ends).
/// The same seed always gives the same bytes. All text is invented for this repository (清河县, 清河融媒).
struct ArticleGenerator {
    /// Body sentences: simplified and traditional forms of the same sentence.
    static let body: [(hans: String, hant: String)] = [
        ("清河县召开2023年度林长制工作推进会，全面落实河长制。", "清河縣召開2023年度林長制工作推進會，全面落實河長制。"),
        ("会议强调，要压实各级林长责任，推进森林防火工作。", "會議強調，要壓實各級林長責任，推進森林防火工作。"),
        ("经理发现问题后立即向有关部门报告。", "經理發現問題後立即向有關部門報告。"),
        ("全县共有一万余人参加了植树活动，种下两只鸡形状的花坛。", "全縣共有一萬餘人參加了植樹活動，種下兩隻雞形狀的花壇。"),
        ("审议通过了《清河县乡村振兴工作要点》。", "審議通過了《清河縣鄉村振興工作要點》。"),
        ("记者了解到，今年新建公路三十公里，并于年底通车。", "記者了解到，今年新建公路三十公里，並於年底通車。"),
        ("周建国指出，要坚持生态优先、绿色发展。", "周建國指出，要堅持生態優先、綠色發展。"),
        ("下一步，全县将深入打好污染防治攻坚战。", "下一步，全縣將深入打好污染防治攻堅戰。"),
        ("据统计，前三季度全县地区生产总值增长6.5%。", "據統計，前三季度全縣地區生產總值增長6.5%。"),
        ("村民王某表示，道路修好后出行方便多了。", "村民王某表示，道路修好後出行方便多了。"),
    ]
    /// Boilerplate lines qingxi strips, in either script.
    static let boilerplate = [
        "会议现场。李军 摄", "【責編 王春榮】", "责任编辑：孙丽华", "微信扫一扫 关注清河融媒公众号",
        "下載清河新聞客戶端", "版權所有 未經授權不得轉載", "免责声明：本文仅代表作者观点。", "来源：",
    ]

    var random: TestSupport.SeededGenerator
    /// Whether to mix in invalid UTF-8, NUL bytes and CR / CRLF line ends.
    var junk: Bool

    init(seed: UInt64, junk: Bool = false) {
        random = TestSupport.SeededGenerator(seed: seed)
        self.junk = junk
    }

    /// Plain text: `articles` articles separated by form-feed lines.
    mutating func plainText(articles: Int) -> [UInt8] {
        var out: [UInt8] = []
        for index in 0..<articles {
            if index > 0 { out += [0x0C, 0x0A] }
            for line in article() { out += line + lineEnd() }
        }
        return out
    }

    /// JSON Lines: one record per article, with an id, a title and the article's lines as its text.
    mutating func jsonLines(articles: Int) -> [UInt8] {
        var out: [UInt8] = []
        for index in 0..<articles {
            let lines = article().map { String(decoding: $0, as: UTF8.self) }
            out += Array(#"{"id":"g\#(index)","title":"#.utf8)
            JSONString.encode(lines.first ?? "", into: &out)
            out += Array(#","text":"#.utf8)
            JSONString.encode(lines.joined(separator: "\n"), into: &out)
            out += Array("}\n".utf8)
        }
        return out
    }

    /// One article's lines (without line ends).
    mutating func article() -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var sentences: [Int] = []
        for _ in 0..<Int.random(in: 3...12, using: &random) {
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<5:
                let index = Int.random(in: 0..<Self.body.count, using: &random)
                sentences.append(index)
                lines.append(Array(script(Self.body[index]).utf8))
            case 5 where !sentences.isEmpty:  // a duplicate, same or other script
                lines.append(Array(script(Self.body[sentences.randomElement(using: &random)!]).utf8))
            case 6: lines.append([])
            case 7 where junk: lines.append(junkLine())
            default: lines.append(Array(Self.boilerplate.randomElement(using: &random)!.utf8))
            }
        }
        return lines
    }

    private mutating func script(_ sentence: (hans: String, hant: String)) -> String {
        Bool.random(using: &random) ? sentence.hans : sentence.hant
    }

    private mutating func lineEnd() -> [UInt8] {
        guard junk else { return [0x0A] }
        return [[0x0A], [0x0A], [0x0D, 0x0A], [0x0D]].randomElement(using: &random)!
    }

    /// A body-like line with a defect: invalid UTF-8 (overlong form, encoded surrogate, truncated sequence,
    /// stray continuation byte) or a NUL byte.
    private mutating func junkLine() -> [UInt8] {
        let defects: [[UInt8]] = [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE5, 0x85], [0x80], [0x00]]
        let sentence = Array(script(Self.body.randomElement(using: &random)!).utf8)
        let cut = sentence.firstIndex(of: 0xEF) ?? sentence.count  // before the first full-width comma
        return Array(sentence[..<cut]) + defects.randomElement(using: &random)! + Array(sentence[cut...])
    }
}
