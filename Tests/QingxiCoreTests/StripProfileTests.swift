import Foundation
import Testing
@testable import QingxiCore

/// Footer profiles: learning recurring lines per source, the file format, and removal by the stripper.
@Suite struct StripProfileTests {
    static let footer = "清河融媒 每日精选 敬请期待"
    static let slogan = "讲好清河故事 传播清河声音"

    static func article(_ n: Int) -> [String] {
        ["清河县第\(n)次工作例会召开，会议研究部署了近期的重点工作，要求各部门狠抓落实。", "",
         "会议指出，各单位要对照年度目标逐项梳理进度，确保第\(n)项任务按期完成。", footer, slogan]
    }

    private func learned() -> FooterProfile {
        let learner = FooterProfileLearner(view: StripView.shared)
        for n in 1...6 { learner.add(paragraphs: Self.article(n), source: "qinghe") }
        learner.add(paragraphs: ["另一个网站的文章正文，内容与清河无关。", Self.slogan], source: "other")
        return learner.profile()
    }

    @Test func learnsLinesThatRecurWithinOneSource() {
        let profile = learned()
        #expect(profile.entries.map(\.line) == [Self.footer, Self.slogan])
        #expect(profile.entries.allSatisfy { $0.source == "qinghe" && $0.articles == 6 })
    }

    @Test func profileFileRoundTripsAndStripRemovesItsLines() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("profile-\(UUID()).tsv").path
        try learned().serialized().write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let loaded = try FooterProfile.load(file: path)
        #expect(loaded == learned())
        let (kept, article) = try runStage(try builtInStripper(profile: loaded), lines: Self.article(7))
        #expect(kept.map(\.text) == Array(Self.article(7).prefix(3)))
        #expect(article.removed.map(\.reason) == ["profile", "profile"])
    }

    @Test func badProfileLineNamesFileAndLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("profile-\(UUID()).tsv").path
        try "# profile\nqinghe\t6\t\(Self.footer)\nqinghe\tmany\tx\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: QingxiError.self) { try FooterProfile.load(file: path) }
        #expect(error?.description.hasPrefix("\(path):3: error: bad article count") == true)
    }
}
