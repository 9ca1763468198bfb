extension RecordRunner {
    /// The convert-only path for plain text: each line goes from input bytes through the engine to the output
    /// buffer without becoming a `String` or a `Paragraph`. Output is identical to the general path (a test
    /// holds this); a line with invalid UTF-8 falls back to it, so it is repaired and reported the same way.
    func convertPlainTextFast(_ reader: LineReader, _ converter: ScriptConverter) throws {
        guard let text = printer as? TextPrinter else { return try readPlainText(reader) }
        var inArticle = false
        func startParagraph() {
            if !inArticle {
                inArticle = true
                text.beginArticle()
                summary.articles += 1
            }
            summary.paragraphsIn += 1
        }
        while let _ = try reader.nextLine({ bytes -> Bool in
            if bytes.count == 1 && bytes[0] == 0x0C {
                inArticle = false
                return true
            }
            startParagraph()
            try text.startLine()
            summary.paragraphsOut += 1
            let valid = try converter.convertUTF8(bytes) { try output.write($0) }
            if valid {
                summary.bytesIn += bytes.count + 1
            } else {
                try output.write(converter.convert(try decodeLine(bytes, file: reader.name, line: reader.lineNumber)).utf8)
            }
            try output.write(byte: 0x0A)
            return true
        }, oversized: { [unowned self] length in
            try setAsideOversized(reader, length: length)
            startParagraph()  // as the general path: the line counts, nothing is written
            return true
        }, spill: oversizedSpill(reader)) {}
    }
}
