import Foundation
import Testing
@testable import QingxiCore

/// `--max-record-bytes` in the filters: a JSONL record or a plain-text line over the limit is never held
/// whole; it ends the run (exit 1) naming file and line, or under `--on-error skip` is copied verbatim to
/// `--rejects`, counted, and everything else is processed — at any read size.
@Suite struct OversizedRecordTests {
    static let long = String(repeating: "長", count: 100)  // 300 bytes

    func options(limit: Int, rejects: String? = nil) -> RecordOptions {
        var options = RecordOptions()
        options.maxRecordBytes = limit
        options.skipMalformed = true
        options.rejectsPath = rejects
        return options
    }

    @Test(arguments: [1 << 16, 1, 7, 64])
    func plainTextLineIsSetAsideAndKeepsItsNumber(readSize: Int) throws {
        let rejects = try TestSupport.temporaryFile([], suffix: ".rejects")
        var options = options(limit: 64, rejects: rejects)
        options.explain = true
        let input = "甲\r\n\(Self.long)\r\n乙刪 X\r\(Self.long)乙\n丙\n"
        let result = try TestSupport.run(input, stages: [DropMarkedStage(marker: "X")], options: options, readSize: readSize)
        #expect(result.output == "甲\n丙\n")
        #expect(result.messages.contains("INPUT:2: error: line of 300 bytes, over --max-record-bytes 64 (set aside)"))
        #expect(result.messages.contains("INPUT:3: test: removed ¶3 (marked)"))  // numbering unchanged
        #expect(result.messages.contains("INPUT:4: error: line of 303 bytes"))
        #expect(result.summary.oversized == 2 && result.summary.paragraphsIn == 5)
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == "\(Self.long)\n\(Self.long)乙\n")
        #expect(result.messages.contains("2 record(s) over --max-record-bytes set aside in \(rejects)"))
    }

    @Test(arguments: [1 << 16, 5])
    func jsonRecordIsSetAsideAndTheOthersProcessed(readSize: Int) throws {
        let big = #"{"id":"big","text":"\#(Self.long)"}"#
        let input = #"{"id":"a","text":"後"}"# + "\n" + big + "\n" + #"{"id":"b","text":"來"}"#
        let rejects = try TestSupport.temporaryFile([], suffix: ".rejects")
        let result = try TestSupport.run(input, stages: [try ScriptConverter(ConversionOptions(direction: .hans))],
                                         options: options(limit: 100, rejects: rejects), readSize: readSize)
        #expect(result.output == #"{"id":"a","text":"后"}"# + "\n" + #"{"id":"b","text":"来"}"# + "\n")
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == big + "\n")
        #expect(result.summary.oversized == 1 && result.summary.articles == 2)
    }

    @Test func withoutSkipTheFirstOversizedLineEndsTheRun() throws {
        var options = RecordOptions()
        options.maxRecordBytes = 64
        do {
            _ = try TestSupport.run("甲\n乙\n\(Self.long)\n", stages: [], options: options)
            Issue.record("expected an error")
        } catch let QingxiError.badData(_, line, message) {
            #expect(line == 3)
            #expect(message.contains("longer than --max-record-bytes 64"))
        }
    }

    @Test func withoutRejectsFileTheLineIsReportedButNotEchoed() throws {
        let result = try TestSupport.run("\(Self.long)\n尾\n", stages: [], options: options(limit: 64))
        #expect(result.output == "尾\n")
        #expect(!result.messages.contains(Self.long))
        #expect(result.messages.contains("1 record(s) over --max-record-bytes set aside (not copied: no --rejects FILE)"))
    }

    @Test func fastConvertPathSetsAsideLikeTheGeneralPath() throws {
        let input = "後\n\(Self.long)\n來\n\u{0C}\n\(Self.long)\n"
        let converter = { try ScriptConverter(ConversionOptions(direction: .hans)) }
        let fast = try TestSupport.run(input, stages: [try converter()], options: options(limit: 64))
        var general = options(limit: 64)
        general.explain = true
        let slow = try TestSupport.run(input, stages: [try converter()], options: general)
        #expect(fast.output == "后\n来\n")  // the second article has no line left
        #expect(slow.output == fast.output)
        #expect(fast.summary.oversized == 2 && slow.summary.oversized == 2)
    }

    /// The reader's buffer stays near the limit however long the line: memory does not grow with it.
    @Test func readerBufferDoesNotGrowWithTheLine() throws {
        let path = try TestSupport.temporaryFile([UInt8](repeating: 0x41, count: 8 << 20) + Array("\n尾\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try LineReader(path: path)
        reader.maxLineBytes = 1 << 16
        var spilled = 0
        let first = try reader.nextLine({ _ in -1 }, oversized: { $0 }, spill: { spilled += $0.count })
        #expect(first == 8 << 20 && spilled == 8 << 20)
        #expect(reader.bufferCapacity <= 4 << 16)
        #expect(try reader.nextLine { String(decoding: $0, as: UTF8.self) } == "尾")
    }
}
