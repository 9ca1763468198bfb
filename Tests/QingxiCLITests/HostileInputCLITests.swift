import Foundation
import Testing

/// The command-line side of hostile input (README "Guarantees"): exit codes, messages naming file and line,
/// `--max-record-bytes`, `--encoding auto` on the filters, and the warning about made-up article ids.
@Suite struct HostileInputCLITests {
    static let long = String(repeating: "長", count: 400)  // 1,200 bytes

    @Test func oversizedLineEndsTheRunWithExitOneUnlessSkipped() throws {
        let input = "甲\n\(Self.long)\n乙\n"
        let failed = try CLIRunner.run(["strip", "--max-record-bytes", "1K"], stdin: input)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("<stdin>:2: error: line longer than --max-record-bytes 1024"))
        let rejects = NSTemporaryDirectory() + "qx-rejects-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: rejects) }
        let skipped = try CLIRunner.run(["clean", "--max-record-bytes", "1K", "--on-error", "skip", "--rejects", rejects],
                                        stdin: input)
        #expect(skipped.status == 0)
        #expect(skipped.text == "甲\n乙\n")
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == Self.long + "\n")
        #expect(skipped.stderr.contains("1 record(s) over --max-record-bytes set aside in \(rejects)"))
    }

    @Test func maxRecordBytesIsValidated() throws {
        let r = try CLIRunner.run(["convert", "--to", "hans", "--max-record-bytes", "0"], stdin: "")
        #expect(r.status == 2)
        #expect(r.stderr.contains("--max-record-bytes must be between 1 and 1G"))
    }

    @Test func encodingAutoReadsGB18030InTheFilters() throws {
        let gbk: [UInt8] = [0xC7, 0xE5, 0xBA, 0xD3, 0xCF, 0xD8, 0xD5, 0xD9, 0xBF, 0xAA, 0xBB, 0xE1, 0xD2, 0xE9, 0xA3, 0xAC, 0xCC,
                            0xD6, 0xC2, 0xDB, 0xC1, 0xD6, 0xB3, 0xA4, 0xD6, 0xC6, 0xB9, 0xA4, 0xD7, 0xF7, 0xA1, 0xA3, 0x0A]  // 清河县召开会议，讨论林长制工作。
        let hinted = try CLIRunner.run(["convert", "--to", "hant"], stdin: Data(gbk + gbk))
        #expect(hinted.status == 0)
        #expect(hinted.stderr.contains("<stdin>:1: warning: this input looks like GB18030, not UTF-8: use --encoding auto"))
        let decoded = try CLIRunner.run(["convert", "--to", "hant", "--encoding", "auto"], stdin: Data(gbk + gbk))
        #expect(decoded.text == String(repeating: "清河縣召開會議，討論林長制工作。\n", count: 2))
        #expect(decoded.stderr.isEmpty)
    }

    @Test func recordsWithoutIDGetOneWarningUnderEmitKeys() throws {
        let input = #"{"text":"会议强调，要压实各级林长责任。"}"# + "\n" + #"{"text":"会议强调，要压实各级林长责任。"}"# + "\n"
        let keys = try CLIRunner.run(["dedup", "--emit-keys"], stdin: input)
        #expect(keys.status == 0)
        #expect(keys.text.contains("\t<stdin>:1\t1\n") && keys.text.contains("\t<stdin>:2\t1\n"))
        let warnings = keys.stderr.split(separator: "\n").filter { $0.contains("warning") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains(#"<stdin>:1: warning: record has no "id"; --emit-keys names it "<stdin>:1""#) == true)
        let withIDs = try CLIRunner.run(["dedup", "--emit-keys"], stdin: #"{"id":"a","text":"会议强调，要压实各级林长责任。"}"# + "\n")
        #expect(withIDs.stderr.isEmpty)
        let plain = try CLIRunner.run(["dedup"], stdin: input)
        #expect(plain.stderr.isEmpty)  // ids matter only for --emit-keys and --drop
    }
}
