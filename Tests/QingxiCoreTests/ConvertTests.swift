import Testing
@testable import QingxiCore

/// The convert stage: ICU's context rules, punctuation, the default mode's corrections, rule-file errors.
@Suite struct ConvertTests {
    func convert(_ text: String, _ options: ConversionOptions) throws -> String {
        try ScriptConverter(options).convert(text)
    }

    @Test func exactModeKeepsICUContextQuirk() throws {
        let exact = ConversionOptions(direction: .hant, exactICU: true)
        // ICU checks the before-context on converted text: 两 is already 兩, so 只 stays.
        #expect(try convert("两只鸡", exact) == "兩只雞")
        #expect(try convert("三只鸡", exact) == "三隻雞")
        #expect(try convert("一万余人", exact) == "一萬余人")  // 万 is 萬 already when 余 looks back
    }

    @Test func defaultModeChecksContextsOnInput() throws {
        let standard = ConversionOptions(direction: .hant)
        #expect(try convert("两只鸡", standard) == "兩隻雞")
        #expect(try convert("三只鸡", standard) == "三隻雞")
        #expect(try convert("一万余人", standard) == "一萬餘人")
    }

    @Test func cornerBracketsBecomeQuotesUnlessKept() throws {
        #expect(try convert("「引號」", ConversionOptions(direction: .hans)) == "“引号”")
        #expect(try convert("「引號」", ConversionOptions(direction: .hans, keepPunctuation: true)) == "「引号」")
        #expect(try convert("「引號」", ConversionOptions(direction: .hans, exactICU: true)) == "“引号”")
    }

    @Test func convertingToTheTargetScriptChangesNothing() throws {
        let hans = "会议传达学习了精神，并审议通过了工作要点。"
        #expect(try convert(hans, ConversionOptions(direction: .hans)) == hans)
        let hant = try convert(hans, ConversionOptions(direction: .hant))
        #expect(try convert(hant, ConversionOptions(direction: .hant)) == hant)
    }

    @Test func userRulesOverrideAndSteerSegmentation() throws {
        let path = try TestSupport.temporaryFile(Array("# mine\n经理\n发现\n面条\t麵條\n".utf8), suffix: ".rules")
        let options = ConversionOptions(direction: .hant, ruleFiles: [path])
        #expect(try convert("经理发现面条", options) == "經理發現麵條")
        #expect(try convert("经理发现", ConversionOptions(direction: .hant, exactICU: true)) == "經理髮現")
    }

    @Test(arguments: [
        ("a\tb\tc\n", 1, "fields"),
        ("# ok\n\n面条\t麵\n", 3, "characters"),
        ("[一{只}\t隻\n", 1, "before-context"),
        ("{}\t\n", 1, "empty key"),
        ("# a space, not a TAB\n软件 軟體\n", 2, "white space"),
        ("软件\t軟 體\n", 1, "white space"),
    ])
    func badRuleLinesNameFileAndLine(text: String, line: Int, fragment: String) throws {
        let path = try TestSupport.temporaryFile(Array(text.utf8), suffix: ".rules")
        var rules = CorrectionRules()
        do {
            try rules.add(file: path)
            Issue.record("expected an error for \(text)")
        } catch let QingxiError.badRuleFile(file, errorLine, message) {
            #expect(file == path)
            #expect(errorLine == line)
            #expect(message.contains(fragment), "\(message)")
        }
    }

    @Test func uconvChunkBoundariesFollowItsBitMask() {
        #expect(StringConverter.isUconvChunkEnd(0x7CBE))  // 精
        #expect(StringConverter.isUconvChunkEnd(0x2028))
        #expect(!StringConverter.isUconvChunkEnd(0x4E09))  // 三
        #expect(!StringConverter.isUconvChunkEnd(0x1_2028))  // uconv tests UTF-16 units; surrogates never match
    }
}
