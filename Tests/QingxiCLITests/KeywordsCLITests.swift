import Foundation
import Testing

/// `qingxi keywords`, `qingxi df` and `qingxi tokens` through the binary: output shapes, traditional input,
/// the document-frequency round trip, lexicon errors.
@Suite struct KeywordsCLITests {
    /// Text lines `term<TAB>score<TAB>count<TAB>kind` as (term, score, count, kind).
    func rows(_ text: String) -> [(term: String, score: Double, count: Int, kind: String)] {
        text.split(separator: "\n").compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 4, let score = Double(f[1]), let count = Int(f[2]) else { return nil }
            return (f[0], score, count, f[3])
        }
    }

    func keywords(ofJSONLine line: Substring) throws -> [[String: Any]] {
        let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let qingxi = try #require(record["qingxi"] as? [String: Any])
        return try #require(qingxi["keywords"] as? [[String: Any]])
    }

    func temporaryFile(_ name: String, _ contents: String) throws -> String {
        let path = NSTemporaryDirectory() + "qx-kw-\(UUID().uuidString)-\(name)"
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The county-meeting fixture (traditional script, 2023年度林長制): simplified terms, best first, every
    /// line in the documented shape, and no fragment of 林长制 (regression: 度林长制 was reported).
    @Test func textOutputOnTheCountyMeetingFixture() throws {
        let r = try CLIRunner.run(["keywords", "corpus/golden/input/county-meeting.txt"])
        #expect(r.status == 0)
        let lines = r.text.split(separator: "\n")
        let found = rows(r.text)
        #expect(found.count == lines.count, "every line is term<TAB>score<TAB>count<TAB>kind")
        #expect(found.first?.term == "林长制")
        #expect(found.first?.kind == "lexicon")
        #expect(found.map(\.score) == found.map(\.score).sorted(by: >))
        let terms = found.map(\.term)
        for expected in ["《清河县2023年林长制工作要点》", "《清河县林长巡林制度》", "最严格的林地保护制度", "森林资源监测体系"] {
            #expect(terms.contains(expected), "missing \(expected)")
        }
        #expect(!terms.contains { $0.hasSuffix("林长制") && $0 != "林长制" && !$0.hasPrefix("《") },
                "a fragment such as 度林长制 is reported")
        #expect(!terms.contains("长制"))
    }

    @Test func jsonLinesKeepTheRecordAndGiveFormsForTraditionalInput() throws {
        let line = #"{"id":"a1","title":"清河縣全面推行河長制","text":"落實最嚴格的水資源管理制度。\n全面推行河長制。","extra":[1]}"#
        let r = try CLIRunner.run(["keywords"], stdin: line + "\n")
        #expect(r.status == 0)
        #expect(r.text.hasPrefix(#"{"id":"a1","title":"清河縣全面推行河長制","text":"落實最嚴格的水資源管理制度。\n全面推行河長制。","extra":[1],"qingxi":{"keywords":["#))
        let terms = try keywords(ofJSONLine: r.text.split(separator: "\n")[0])
        let river = try #require(terms.first { $0["term"] as? String == "河长制" })
        #expect(river["forms"] as? [String] == ["河長制"])
        #expect(river["count"] as? Int == 2)
        #expect(river["kind"] as? String == "lexicon")
        let water = try #require(terms.first { $0["term"] as? String == "最严格的水资源管理制度" })
        #expect(water["forms"] as? [String] == ["最嚴格的水資源管理制度"])
    }

    /// `qingxi df` over an archive, then `keywords --df`: a term every article names ranks lower.
    @Test func documentFrequenciesFromDfLowerACommonTerm() throws {
        let archive = try temporaryFile("archive.jsonl", (1...5).map { #"{"id":"d\#($0)","text":"深化经济体制改革，第\#($0)次会议。"}"# }
            .joined(separator: "\n") + "\n" + #"{"id":"d6","text":"健全生态补偿机制。"}"# + "\n")
        let table = NSTemporaryDirectory() + "qx-kw-\(UUID().uuidString).df"
        let df = try CLIRunner.run(["df", archive, "-o", table])
        #expect(df.status == 0)
        let written = try String(contentsOfFile: table, encoding: .utf8)
        #expect(written.contains("documents\t6\n经济体制改革\t5\n生态补偿机制\t1\n"))
        let article = "深化经济体制改革，健全生态补偿机制。\n"
        let plain = rows(try CLIRunner.run(["keywords", "--min-score", "0"], stdin: article).text)
        let ranked = rows(try CLIRunner.run(["keywords", "--min-score", "0", "--df", table], stdin: article).text)
        let score = { (found: [(term: String, score: Double, count: Int, kind: String)], term: String) in
            found.first { $0.term == term }?.score ?? 0
        }
        #expect(score(plain, "经济体制改革") > 0)
        #expect(score(ranked, "经济体制改革") < score(plain, "经济体制改革") / 2)
        #expect(ranked.first?.term == "生态补偿机制")
    }

    @Test func tokensAsTextAndAsJSONLines() throws {
        let text = try CLIRunner.run(["tokens"], stdin: "全面推行河長制，落實最嚴格的水資源管理制度。\n")
        #expect(text.status == 0)
        #expect(text.text == "全面 推行 河长制 落实 最严格的水资源管理制度\n")
        let line = #"{"id":"t1","text":"全面推行河長制。"}"# + "\n"
        let r = try CLIRunner.run(["keywords", "--tokens"], stdin: line)
        #expect(r.status == 0)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(r.text.utf8)) as? [String: Any])
        let qingxi = try #require(record["qingxi"] as? [String: Any])
        #expect(qingxi["tokens"] as? String == "全面 推行 河长制")
        #expect(record["text"] as? String == "全面推行河長制。")
    }

    @Test func aBadLexiconLineExitsWithTwoAndNamesFileAndLine() throws {
        let lexicon = try temporaryFile("lexicon.txt", "# mine\n河长制\tecology\n坏行\n")
        for command in ["keywords", "df", "tokens"] {
            let r = try CLIRunner.run([command, "--lexicon", lexicon], stdin: "全面推行河长制。\n")
            #expect(r.status == 2, "\(command)")
            #expect(r.stderr.contains("\(lexicon):3: error:"), "\(command): \(r.stderr)")
            #expect(r.text.isEmpty)
        }
    }
}
