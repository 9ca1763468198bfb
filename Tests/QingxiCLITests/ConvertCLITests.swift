import Foundation
import Testing

/// The `qingxi` binary end to end: standard streams, formats, exit codes (0 ok, 1 bad data, 2 usage/I/O).
@Suite struct ConvertCLITests {
    @Test func stdinToStdout() throws {
        let r = try CLIRunner.run(["convert", "--to", "hans"], stdin: "經理發現了問題。\n")
        #expect(r.status == 0)
        #expect(r.text == "经理发现了问题。\n")
        let back = try CLIRunner.run(["convert", "--to", "hant", "-"], stdin: r.text)
        #expect(back.text == "經理發現了問題。\n")
    }

    @Test func fileArgumentsAndFormFeedSeparatedArticles() throws {
        let path = NSTemporaryDirectory() + "qx-cli-\(UUID().uuidString).txt"
        try "甲篇標題\n內容\n\u{0C}\n乙篇標題\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["convert", "--to", "hans", path])
        #expect(r.status == 0)
        #expect(r.text == "甲篇标题\n内容\n\u{0C}\n乙篇标题\n")
    }

    @Test func jsonLinesPassThroughUnknownFieldsAndHonourTextField() throws {
        let line = #"{"id":"x1","content":"後來發現","extra":{"k":[1,true]},"title":"標題"}"# + "\n"
        let r = try CLIRunner.run(["convert", "--to", "hans", "--text-field", "content"], stdin: line)
        #expect(r.status == 0)
        #expect(r.text == #"{"id":"x1","content":"后来发现","extra":{"k":[1,true]},"title":"标题"}"# + "\n")
        let asText = try CLIRunner.run(["convert", "--to", "hans", "--text-field", "content", "--output-format", "text"], stdin: line)
        #expect(asText.text == "标题\n后来发现\n")
    }

    @Test func closedPipeEndsQuietlyWithZero() throws {
        let script = #"yes '經理發現了問題，後來於是並且。' | head -200000 | "$QX" convert --to hans | head -1; echo "status=${PIPESTATUS[2]}""#
        let r = try CLIRunner.shell(script)
        #expect(r.text == "经理发现了问题，后来于是并且。\nstatus=0\n")
    }

    @Test func invalidUTF8IsReportedAndStrictFails() throws {
        var bytes = Data("好\n".utf8)
        bytes.append(contentsOf: [0xFF, 0x41, 0x0A])
        let r = try CLIRunner.run(["convert", "--to", "hans"], stdin: bytes)
        #expect(r.status == 0)
        #expect(r.text == "好\n\u{FFFD}A\n")
        #expect(r.stderr.contains("<stdin>:2: warning: invalid UTF-8"))
        let strict = try CLIRunner.run(["convert", "--to", "hans", "--strict"], stdin: bytes)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("<stdin>:2: error: invalid UTF-8"))
    }

    @Test func malformedJSONLineFailsOrIsSkipped() throws {
        let input = "{\"text\":\"甲\"}\n{\"text\":\n{\"text\":\"乙\"}\n"
        let fail = try CLIRunner.run(["convert", "--to", "hans"], stdin: input)
        #expect(fail.status == 1)
        #expect(fail.stderr.contains("<stdin>:2: error: malformed JSON"))
        let rejects = NSTemporaryDirectory() + "qx-rejects-\(UUID().uuidString)"
        let skip = try CLIRunner.run(["convert", "--to", "hans", "--on-error", "skip", "--rejects", rejects], stdin: input)
        #expect(skip.status == 0)
        #expect(skip.text == "{\"text\":\"甲\"}\n{\"text\":\"乙\"}\n")
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == "{\"text\":\n")
        #expect(skip.stderr.contains("1 malformed record(s) set aside"))
    }

    @Test func usageAndIOErrorsExitWithTwo() throws {
        #expect(try CLIRunner.run(["convert", "--to", "klingon"]).status == 2)
        #expect(try CLIRunner.run(["convert"]).status == 2)
        let missing = try CLIRunner.run(["convert", "--to", "hans", "/nonexistent/file.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/file.txt: error:"))
        let badRules = NSTemporaryDirectory() + "qx-bad-\(UUID().uuidString).rules"
        try "好\t好\t好\n".write(toFile: badRules, atomically: true, encoding: .utf8)
        let rules = try CLIRunner.run(["convert", "--to", "hant", "--rules", badRules], stdin: "好\n")
        #expect(rules.status == 2)
        #expect(rules.stderr.contains("\(badRules):1: error:"))
    }

    @Test func utf16InputIsSetAsideAndTheRestProcessed() throws {
        let utf16 = NSTemporaryDirectory() + "qx-u16-\(UUID().uuidString).txt"
        let utf8 = NSTemporaryDirectory() + "qx-u8-\(UUID().uuidString).txt"
        try Data([0xFF, 0xFE, 0x41, 0x00, 0x0A, 0x00]).write(to: URL(fileURLWithPath: utf16))
        try "後來\n".write(toFile: utf8, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["convert", "--to", "hans", utf16, utf8])
        #expect(r.status == 1)
        #expect(r.text == "后来\n")
        #expect(r.stderr.contains("\(utf16): error: UTF-16 text (byte order mark FF FE)"))
    }

    @Test func helpExitsZero() throws {
        let r = try CLIRunner.run(["convert", "--help"])
        #expect(r.status == 0)
        #expect(r.text.contains("--exact-icu"))
    }

    @Test func exactUconvMatchesTheUconvCommandWhenInstalled() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/uconv") else { return }
        let text = "她有精采的表现，注册精致的产品，经理发现两只鸡。\n於是後來並且「引號」\n"
        for (to, id) in [("hant", "Simplified-Traditional"), ("hans", "Traditional-Simplified")] {
            let ours = try CLIRunner.run(["convert", "--to", to, "--exact-uconv"], stdin: text)
            let uconv = try CLIRunner.shell("printf '%s' '\(text)' | uconv -x \(id)")
            #expect(ours.text == uconv.text)
        }
    }
}
