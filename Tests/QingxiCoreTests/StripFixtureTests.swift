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

    @Test(arguments: ["strip-tail", "strip-page"])
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
        #expect(meta == ["dateline_org=清河新聞網", "dateline_date=5月12日", "reporter=林曉雯",
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

    /// Kept + removed = input, paragraph by paragraph: a paragraph is emitted whole, removed whole, or split
    /// into a cut span (removed) and the rest (emitted), which put together give the input line.
    @Test func keptAndRemovedAddUpToTheInput() throws {
        for fixture in try Self.fixtures() {
            let input = try Self.lines(of: "golden/input/\(fixture)")
            let (kept, article) = try runStage(try builtInStripper(), lines: input)
            for (index, line) in input.enumerated() {
                let number = index + 1
                let out = kept.filter { $0.number == number }.map(\.text)
                let removed = article.removed.filter { $0.paragraph == number }.map(\.text)
                #expect(out.count + removed.count >= 1 && out.count <= 1 && removed.count <= 1,
                        "\(fixture) ¶\(number)")
                let whole = out.first.map { kept in removed.first.map { [$0 + kept, kept + $0] } ?? [kept] }
                    ?? removed
                #expect(whole.contains(line), "\(fixture) ¶\(number): \(out) + \(removed) ≠ \(line)")
            }
            #expect(kept.map(\.number) == kept.map(\.number).sorted(), "\(fixture): emitted out of order")
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
