import Foundation
import Testing

/// Article ids and fields (docs/robustness.md, "Article ids"): `--id-field` and dotted paths for `--text-field`
/// and `--id-field`; the number 7 and the string "7" are one id; `--missing-id content` names a record without
/// an id by a hash of its text, the same from a file or standard input, in any position.
@Suite struct RecordIDCLITests {
    static let nested = #"{"meta":{"id":7,"src":"x"},"doc":{"body":"臺灣記者報導，會議強調要壓實責任。","n":1}}"# + "\n"

    func keyLines(_ text: String) -> [[Substring]] {
        text.split(separator: "\n").map { $0.split(separator: "\t") }
    }

    @Test func dottedTextFieldIsReadAndWrittenBackInPlace() throws {
        let r = try CLIRunner.run(["convert", "--to", "hans", "--text-field", "doc.body"], stdin: Self.nested)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.text == #"{"meta":{"id":7,"src":"x"},"doc":{"body":"台湾记者报导，会议强调要压实责任。","n":1}}"# + "\n")
        let missing = try CLIRunner.run(["convert", "--to", "hans", "--text-field", "doc.title"], stdin: Self.nested)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains(#"<stdin>:1: error: record has no field "doc.title""#))
        let exact = try CLIRunner.run(["convert", "--to", "hans", "--text-field", "a.b"], stdin: #"{"a.b":"臺灣"}"# + "\n")
        #expect(exact.text == #"{"a.b":"台湾"}"# + "\n")  // a key with a dot in it wins over the path
    }

    @Test func idFieldTakesAPathAndNumbersEqualTheirStrings() throws {
        let keys = try CLIRunner.run(["dedup", "--emit-keys", "--text-field", "doc.body", "--id-field", "meta.id"], stdin: Self.nested)
        #expect(keys.status == 0, "\(keys.stderr)")
        #expect(keyLines(keys.text).allSatisfy { $0[1] == "7" })
        #expect(keys.stderr.isEmpty)
        let twice = Self.nested + Self.nested.replacingOccurrences(of: #""id":7"#, with: #""id":"7""#)
        let repeated = try CLIRunner.run(["dedup", "--emit-keys", "--text-field", "doc.body", "--id-field", "meta.id"], stdin: twice)
        #expect(repeated.status == 1)
        #expect(repeated.stderr.contains(#"<stdin>:2: error: id "7" repeats the article at <stdin>:1"#))
    }

    @Test func contentIDsAreStableAcrossInputsAndPositions() throws {
        let a = #"{"text":"同一段文字，足够长的一段文字，用来测试。"}"# + "\n"
        let b = #"{"text":"另一段文字，足够长的一段文字，用来测试。"}"# + "\n"
        let first = try CLIRunner.run(["dedup", "--emit-keys", "--missing-id", "content"], stdin: a + b)
        let swapped = try CLIRunner.run(["dedup", "--emit-keys", "--missing-id", "content"], stdin: b + a)
        #expect(first.status == 0 && first.stderr.isEmpty, "\(first.stderr)")  // no warning about made-up ids
        let ids = keyLines(first.text).map { String($0[1]) }
        #expect(ids.count == 2 && ids.allSatisfy { $0.hasPrefix("qx-") && $0.count == 35 } && ids[0] != ids[1])
        #expect(Set(keyLines(swapped.text).map { String($0[1]) }) == Set(ids))
        let escaped = #"{"text":"\u540c一段文字，足够长的一段文字，用来测试。"}"# + "\n"  // 同 written as an escape
        let again = try CLIRunner.run(["dedup", "--emit-keys", "--missing-id", "content"], stdin: escaped)
        #expect(keyLines(again.text).first?[1] == Substring(ids[0]))
        let position = try CLIRunner.run(["dedup", "--emit-keys"], stdin: a)
        #expect(keyLines(position.text).first?[1] == "<stdin>:1")  // the default is unchanged
    }

    @Test func batchTakesIDAndTextFieldPaths() throws {
        let dir = NSTemporaryDirectory() + "qx-batch-fields-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try Self.nested.write(toFile: dir + "/in/a.jsonl", atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["batch", dir + "/in", "--out", dir + "/out", "--quiet", "--id-field", "meta.id",
                                   "--text-field", "doc.body", "--to", "hans", "--stages", "convert", "--format", "jsonl"])
        #expect(r.status == 0, "\(r.stderr)")
        let shard = try CLIRunner.run(["convert", "--to", "hans", dir + "/out/part-00000.jsonl.gz"])
        let record = try JSONSerialization.jsonObject(with: Data(shard.text.utf8)) as? [String: Any]
        #expect(record?["id"] as? String == "7")
        #expect((record?["text"] as? String)?.hasPrefix("台湾记者报导") == true)
    }
}
