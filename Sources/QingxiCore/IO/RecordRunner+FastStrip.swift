/// The strip-only path for plain text: each input line goes to the stripper as its UTF-8 bytes, without becoming
/// a `String` or a `Paragraph` (`BoilerplateStripper.process(utf8:number:line:)`); only the lines the stripper
/// releases become strings, and removed lines are not recorded, since nothing reads `article.removed` when
/// plain text is written without `--explain`. On whole-page dumps, where nine lines in ten are removed, making
/// and freeing those strings and records was about a fifth of the stage's work.
///
/// Output, messages and summary are identical to the general path (`readPlainText`): articles are begun and
/// ended the same way (the stripper still records metadata), a line with invalid UTF-8 (found by the stripper's
/// fold, which reads every byte anyway) is repaired and reported by `decodeLine` and goes in as a paragraph, and
/// an oversized line counts without going in.
extension RecordRunner {
    /// The lone stripper of a run this path can serve: plain text out, no report, no `--explain`, UTF-8 in, and
    /// no warning about made-up article ids (which would come before an invalid line's warning here, after it there).
    var fastStripper: BoilerplateStripper? {
        guard chain.stages.count == 1, let stripper = chain.stages[0] as? BoilerplateStripper,
              printer is TextPrinter, textReport == nil, !options.explain, inputDecoder == nil,
              options.uniqueIDsNeededBy == nil else { return nil }
        return stripper
    }

    func stripPlainTextFast(_ reader: LineReader, _ stripper: BoilerplateStripper) throws {
        stripper.recordsRemovals = false
        defer { stripper.recordsRemovals = true }
        guard let printer = printer as? TextPrinter else { return try readPlainText(reader) }
        let sink: (Paragraph) throws -> Void = { p in
            self.summary.paragraphsOut += 1
            try printer.paragraph(p)
        }
        let sinkBytes: (UnsafeBufferPointer<UInt8>) throws -> Void = { bytes in  // as `TextPrinter.paragraph`
            self.summary.paragraphsOut += 1
            try printer.startLine()
            try self.output.write(bytes)
            try self.output.write(byte: 0x0A)
        }
        func end(_ article: Article) throws {  // as `endPlainArticle`, releasing kept lines as bytes
            try stripper.end(article, emit: sink, emitBytes: sinkBytes)
            try printer.end(article, record: nil)
        }
        let spill = oversizedSpill(reader)
        var article: Article?
        var numbering = PlainTextNumbering()
        while let _ = try reader.nextLine({ bytes -> Bool in
            if bytes.count == 1 && bytes[0] == 0x0C {
                if let current = article { try end(current) }
                article = nil
                summary.bytesIn += 2
            } else {
                if let current = article, articleIsFull(numbering, reader) {
                    try end(current)
                    article = nil
                }
                let number = try startPlainLine(&article, &numbering, reader)
                if stripper.process(utf8: bytes, number: number, line: reader.lineNumber) {  // validates as it reads
                    summary.bytesIn += bytes.count + 1
                } else {
                    let text = try decodeLine(bytes, file: reader.name, line: reader.lineNumber)
                    try stripper.process(Paragraph(text: text, number: number, line: reader.lineNumber), of: article!,
                                         emit: sink)
                }
            }
            return true
        }, oversized: { length in
            try setAsideOversized(reader, length: length)
            _ = try startPlainLine(&article, &numbering, reader)  // an oversized line keeps its number, nothing goes in
            return true
        }, spill: spill) {}
        if let current = article { try end(current) }
    }
}
