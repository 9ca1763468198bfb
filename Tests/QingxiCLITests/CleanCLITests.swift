import Foundation
import Testing

/// `qingxi clean` and `qingxi dedup` end to end through the binary.
@Suite struct CleanCLITests {
    static let fixture = "corpus/golden/input/county-meeting.txt"

    @Test func cleanOnTheSampleGivesTheGoldenFileAndATrace() throws {
        let r = try CLIRunner.run(["clean", "--explain", Self.fixture])
        #expect(r.status == 0)
        let golden = try String(contentsOf: CLIRunner.repoRoot.appendingPathComponent("corpus/golden/expected/county-meeting.clean.txt"), encoding: .utf8)
        #expect(r.text == golden)
        #expect(r.stderr.contains("strip: removed ¶4 (caption)"))
        #expect(r.stderr.contains("dedup: removed ¶11 (duplicate of ¶5)"))
        #expect(r.stderr.contains("keywords: 林长制"))
    }

    @Test func cleanStagesAndTargetOptions() throws {
        // A body sentence: a short line repeated on its own would be kept.
        let input = "後來，縣人大常委會審議通過了這個方案，並要求各部門在年底前落實到位。\n後來，縣人大常委會審議通過了這個方案，並要求各部門在年底前落實到位。\n【責編 王某】\n"
        let keep = try CLIRunner.run(["clean", "--to", "keep", "--stages", "strip,dedup"], stdin: input)
        #expect(keep.text == "後來，縣人大常委會審議通過了這個方案，並要求各部門在年底前落實到位。\n")
        let convertOnly = try CLIRunner.run(["clean", "--stages", "convert"], stdin: input)
        #expect(convertOnly.text == "后来，县人大常委会审议通过了这个方案，并要求各部门在年底前落实到位。\n后来，县人大常委会审议通过了这个方案，并要求各部门在年底前落实到位。\n【责编 王某】\n")
        let bad = try CLIRunner.run(["clean", "--stages", "convert,stripp"], stdin: input)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown stage 'stripp'"))
    }

    @Test func cleanJSONLinesCarriesMetaKeywordsAndRemovals() throws {
        let text = try String(contentsOf: CLIRunner.repoRoot.appendingPathComponent(Self.fixture), encoding: .utf8)
        let record = try JSONSerialization.data(withJSONObject: ["id": "cm-1", "text": text, "site": "清河"], options: [.sortedKeys])
        let r = try CLIRunner.run(["clean", "--explain"], stdin: record + Data("\n".utf8))
        #expect(r.status == 0)
        let out = try JSONSerialization.jsonObject(with: r.stdout) as! [String: Any]
        #expect(out["id"] as? String == "cm-1")
        #expect(out["site"] as? String == "清河")
        let qingxi = out["qingxi"] as! [String: Any]
        #expect((qingxi["meta"] as! [String: Any])["editor"] as? String == "刘晓梅")
        let terms = (qingxi["keywords"] as! [[String: Any]]).compactMap { $0["term"] as? String }
        #expect(terms.contains("林长制"))
        let removed = qingxi["removed"] as! [[String: Any]]
        #expect(removed.contains { $0["stage"] as? String == "dedup" && $0["reason"] as? String == "duplicate of ¶5" })
    }

    @Test func dedupStreamScopeAcrossArticles() throws {
        let shared = "国务院常务会议今天审议通过了关于推进农村人居环境整治的实施意见。"
        let input = "甲篇\n\(shared)\n\u{0C}\n乙篇\n\(shared)\n此外\n\u{0C}\n丙篇\n此外\n"
        let article = try CLIRunner.run(["dedup"], stdin: input)
        #expect(article.text == input)
        let stream = try CLIRunner.run(["dedup", "--scope", "stream", "--explain"], stdin: input)
        #expect(stream.text == "甲篇\n\(shared)\n\u{0C}\n乙篇\n此外\n\u{0C}\n丙篇\n此外\n")
        #expect(stream.stderr.contains("(seen in article <stdin>)"))
    }

    @Test func dedupExplainsWhatANearDuplicateAdds() throws {
        let text = try String(contentsOf: CLIRunner.repoRoot.appendingPathComponent("corpus/golden/input/dedup-trust.txt"), encoding: .utf8)
        let r = try CLIRunner.run(["dedup", "--explain"], stdin: text)
        #expect(r.status == 0)
        #expect(r.stderr.contains("dedup: removed ¶23 (near-duplicate of ¶19, adds 4 chars)"))
        #expect(r.stderr.split(separator: "\n").count == 3)
        let off = try CLIRunner.run(["dedup", "--near", "0"], stdin: text)
        #expect(off.text.contains("现场测试。（记者 韩冬）"))
    }
}
