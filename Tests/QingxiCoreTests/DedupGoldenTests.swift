import Testing
@testable import QingxiCore

/// corpus/golden/input/dedup-NAME.txt through `qingxi dedup` (default options) must give
/// corpus/golden/expected/dedup-NAME.dedup.txt byte for byte.
@Suite struct DedupGoldenTests {
    static let corpus: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/corpus/golden"
    }()

    static func read(_ path: String) throws -> String {
        let bytes = try #require(FileBytes.read(path), "cannot read \(path)")
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: ["dedup-county-meeting", "dedup-figures", "dedup-trust"])
    func matchesExpectedOutput(name: String) throws {
        let input = try Self.read("\(Self.corpus)/input/\(name).txt")
        let expected = try Self.read("\(Self.corpus)/expected/\(name).dedup.txt")
        let articles = DedupHarness.articles(fromText: input)
        let result = try DedupHarness.dedup(articles)
        #expect(result.text == expected)
        #expect(DedupHarness.accountsForEverything(articles, result))
        let again = try DedupHarness.dedup(result.kept)
        #expect(again.text == expected)
    }
}
