import Foundation
import Testing
@testable import QingxiCore

/// The golden fixtures under corpus/golden: exact output, metadata, and the stage's contract (conservation,
/// idempotence) as properties over every input fixture.
@Suite struct StripFixtureTests {
    static func lines(of relative: String) throws -> [String] {
        var lines = try Corpus.text(relative).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    static func fixtures() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Corpus.path("golden/input"))
            .filter { $0.hasSuffix(".txt") }.sorted()
    }

    @Test(arguments: ["strip-tail", "strip-page", "strip-news-page", "strip-policy"])
    func outputMatchesGolden(_ name: String) throws {
        let (kept, _) = try runStage(try builtInStripper(), lines: try Self.lines(of: "golden/input/\(name).txt"))
        let expected = try Corpus.text("golden/expected/\(name).strip.txt")
        #expect(kept.map { $0.text + "\n" }.joined() == expected)
    }

    @Test func tailOfTheSeedShapeIsRemovedWithItsMetadata() throws {
        let (_, article) = try runStage(try builtInStripper(), lines: try Self.lines(of: "golden/input/strip-tail.txt"))
        let reasons = article.removed.map { "\($0.paragraph) \($0.reason)" }
        #expect(reasons == ["4 caption", "9 editor", "10 prompt", "11 prompt", "13 disclaimer", "14 copyright",
                            "15 copyright"])
        let meta = article.meta.map { "\($0.key)=\($0.value)" }
        #expect(meta == ["title=清河縣召開2022年垃圾分類工作推進會", "dateline_org=清河新聞網", "dateline_date=5月12日", "reporter=林曉雯",
                         "photo_credit=許志強", "editor=孫麗華"])
    }

    @Test func pageDumpKeepsTheBodyAndCutsTheGluedOriginalTitle() throws {
        let (_, article) = try runStage(try builtInStripper(), lines: try Self.lines(of: "golden/input/strip-page.txt"))
        let partial = article.removed.filter { $0.reason == "original-title (partial)" }
        #expect(partial.map(\.text) == ["（原标题：城区新增三条公交线路 覆盖南部新区）"])
        #expect(article.meta.contains { $0 == ("original_title", "城区新增三条公交线路 覆盖南部新区") })
        #expect(article.meta.contains { $0 == ("source", "清河新闻网") })
        #expect(article.meta.contains { $0 == ("editor", "赵红梅") })
        #expect(Set(article.removed.map(\.reason)).isSuperset(of: ["page-chrome", "navigation", "footer"]))
    }

    /// A whole news page: the headline and its deck stay (and are the metadata title and subtitle) between a
    /// breadcrumb and share buttons; a schedule of short lines in the body stays; related links and the
    /// comment thread after the body go.
    @Test func newsPageKeepsHeadlineDeckAndScheduleAndLosesTheThread() throws {
        let (kept, article) = try runStage(try builtInStripper(), lines: try Self.lines(of: "golden/input/strip-news-page.txt"))
        #expect(article.meta.contains { $0 == ("title", "清河县启动第二批老旧小区改造") })
        #expect(article.meta.contains { $0 == ("subtitle", "——涉及38个小区1.2万户居民，年底前完工") })
        #expect(kept.contains { $0.text == "城南片区 5月8日" })
        let thread = article.removed.filter { $0.reason == "comment-widget" }.map(\.text)
        #expect(thread.contains("支持！我们小区早就该改了，希望施工期间注意安全，别影响老人孩子出行。"))
    }

    /// A government document page: the metadata table goes to metadata, and the title, the 主送 line, the
    /// signature, the annex title and every row of the annex table stay.
    @Test func policyDocumentKeepsItsAnnexAndGivesItsMetadataTable() throws {
        let (kept, article) = try runStage(try builtInStripper(), lines: try Self.lines(of: "golden/input/strip-policy.txt"))
        let texts = Set(kept.map(\.text))
        for line in ["安远县人民政府办公室关于印发安远县2023年春耕生产工作方案的通知", "各乡（镇）人民政府，县政府各部门，县属、驻县各单位：",
                     "安远县人民政府办公室", "2023年3月21日", "附件", "合计\t11.20\t4.50"] {
            #expect(texts.contains(line), "\(line) was removed")
        }
        #expect(article.meta.contains { $0 == ("index_no", "360726-2023-00157") })
        #expect(article.meta.contains { $0 == ("doc_number", "安府办字〔2023〕9号") })
        #expect(article.meta.contains { $0 == ("title", "安远县人民政府办公室关于印发安远县2023年春耕生产工作方案的通知") })
        #expect(Set(article.removed.map(\.reason)) == ["navigation", "doc-meta", "footer"])
    }

    /// An original title glued to the front of a body line and a photo credit glued to its end are both cut in
    /// one pass (the rest of a cut line is decided again), with both values as metadata; a second pass changes
    /// nothing.
    @Test func aLineCutAtBothEndsKeepsItsMiddleInOnePass() throws {
        let body = "3月5日，清河县召开全面推行林长制工作推进会，县委书记周建国出席会议并讲话，要求各地压实责任、抓好落实。"
        let line = "（原标题：清河县召开林长制工作推进会）" + body + "（王宇 摄）"
        let (kept, article) = try runStage(try builtInStripper(), lines: [line, "第二段正文，会议要求各地抓好落实。"])
        #expect(kept.map(\.text) == [body, "第二段正文，会议要求各地抓好落实。"])
        #expect(article.removed.map(\.reason) == ["original-title (partial)", "caption (partial)"])
        #expect(article.removed.map(\.text) == ["（原标题：清河县召开林长制工作推进会）", "（王宇 摄）"])
        #expect(article.meta.contains { $0 == ("original_title", "清河县召开林长制工作推进会") })
        #expect(article.meta.contains { $0 == ("photo_credit", "王宇") })
        let (twice, again) = try runStage(try builtInStripper(), lines: kept.map(\.text))
        #expect(twice.map(\.text) == kept.map(\.text) && again.removed.isEmpty)
    }

    /// Kept + removed = input, paragraph by paragraph: a paragraph is emitted whole, removed whole, or split
    /// into cut spans (removed: a prefix, a suffix or both) and the rest (emitted), which put together give the
    /// input line.
    @Test func keptAndRemovedAddUpToTheInput() throws {
        for fixture in try Self.fixtures() {
            let input = try Self.lines(of: "golden/input/\(fixture)")
            let (kept, article) = try runStage(try builtInStripper(), lines: input)
            for (index, line) in input.enumerated() {
                let number = index + 1
                let out = kept.filter { $0.number == number }.map(\.text)
                let removed = article.removed.filter { $0.paragraph == number }.map(\.text)
                #expect(out.count + removed.count >= 1 && out.count <= 1 && removed.count <= (out.isEmpty ? 1 : 2),
                        "\(fixture) ¶\(number)")
                let whole = out.first.map { kept in Self.joinings(kept, cuts: removed) } ?? removed
                #expect(whole.contains(line), "\(fixture) ¶\(number): \(out) + \(removed) ≠ \(line)")
            }
            #expect(kept.map(\.number) == kept.map(\.number).sorted(), "\(fixture): emitted out of order")
        }
    }

    /// The lines `kept` could have come from with the cut spans put back (a cut is a prefix or a suffix).
    static func joinings(_ kept: String, cuts: [String]) -> [String] {
        switch cuts.count {
        case 0: return [kept]
        case 1: return [cuts[0] + kept, kept + cuts[0]]
        default: return [cuts[0] + kept + cuts[1], cuts[1] + kept + cuts[0]]
        }
    }

    /// Plain text without `--explain` takes the byte path (`RecordRunner.stripPlainTextFast`: no `String` per
    /// line, no removal records, kept lines written as their bytes); `--explain` the general one. Same output,
    /// metadata, warnings and summary: every fixture as an article, then one with invalid UTF-8, an oversized
    /// line set aside, traditional lines and a line cut at both ends.
    @Test func bytePathEqualsGeneralPath() throws {
        let cut = "（原标题：清河县召开林长制工作推进会）3月5日，清河县召开全面推行林长制工作推进会，县委书记周建国出席会议并讲话，"
            + "要求各地压实责任、抓好落实。（王宇 摄）"
        var input: [UInt8] = []
        for fixture in try Self.fixtures() {
            input += Array((try Corpus.text("golden/input/\(fixture)") + "\u{0C}\n").utf8)
        }
        input += Array("責任編輯：孫麗華\n\(cut)\n".utf8) + [0xE6, 0xB8, 0x85, 0xE6, 0xB2, 0x0A] + Array("清河縣新聞\n".utf8)
        input += Array(String(repeating: "长", count: 400).utf8) + [0x0A] + Array("（資料圖）\n".utf8)
        for meta in [false, true] {
            var fast = RecordOptions(), general = RecordOptions()
            (fast.printMeta, general.printMeta, general.explain) = (meta, meta, true)
            (fast.maxRecordBytes, general.maxRecordBytes, fast.skipMalformed, general.skipMalformed) = (1000, 1000, true, true)
            let a = try TestSupport.run(input, stages: [try builtInStripper()], options: fast)
            let b = try TestSupport.run(input, stages: [try builtInStripper()], options: general)
            #expect(a.output == b.output)
            #expect(a.output.contains("\n3月5日，清河县") && !a.output.contains("原标题") && a.output.hasSuffix("清河縣新聞\n"))
            let messages = { (m: String) in m.split(separator: "\n").filter { !$0.contains(": strip: removed ") } }
            #expect(messages(a.messages) == messages(b.messages))
            #expect(a.messages.contains("invalid UTF-8") && a.messages.contains("over --max-record-bytes"))
            #expect(a.summary == b.summary && a.summary.oversized == 1)
        }
    }

    @Test func strippingTwiceEqualsStrippingOnce() throws {
        for fixture in try Self.fixtures() {
            let (once, _) = try runStage(try builtInStripper(), lines: try Self.lines(of: "golden/input/\(fixture)"))
            let (twice, article) = try runStage(try builtInStripper(), lines: once.map(\.text))
            #expect(twice.map(\.text) == once.map(\.text), "\(fixture)")
            #expect(article.removed.isEmpty, "\(fixture): second pass removed \(article.removed.map(\.text))")
        }
    }
}
