import Foundation
import Testing
@testable import QingxiCore

/// `--encoding`: UTF-8 by default (anything else rejected with the offset), `auto` detects GB18030/GBK and Big5
/// with ICU and converts; a file that cannot be decoded goes to rejects.
@Suite struct BatchEncodingTests {
    static func encoded(_ text: String, _ charset: String) throws -> [UInt8] {
        let hex = try BatchFixtures.run("/bin/sh", ["-c", "printf '%s' '\(text)' | iconv -f UTF-8 -t \(charset) | od -An -tx1"])
        return hex.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { UInt8($0, radix: 16)! }
    }

    let simplified = "县政府召开会议，讨论河道治理与水资源保护。记者了解到，全年将完成十二项重点工程。"
    let traditional = "縣政府召開會議，討論河道治理與水資源保護。記者了解到，全年將完成十二項重點工程。"

    @Test func autoDetectsGBKGB18030AndBig5() throws {
        let decoding = TextDecoding(.auto)
        #expect(try decoding.decode(Self.encoded(simplified, "GBK")) == simplified)
        #expect(try decoding.decode(Self.encoded(simplified, "GB18030")) == simplified)
        #expect(try decoding.decode(Self.encoded(traditional, "BIG5")) == traditional)
        #expect(try decoding.decode(Array(simplified.utf8)) == simplified)
        #expect(try decoding.decode([0xFF, 0xFE] + Self.encoded(traditional, "UTF-16LE")) == traditional)
        #expect(try decoding.decode(Self.encoded("短", "GBK")) == "短")
    }

    @Test func utf8ModeRejectsOtherBytesWithTheOffset() throws {
        let bytes = Array("前文".utf8) + (try Self.encoded("後文", "BIG5"))
        #expect(throws: InputDamage("invalid UTF-8 at byte 7 (for GB18030/GBK or Big5 text, use --encoding auto)")) {
            try TextDecoding(.utf8).decode(bytes)
        }
        #expect(try TextDecoding(.utf8).decode([0xEF, 0xBB, 0xBF] + Array("有BOM".utf8)) == "有BOM")
        #expect(try TextDecoding(.named("big5")).decode(bytes.suffix(4)) == "後文")
    }

    @Test func undecodableBytesAreRefusedNotGuessed() throws {
        let decoding = TextDecoding(.named("GB18030"))
        #expect(throws: InputDamage.self) { try decoding.decode([0x41, 0x81, 0x20, 0x42]) }
        let binary = (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 0xC1) }
        #expect(throws: InputDamage.self) { try TextDecoding(.auto).decode(binary + [0x00, 0xFF, 0x00, 0xFE]) }
    }

    @Test func batchConvertsDetectedFilesAndRejectsTheRest() throws {
        let dir = try BatchFixtures.folder()
        defer { BatchFixtures.remove(dir) }
        try BatchFixtures.write(try Self.encoded(traditional + "\n", "BIG5"), to: dir + "/in/big5.txt")
        try BatchFixtures.write(try Self.encoded(simplified + "\n", "GBK"), to: dir + "/in/gbk.txt")
        let gbkRecords = BatchFixtures.jsonl([("g1", simplified), ("g2", traditional)]).split(separator: "\n")
        try BatchFixtures.write(try gbkRecords.flatMap { try Self.encoded(String($0), "GB18030") + [0x0A] }, to: dir + "/in/gbk.jsonl")
        try BatchFixtures.write([0xFF, 0xFE] + (try Self.encoded(#"{"id":"u","text":"字"}"# + "\n", "UTF-16LE")), to: dir + "/in/utf16.jsonl")
        var options = BatchHarness.options([dir + "/in"], out: dir + "/auto")
        options.encoding = .auto
        let auto = try BatchHarness.run(options, stages: BatchHarness.hans)
        let lines = try BatchFixtures.shardLines(dir + "/auto")
        #expect(lines.contains(#"{"id":"big5.txt","text":"\#(simplified)"}"#))
        #expect(lines.contains(#"{"id":"gbk.txt","text":"\#(simplified)"}"#))
        #expect(lines.contains(#"{"id":"g2","text":"\#(simplified)"}"#), "\(lines)")
        #expect(auto.report.stats.rejects == ["undecodable": 1])
        #expect(try BatchFixtures.rejectLines(dir + "/auto")[0].contains("UTF-16 JSON Lines"))
        let strict = try BatchHarness.run(BatchHarness.options([dir + "/in"], out: dir + "/utf8"), stages: BatchHarness.hans)
        #expect(strict.report.stats.articlesOut == 0)
        #expect(strict.report.stats.rejects["undecodable"] == 5)
    }
}
