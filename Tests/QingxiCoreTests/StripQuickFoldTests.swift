import Testing
@testable import QingxiCore

/// The stripper's exact matching view of a line (`QuickFold.foldExactly`) must equal `MatchingView.folded`
/// (ASCII lowered) whether it converts the line whole or, on a long line, only the chunks that can change.
@Suite struct StripQuickFoldTests {
    /// Chunks of every kind: simplified words, traditional words, phrases whose characters do not change one
    /// by one (回覆 → 回复), context rules, ICU's punctuation (「」), full-width letters, ASCII, digits.
    static let pieces = ["清河县", "新闻发布会", "這個", "回覆", "請回覆我", "乾隆", "干部", "三隻雞", "两只鸡",
                         "「標題」", "「标题」", "ＡＢＣ１２３", "gtx560ti", "2024年", "後來", "头发", "頭髮", "台灣",
                         "下載", "下面", "中國", "沈先生", "俱乐部", "什麼", "Hello", "——", "清河融媒"]

    static func expected(_ line: String, _ view: MatchingView) -> [UInt32] {
        view.folded(line).unicodeScalars.map { ASCIIFold.lower($0.value) }
    }

    static func exact(_ line: String, _ view: MatchingView) -> [UInt32] {
        let fold = QuickFold(view: view)
        _ = fold.fold(line)
        fold.foldExactly(line)
        return fold.withFolded { Array($0) }
    }

    @Test func theDefaultViewKnowsWhereConversionCanChangeText() throws {
        let starts = try #require(StripView.shared.changeStarts())
        #expect(starts.contains([0x8FD9]) == false)  // 这: kept
        #expect(starts.contains([0x9019]))  // 這: converted on its own
        #expect(starts.contains([0x56DE, 0x8986]) || starts.contains([0x56DE]))  // 回覆: a phrase of kept characters
    }

    @Test func chunkedConversionOfALongLineEqualsWholeLineConversion() {
        let view = StripView.shared
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            let words = (0..<400).map { _ in Self.pieces.randomElement(using: &generator)! }
            let line = words.joined(separator: round % 2 == 0 ? " " : "  ")
            #expect(line.utf8.count >= QuickFold.chunkedBytes)
            #expect(Self.exact(line, view) == Self.expected(line, view), "\(line)")
        }
    }

    /// Han characters the table keeps take the fold's fast path once known: a line of them is not blank, has
    /// a repeat key (the same for the same bytes) and counts every character.
    @Test func linesOfKeptHanAreCountedAndKeyed() {
        let fold = QuickFold(view: StripView.shared)
        for _ in 0..<2 {  // the second time, every character is known
            let features = fold.fold("清河新闻")
            #expect(!fold.isBlank)
            #expect(fold.repeatKey != 0)
            #expect(features.han == 4 && features.length == 4)
        }
        let key = fold.repeatKey
        _ = fold.fold("\u{3000} ")
        #expect(fold.isBlank && fold.repeatKey == 0)
        _ = fold.fold("清河新闻")
        #expect(fold.repeatKey == key)
    }

    @Test(arguments: ["這個回覆 乾隆 「標題」", "请回覆 清河县", String(repeating: "清河县 ", count: 300) + "請回覆"])
    func shortAndLongLinesMatchTheView(line: String) {
        #expect(Self.exact(line, StripView.shared) == Self.expected(line, StripView.shared))
    }

    /// A line's scalars (`Paragraph.scalars`, kept by the convert stage) fold exactly as its bytes do: the same
    /// features, folded scalars, blank and changed-Han flags and repeat key.
    @Test func foldingScalarsEqualsFoldingBytes() {
        let view = StripView.shared
        var generator = SystemRandomNumberGenerator()
        let lines = Self.pieces + ["", " ", "\u{3000}", "　责任编辑：王五　", "𠀋𠀌", "ⅣⅤ", "图为 河长制"]
            + (0..<200).map { _ in (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                Self.pieces.randomElement(using: &generator)! }.joined(separator: ["", " ", "，"].randomElement(using: &generator)!) }
        let bytes = QuickFold(view: view), scalars = QuickFold(view: view)
        for line in lines {
            var text = line
            let values = line.unicodeScalars.map(\.value)
            let fromBytes = text.withUTF8 { bytes.fold(utf8: $0)! }
            let fromScalars = text.withUTF8 { utf8 in values.withUnsafeBufferPointer { scalars.fold(scalars: $0, utf8: utf8) } }
            #expect(fromScalars == fromBytes, "\(line)")
            #expect(scalars.withFolded { Array($0) } == bytes.withFolded { Array($0) }, "\(line)")
            #expect(scalars.isBlank == bytes.isBlank && scalars.changedHan == bytes.changedHan, "\(line)")
            #expect(scalars.repeatKey == bytes.repeatKey, "\(line)")
        }
    }
}
