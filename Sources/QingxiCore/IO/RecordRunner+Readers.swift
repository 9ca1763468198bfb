extension RecordRunner {
    /// Plain text: each line a paragraph; a line holding only a form feed ends an article.
    func readPlainText(_ reader: LineReader) throws {
        enum Line { case separator, text(String), oversized }
        var article: Article?
        var numbering = PlainTextNumbering()
        // Made once, not per line, and capturing `self` strongly: these closures do not outlive the call, and an
        // `unowned` capture costs a retain and release of the unowned count each time the closure is formed or run.
        let printer = printer!
        let sink: (Paragraph) throws -> Void = { p in
            self.summary.paragraphsOut += 1
            try printer.paragraph(p)
        }
        let spill = oversizedSpill(reader)
        while let line = try reader.nextLine({ bytes -> Line in
            if bytes.count == 1 && bytes[0] == 0x0C { return .separator }
            return .text(try decodeLine(bytes, file: reader.name, line: reader.lineNumber))
        }, oversized: { length in
            try setAsideOversized(reader, length: length)
            return .oversized
        }, spill: spill) {
            switch line {
            case .separator:
                if let current = article { try endPlainArticle(current, sink: sink) }
                article = nil
                summary.bytesIn += 2
            case .text, .oversized:
                if let current = article, articleIsFull(numbering, reader) {
                    try endPlainArticle(current, sink: sink)
                    article = nil
                }
                let number = try startPlainLine(&article, &numbering, reader)
                guard case .text(let text) = line else { continue }  // an oversized line keeps its number
                try chain.process(Paragraph(text: text, number: number, line: reader.lineNumber), of: article!, sink: sink)
            }
        }
        if let current = article { try endPlainArticle(current, sink: sink) }
    }

    /// Counts one line of plain text (a text line or an oversized one, not a form feed): begins an article when
    /// none is open — its id the file name, then `FILE#N` — and returns the line's paragraph number in it.
    func startPlainLine(_ article: inout Article?, _ numbering: inout PlainTextNumbering,
                        _ reader: LineReader) throws -> Int {
        if article == nil {
            numbering.articles += 1
            numbering.paragraph = 0
            let made = numbering.articles == 1 ? reader.name : "\(reader.name)#\(numbering.articles)"
            let id = try claimID(made, line: reader.lineNumber, skippable: false) ?? made
            article = try beginPlainArticle(id: id, reader)
        }
        numbering.paragraph += 1
        summary.paragraphsIn += 1
        return numbering.paragraph
    }

    func beginPlainArticle(id: String, _ reader: LineReader) throws -> Article {
        let article = Article(id: id, file: reader.name, line: reader.lineNumber)
        noteMadeUpID(article, record: false)
        summary.articles += 1
        article.outputFormat = outputFormat
        article.tracing = options.explain
        try chain.begin(article)
        try printer!.begin(article)
        return article
    }

    /// True (with a warning) when the open article has `Paragraph.maxPerArticle` lines: the caller ends it and
    /// the next line begins a new one, so that the stages holding a whole article (strip, dedup, keywords) stay bounded. Every line is
    /// still read and written; the output gains an article break (a form feed line) there.
    func articleIsFull(_ numbering: PlainTextNumbering, _ reader: LineReader) -> Bool {
        guard numbering.paragraph >= Paragraph.maxPerArticle else { return false }
        messages.line("qingxi: \(reader.name):\(reader.lineNumber): warning: article of more than "
            + "\(Paragraph.maxPerArticle) lines (the limit of paragraphs per article); the rest continues as a new article")
        return true
    }

    func endPlainArticle(_ article: Article, sink: (Paragraph) throws -> Void) throws {
        try chain.end(article, sink: sink)
        try printer!.end(article, record: nil)
    }

    /// JSON Lines: one record a line (blank lines are skipped); its text split on line breaks into paragraphs.
    func readJSONLines(_ reader: LineReader) throws {
        while let outcome = try reader.nextLine({ bytes -> (JSONRecord?, [UInt8]) in
            let raw = Array(bytes)
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return (nil, raw) }
            var valid = raw
            if inputDecoder == nil && UTF8Repair.isValid(bytes) {  // a legacy charset decodes every line
                summary.bytesIn += bytes.count + 1
            } else {
                valid = Array(try decodeLine(bytes, file: reader.name, line: reader.lineNumber).utf8)
            }
            do {
                return (try JSONRecord(line: valid, textField: options.textField, file: reader.name,
                                       lineNumber: reader.lineNumber, validatedUTF8: true), raw)
            } catch let error as QingxiError where options.skipMalformed {
                try reject(raw, error)
                return (nil, raw)
            }
        }, oversized: { [unowned self] length in
            try setAsideOversized(reader, length: length)
            return (nil, [])
        }, spill: oversizedSpill(reader)) {
            guard let record = outcome.0 else { continue }
            let line = reader.lineNumber
            let given = record.id(field: options.idField)
            let made = given ?? options.missingIDs.madeUpID(for: record, file: reader.name, line: line)
            guard let id = try claimID(made, line: line) else { continue }
            let article = Article(id: id, file: reader.name, line: line, title: record.title)
            if given == nil && options.missingIDs == .position { noteMadeUpID(article, record: true) }
            article.previous = record.previousAnnotations
            var lone = 0
            let paragraphs = record.paragraphs(line: line, loneSurrogates: &lone)
            if paragraphs.count > Paragraph.maxPerArticle {  // as a malformed record: ends the run, or set aside
                let error = QingxiError.badData(file: reader.name, line: line, message: Paragraph.overLimitMessage)
                guard options.skipMalformed else { throw error }
                try reject(outcome.1, error)
                continue
            }
            if lone > 0 { try reportLoneSurrogates(lone, file: reader.name, line: line) }
            try runArticle(article, paragraphs: paragraphs, record: record)
        }
    }

    /// Warns once when article ids must be unique and qingxi names an article itself (`FILE:LINE` for a JSONL
    /// record without `id`, the file name for plain text): such names repeat when shards are processed apart
    /// (every `rdd.pipe` partition reads `<stdin>`), and then `--drop` would remove the wrong paragraphs.
    func noteMadeUpID(_ article: Article, record: Bool) {
        guard let purpose = options.uniqueIDsNeededBy, !madeUpIDReported else { return }
        madeUpIDReported = true
        let what = record ? "record has no \"\(options.idField)\"" : "plain text has no article ids"
        messages.line("qingxi: \(article.file):\(article.line): warning: \(what); \(purpose) names it \"\(article.id)\", "
            + "which repeats when shards are processed separately (e.g. <stdin> in every rdd.pipe partition): "
            + "give every record a unique \"id\"" + (record ? " (or name its field: --id-field), or name records by their text: "
            + "--missing-id content" : "") + " (warned once, for the first such article)")
    }
}

/// Where a plain-text reader is: how many articles it began, and the last paragraph number in the current one.
struct PlainTextNumbering {
    var articles = 0
    var paragraph = 0
}
