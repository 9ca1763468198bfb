import Foundation
import Testing
@testable import QingxiCore

/// The index-ready record (`--format jsonl|es-bulk|text`): fields, scripts, tokens, meta, and the output
/// formats parsed back line by line.
@Suite struct IndexRecordTests {
    static let fields: Set<String> = ["id", "title", "text", "text_hans", "tokens", "keywords", "meta", "fingerprint"]

    /// `clean --format jsonl` of the archive with the default options, made once per test process.
    static let defaultRecords: Result<String, QingxiError> = {
        do {
            return .success(try IndexTestHarness.records(try IndexTestHarness.archiveText(), format: .jsonl))
        } catch {
            return .failure(.io(file: IndexTestHarness.archive, message: "\(error)"))
        }
    }()

    func jsonlRecords(options: CleanOptions? = nil) throws -> [String: [String: Any]] {
        let out = try options.map { try IndexTestHarness.records(try IndexTestHarness.archiveText(), format: .jsonl, options: $0) }
            ?? Self.defaultRecords.get()
        var byID: [String: [String: Any]] = [:]
        for line in out.split(separator: "\n") {
            let record = try IndexTestHarness.object(line)
            byID[record["id"] as? String ?? ""] = record
        }
        return byID
    }

    @Test func everyRecordHasTheDocumentedFieldsAndMeta() throws {
        let records = try jsonlRecords()
        #expect(records.count == 6)
        for (id, record) in records { #expect(Set(record.keys) == Self.fields, "\(id)") }
        let xinhua = try #require(records["hz-001"])
        let meta = try #require(xinhua["meta"] as? [String: Any])
        #expect(meta["source"] as? String == "新华社")
        #expect(meta["reporter"] as? String == "王明远")
        #expect(meta["editor"] as? String == "李华")
        #expect(meta["date"] as? String == "3月5日")
        #expect(!(xinhua["text"] as? String ?? "").contains("责任编辑"))
        let terms = (xinhua["keywords"] as? [[String: Any]] ?? []).compactMap { $0["term"] as? String }
        #expect(terms.first == "河长制")
        let fingerprint = xinhua["fingerprint"] as? String ?? ""
        #expect(fingerprint.count == 16 && fingerprint.allSatisfy(\.isHexDigit))
        let local = try #require(records["tw-002"]?["meta"] as? [String: Any])
        #expect(local["source"] as? String == "地方日报")  // the record's own field, strip found none
        #expect(local["editor"] is NSNull)
        #expect((records["lz-006"]?["meta"] as? [String: Any])?["date"] as? String == "2023-11-08")
    }

    @Test func textHansIsSimplifiedWhateverTheOutputScript() throws {
        let simplified = try #require(try jsonlRecords()["tw-002"])
        #expect((simplified["text"] as? String)?.contains("河长制") == true)
        #expect(simplified["text_hans"] as? String == simplified["text"] as? String)
        var keep = CleanOptions()
        keep.target = .keep
        let original = try #require(try jsonlRecords(options: keep)["tw-002"])
        #expect((original["text"] as? String)?.contains("河長制") == true)
        #expect((original["text_hans"] as? String)?.contains("河长制") == true)
        #expect(original["title"] as? String == "縣府推動河長制 整治溪流汙染")
        // Tokens are simplified either way, so one query finds both scripts.
        #expect(original["tokens"] as? String == simplified["tokens"] as? String)
    }

    @Test func tokensKeepPolicyTermsWhole() throws {
        let records = try jsonlRecords()
        let tokens = (records["tw-002"]?["tokens"] as? String ?? "").split(separator: " ")
        #expect(tokens.contains("河长制"))
        #expect(!tokens.indices.dropLast(2).contains { tokens[$0] == "河" && tokens[$0 + 1] == "长" && tokens[$0 + 2] == "制" })
        let rural = (records["xc-003"]?["tokens"] as? String ?? "").split(separator: " ")
        #expect(rural.contains("乡村振兴战略"))
        let view = try ScriptConverter.matchingView()
        let lexicon = PolicyLexicon(terms: [("河湖长制", "ecology")], view: view)
        let builder = try IndexRecordBuilder(lexicon: lexicon, textIsSimplified: false)
        #expect(try builder.tokens(of: "全面推行河湖長制。") == ["全面", "推行", "河湖长制"])
    }

    @Test func subwordsReachInsideLongTerms() throws {
        let view = try ScriptConverter.matchingView()
        let builder = try IndexRecordBuilder(lexicon: try PolicyLexicon.builtIn(view: view), textIsSimplified: true)
        let article = Article(id: "x", file: "-", line: 1, title: "清河县召开2023年度林长制工作推进会")
        let record = try #require(try builder.record(for: article, paragraphs: [Paragraph(text: "全面实施乡村振兴战略。", number: 1, line: 1)],
                                                     record: nil))
        #expect(record.titleTokens.contains("林长制"))  // a policy term stays whole (not 度林长制: 年度 is a word)
        #expect(!record.titleTokens.contains("度林长制"))
        #expect(record.subwords.contains("乡村振兴"))
        #expect(record.bodyTokens.contains("乡村振兴战略"))
        // ICU words first (phrases over plain words), then the terms inside.
        #expect(try builder.subwords(of: "乡村振兴战略") == ["乡村", "振兴", "战略", "乡村振兴"])
        #expect(try builder.subwords(of: "共和国").isEmpty)
    }

    @Test func plainTextTakesAHeadlineAsTitle() throws {
        let out = try IndexTestHarness.records("县里召开河长制会议\n会议要求落实河长制。\n\u{0C}\n会议要求落实河长制，持续改善水质。\n第二段。\n",
                                               format: .jsonl)
        let lines = out.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try IndexTestHarness.object(lines[0])
        #expect(first["title"] as? String == "县里召开河长制会议")
        #expect(first["text"] as? String == "会议要求落实河长制。")
        let second = try IndexTestHarness.object(lines[1])
        #expect(second["title"] is NSNull)  // a sentence, not a headline
        #expect(second["text"] as? String == "会议要求落实河长制，持续改善水质。\n第二段。")
    }

    @Test func anArticleLeftEmptyGivesNoRecord() throws {
        let builder = try IndexRecordBuilder(lexicon: PolicyLexicon(view: .widthFoldingOnly), textIsSimplified: true)
        let article = Article(id: "e", file: "-", line: 1)
        #expect(try builder.record(for: article, paragraphs: [Paragraph(text: "  ", number: 1, line: 1)], record: nil) == nil)
    }

    @Test func esBulkAlternatesActionAndDocumentLines() throws {
        let out = try IndexTestHarness.records(try IndexTestHarness.archiveText(), format: .esBulk, indexName: "news")
        #expect(out.hasSuffix("\n"))
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 12)
        for (index, line) in lines.enumerated() {
            let object = try IndexTestHarness.object(line)
            if index % 2 == 0 {
                #expect(Array(object.keys) == ["index"], "line \(index + 1)")
                let action = try #require(object["index"] as? [String: Any])
                #expect(action["_index"] as? String == "news")
                let document = try IndexTestHarness.object(lines[lines.index(lines.startIndex, offsetBy: index + 1)])
                #expect(action["_id"] as? String == document["id"] as? String)
            } else {
                #expect(Set(object.keys) == Self.fields, "line \(index + 1)")
            }
        }
        let bare = try IndexTestHarness.records(try IndexTestHarness.archiveText(), format: .esBulk)
        let action = try IndexTestHarness.object(bare.split(separator: "\n")[0])
        #expect((action["index"] as? [String: Any])?.keys.sorted() == ["_id"])
    }

    @Test func textFormatIsReadableAndFormFeedSeparated() throws {
        let out = try IndexTestHarness.records(try IndexTestHarness.archiveText(), format: .text)
        let records = out.components(separatedBy: "\u{0C}\n").filter { !$0.isEmpty }
        #expect(records.count == 6)
        #expect(records[0].hasPrefix("id: hz-001\ntitle: 全面推行河长制 河湖面貌明显改善\nsource: 新华社\n"))
        #expect(records[0].contains("\nkeywords: 河长制, "))
        #expect(records[0].contains("\n\n新华社北京3月5日电"))
    }

    @Test func jsonRecordEncodesInDocumentedOrder() throws {
        let record = IndexRecord(id: "a\"1", title: nil, text: "甲", textHans: "甲", titleTokens: [], bodyTokens: ["甲"],
                                 subwords: [], keywords: [], meta: IndexMeta(source: "乙"), fingerprint: SimHash(value: 255))
        let line = String(decoding: IndexRecordEncoder(format: .jsonl).encoded(record), as: UTF8.self)
        #expect(line == #"{"id":"a\"1","title":null,"text":"甲","text_hans":"甲","tokens":"甲","keywords":[],"meta":{"source":"乙","reporter":null,"editor":null,"date":null},"fingerprint":"00000000000000ff"}"# + "\n")
    }
}
