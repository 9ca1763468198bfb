import Foundation
import Testing
@testable import QingxiCore

/// `DictionaryWordBreaker` cuts Han runs itself with ICU's dictionary and hands the rest to ICU: its pieces must
/// be ICU's pieces of the whole text, wherever the runs meet (kana, marks after Han, compatibility ideographs,
/// characters outside the BMP, Latin, digits, punctuation, spaces).
@Suite struct DictionaryWordBreakerTests {
    /// Mixed-script pieces the random texts are made of (all invented).
    static let pieces = [
        "清河县", "召开", "林长制", "工作推进会", "全面推行河长制", "乡村振兴", "生态优先", "绿色发展", "地区生产总值",
        "審議通過", "鄉村振興", "人人", "々", "〇", "二〇二三年", "カタカナ", "ひらがな", "ー", "ｶﾀｶﾅ", "\u{0301}", "\u{FE0F}",
        "\u{200D}", "\u{200B}", "兀", "\u{FA0C}", "\u{2F00}", "𠮷", "𠀋市", "😀", "COVID-19", "iPhone", "6.5%", "2023",
        "ＧＤＰ", "１２３", "，", "。", "、", "“", "”", "《", "》", " ", "  ", "\t", "-", "'", "can't", "U.S.", "_", "＿", "\u{2764}", "a", "ア",
    ]

    @Test func piecesAreICUsOnCorpusText() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../corpus/golden/input").standardized
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
        #expect(!names.isEmpty)
        let breaker = try DictionaryWordBreaker(), icu = try ICUWordBreaker(locale: "zh")
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") {
                #expect(try pieces(of: String(line), breaker) == (try icu.words(String(line)).map(String.init)), "\(name): \(line)")
            }
        }
    }

    @Test func piecesAreICUsOnMixedScripts() throws {
        var random = TestSupport.SeededGenerator(seed: 20261129)
        let breaker = try DictionaryWordBreaker(), icu = try ICUWordBreaker(locale: "zh")
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 1...14, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let mine = try pieces(of: text, breaker), theirs = try icu.words(text).map(String.init)
            #expect(mine == theirs, "\(mine.map { $0.unicodeScalars.map { String($0.value, radix: 16) } }) vs \(theirs.map { $0.unicodeScalars.map { String($0.value, radix: 16) } })")
        }
    }

    @Test func wordsAreICUsPiecesWithALetterOrDigit() throws {
        let breaker = try DictionaryWordBreaker(), icu = try ICUWordBreaker(locale: "zh")
        for text in ["清河县召开林长制工作推进会，COVID-19 “疫情”。", "カタカナと漢字 𠮷野家", "，。 “”  ", ""] {
            let expected = try icu.words(text).filter { $0.unicodeScalars.contains { DictionaryWordBreaker.isWordValue($0.value) } }
            #expect(try breaker.words(of: text) == expected.map(String.init), "\(text)")
        }
        #expect(try breaker.words(of: "清河县召开工作推进会").count >= 4)
    }

    @Test func theDictionaryIsICUs() throws {
        let dictionary = try #require(CJKDictionary.shared)
        #expect(dictionary.count > 100_000)
    }

    /// Every piece of `text`, as strings.
    private func pieces(of text: String, _ breaker: DictionaryWordBreaker) throws -> [String] {
        let scalars = ViewText.scalarValues(text)
        var result: [String] = []
        try scalars.withUnsafeBufferPointer { s in
            try breaker.forEachPiece(of: s, skippingRunsWithoutWords: false) { result.append(ViewText.string(scalars[$0])) }
        }
        return result
    }
}
