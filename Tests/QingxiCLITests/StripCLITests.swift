import Foundation
import Testing

/// `qingxi strip` and `qingxi profile` through the binary: the audit trail on stderr (text) or in
/// `qingxi.removed` (JSONL), metadata (`--meta`, `qingxi.meta`), user rules and their errors, footer profiles.
@Suite struct StripCLITests {
    static let fixture = "corpus/golden/input/strip-tail.txt"

    private static func temporaryPath(_ suffix: String) -> String {
        NSTemporaryDirectory() + "qx-strip-\(UUID().uuidString)\(suffix)"
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }

    /// The records of JSONL output, parsed.
    private static func records(_ output: String) throws -> [[String: Any]] {
        try lines(output).map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func explainPrintsEveryRemovalOnStderrAndKeepsTheBody() throws {
        let r = try CLIRunner.run(["strip", "--explain", Self.fixture])
        #expect(r.status == 0)
        let expected = try String(contentsOfFile: CLIRunner.repoRoot.path + "/corpus/golden/expected/strip-tail.strip.txt",
                                  encoding: .utf8)
        #expect(r.text == expected)
        let explained = Self.lines(r.stderr).filter { $0.contains(": strip: removed ¶") }
        #expect(explained.first == "\(Self.fixture):4: strip: removed ¶4 (caption): 推進會現場 許志強 攝")
        let reasons = explained.map { line -> String in
            let tail = line.split(separator: "¶", maxSplits: 1)[1]
            return String(tail.prefix { $0 != ":" })
        }
        #expect(reasons == ["4 (caption)", "9 (editor)", "10 (prompt)", "11 (prompt)", "13 (disclaimer)",
                            "14 (copyright)", "15 (copyright)"])
        #expect(!r.stderr.contains("editor\t"), "metadata is printed only with --meta")
    }

    @Test func metaPrintsKeyTabValueLinesOnStderr() throws {
        let r = try CLIRunner.run(["strip", "--meta", Self.fixture])
        #expect(r.status == 0)
        let meta = Self.lines(r.stderr).filter { $0.contains("\t") }
        #expect(meta == ["title\t清河縣召開2022年垃圾分類工作推進會", "dateline_org\t清河新聞網", "dateline_date\t5月12日", "reporter\t林曉雯",
                         "photo_credit\t許志強", "editor\t孫麗華"])
        #expect(!r.stderr.contains("strip: removed"), "removals are printed only with --explain")
    }

    @Test func jsonLinesCarryMetaAndRemovalsUnderQingxi() throws {
        let input = #"{"id":"n1","site":"s","text":"新华社北京12月9日电（记者 唐霁）今天上午，全市召开春季植树动员会议。\n会议要求各区抓紧落实造林任务，确保苗木按时栽种到位。\n【责编 王春荣】\n微信 扫一扫 关注"}"# + "\n"
        let explained = try Self.records(try CLIRunner.run(["strip", "--explain"], stdin: input).text)
        #expect(explained.count == 1)
        let record = explained[0]
        #expect(record["id"] as? String == "n1")
        #expect(record["site"] as? String == "s", "fields strip does not know pass through")
        #expect(record["text"] as? String
                == "新华社北京12月9日电（记者 唐霁）今天上午，全市召开春季植树动员会议。\n会议要求各区抓紧落实造林任务，确保苗木按时栽种到位。")
        let qingxi = try #require(record["qingxi"] as? [String: Any])
        let meta = try #require(qingxi["meta"] as? [String: String])
        #expect(meta == ["dateline_org": "新华社", "dateline_date": "12月9日", "reporter": "唐霁", "editor": "王春荣"])
        let removed = try #require(qingxi["removed"] as? [[String: Any]])
        #expect(removed.map { $0["paragraph"] as? Int } == [3, 4])
        #expect(removed.map { $0["reason"] as? String } == ["editor", "prompt"])
        #expect(removed.map { $0["text"] as? String } == ["【责编 王春荣】", "微信 扫一扫 关注"])
        #expect(removed.allSatisfy { $0["stage"] as? String == "strip" })

        let plain = try Self.records(try CLIRunner.run(["strip"], stdin: input).text)[0]
        let plainQingxi = try #require(plain["qingxi"] as? [String: Any])
        #expect(plainQingxi["meta"] != nil)
        #expect(plainQingxi["removed"] == nil, "removals are listed only with --explain")
    }

    @Test func userRulesApplyAndABadRuleNamesFileAndLine() throws {
        let rules = Self.temporaryPath(".tsv")
        defer { try? FileManager.default.removeItem(atPath: rules) }
        try "# site rules\npromo\tdrop\tany\t30\t^本站推荐[：:]\n".write(toFile: rules, atomically: true, encoding: .utf8)
        let good = try CLIRunner.run(["strip", "--explain", "--rules", rules],
                                     stdin: "本站推荐：夏季防暑指南\n今年夏季气温偏高，市卫健委提醒市民注意防暑降温，合理安排户外活动。\n")
        #expect(good.status == 0)
        #expect(good.text == "今年夏季气温偏高，市卫健委提醒市民注意防暑降温，合理安排户外活动。\n")
        #expect(good.stderr.contains("<stdin>:1: strip: removed ¶1 (promo): 本站推荐：夏季防暑指南"))

        try "# site rules\npromo\tdrop\tany\t30\t^本站推荐[：:]\npromo\tdrop\tany\t30\t(unclosed\n"
            .write(toFile: rules, atomically: true, encoding: .utf8)
        let bad = try CLIRunner.run(["strip", "--rules", rules], stdin: "正文。\n")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("\(rules):3: error: bad pattern"))
        #expect(bad.text.isEmpty)
    }

    @Test func profileLearnsARecurringFooterThatStripThenRemoves() throws {
        let footer = "晨光小报每周一三五出刊"
        var archive = ""
        for k in 1...6 {
            let body = "第\(k)期报道：社区志愿者开展环境整治活动，清理楼道杂物，居民纷纷点赞支持。"
            archive += #"{"id":"a\#(k)","site":"chenguang","text":"社区动态第\#(k)期\n\#(body)\n\#(footer)"}"# + "\n"
        }
        let archivePath = Self.temporaryPath(".jsonl"), profilePath = Self.temporaryPath(".profile")
        defer { for path in [archivePath, profilePath] { try? FileManager.default.removeItem(atPath: path) } }
        try archive.write(toFile: archivePath, atomically: true, encoding: .utf8)

        let learned = try CLIRunner.run(["profile", "--min-articles", "3", "-o", profilePath, archivePath])
        #expect(learned.status == 0)
        let profile = try String(contentsOfFile: profilePath, encoding: .utf8)
        #expect(Self.lines(profile).contains("chenguang\t6\t\(footer)"))
        #expect(!profile.contains("社区志愿者"), "a line of one article is not a footer")

        let without = try Self.records(try CLIRunner.run(["strip", archivePath]).text)
        #expect(without.allSatisfy { ($0["text"] as? String)?.hasSuffix(footer) == true },
                "the built-in rules keep the footer: only the profile removes it")
        let stripped = try Self.records(try CLIRunner.run(["strip", "--explain", "--profile", profilePath, archivePath]).text)
        #expect(stripped.count == 6)
        for record in stripped {
            #expect((record["text"] as? String)?.contains(footer) == false)
            let removed = try #require((record["qingxi"] as? [String: Any])?["removed"] as? [[String: Any]])
            #expect(removed.map { $0["reason"] as? String } == ["profile"])
            #expect(removed.map { $0["text"] as? String } == [footer])
        }
    }
}
