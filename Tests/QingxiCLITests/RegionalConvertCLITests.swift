import Foundation
import Testing

/// `convert` with Taiwan and Hong Kong standards through the binary: one small fixture per OpenCC config
/// (s2tw, s2twp, s2hk, s2hkp, tw2s, tw2sp, hk2s, t2tw, tw2t), written for qingxi, plus the options' errors.
@Suite struct RegionalConvertCLITests {
    static let fixture: [(config: String, arguments: [String], input: String, expected: String)] = [
        ("s2tw", ["--to", "tw"], "他在房间里看着说明书。", "他在房間裡看著說明書。"),
        ("s2hk", ["--to", "hk"], "他在房间里看着说明书。", "他在房間裏看着説明書。"),
        ("s2twp", ["--to", "tw", "--phrases"], "我用鼠标打开软件，查看网络信息。", "我用滑鼠打開軟體，檢視網路資訊。"),
        ("s2hkp", ["--to", "hk", "--phrases"], "他在房间里看着说明书。", "他在房間裏看着説明書。"),
        ("tw2s", ["--to", "hans", "--from", "tw"], "他在房間裡看著說明書。", "他在房间里看着说明书。"),
        ("tw2sp", ["--to", "hans", "--from", "tw", "--phrases"], "我用滑鼠開啟軟體，檢視網路資訊。", "我用鼠标打开软件，查看网络信息。"),
        ("hk2s", ["--to", "hans", "--from", "hk"], "他在房間裏看着説明書。", "他在房间里看着说明书。"),
        ("auto", ["--to", "hans", "--from", "auto"], "他在房間裏看着説明書。", "他在房间里看着说明书。"),
        ("t2tw", ["--to", "tw", "--from", "tw"], "他在房間裏看着說明書。", "他在房間裡看著說明書。"),
        ("tw2t", ["--to", "hant", "--from", "tw"], "干擾宿舍的人。", "干擾宿舍的人。"),
        ("hk2tw", ["--to", "tw", "--from", "hk"], "他在房間裏看着説明書。", "他在房間裡看著說明書。"),
    ]

    @Test(arguments: fixture.indices)
    func eachConfigThroughTheBinary(index: Int) throws {
        let row = Self.fixture[index]
        let r = try CLIRunner.run(["convert"] + row.arguments, stdin: row.input + "\n")
        #expect(r.status == 0, "\(row.config): \(r.stderr)")
        #expect(r.text == row.expected + "\n", "\(row.config)")
    }

    @Test func regionalOptionsThatCannotWorkAreUsageErrors() throws {
        let phrases = try CLIRunner.run(["convert", "--to", "hant", "--phrases"], stdin: "软件\n")
        #expect(phrases.status == 2)
        #expect(phrases.stderr.contains("--phrases"))
        let exact = try CLIRunner.run(["convert", "--to", "tw", "--exact-icu"], stdin: "软件\n")
        #expect(exact.status == 2)
    }

    @Test func cleanPassesTheRegionalTargetThrough() throws {
        let r = try CLIRunner.run(["clean", "--to", "hk", "--stages", "convert", "--output-format", "text"],
                                  stdin: "台风过后，他在家里看着新闻。\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.text.contains("颱風過後，他在家裏看着新聞。"))
    }

    @Test func userRulesApplyToTraditionalInputInTheLastPass() throws {
        let path = NSTemporaryDirectory() + "qx-cli-\(UUID().uuidString).rules"
        try "軟件\t軟體\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["convert", "--to", "tw", "--from", "hk", "--rules", path], stdin: "這個軟件裏面\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.text == "這個軟體裡面\n")
    }
}
