extension RecordRunner {
    /// Plain text: each line a paragraph; a line holding only a form feed ends an article.
    func readPlainText(_ reader: LineReader) throws {
        enum Line { case separator, text(String) }
        var article: Article?
        var number = 0
        var count = 0
        let sink: (Paragraph) throws -> Void = { [unowned self] p in
            summary.paragraphsOut += 1
            try printer!.paragraph(p)
        }
        while let line = try reader.nextLine({ bytes -> Line in
            if bytes.count == 1 && bytes[0] == 0x0C { return .separator }
            return .text(try decodeLine(bytes, file: reader.name, line: reader.lineNumber))
        }) {
            switch line {
            case .separator:
                if let current = article { try endPlainArticle(current, sink: sink) }
                article = nil
                summary.bytesIn += 2
            case .text(let text):
                if article == nil {
                    count += 1
                    number = 0
                    let id = count == 1 ? reader.name : "\(reader.name)#\(count)"
                    let started = Article(id: id, file: reader.name, line: reader.lineNumber)
                    summary.articles += 1
                    started.outputFormat = outputFormat
                    started.tracing = options.explain
                    try chain.begin(started)
                    try printer!.begin(started)
                    article = started
                }
                number += 1
                summary.paragraphsIn += 1
                try chain.process(Paragraph(text: text, number: number, line: reader.lineNumber), of: article!, sink: sink)
            }
        }
        if let current = article { try endPlainArticle(current, sink: sink) }
    }

    private func endPlainArticle(_ article: Article, sink: (Paragraph) throws -> Void) throws {
        try chain.end(article, sink: sink)
        try printer!.end(article, record: nil)
    }

    /// JSON Lines: one record a line (blank lines are skipped); its text split on line breaks into paragraphs.
    func readJSONLines(_ reader: LineReader) throws {
        while let outcome = try reader.nextLine({ bytes -> (JSONRecord?, [UInt8]) in
            let raw = Array(bytes)
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return (nil, raw) }
            var valid = raw
            if UTF8Repair.isValid(bytes) {
                summary.bytesIn += bytes.count + 1
            } else {
                valid = Array(try decodeLine(bytes, file: reader.name, line: reader.lineNumber).utf8)
            }
            do {
                return (try JSONRecord(line: valid, textField: options.textField, file: reader.name,
                                       lineNumber: reader.lineNumber), raw)
            } catch let error as QingxiError where options.skipMalformed {
                try reject(raw, error)
                return (nil, raw)
            }
        }) {
            guard let record = outcome.0 else { continue }
            let line = reader.lineNumber
            let article = Article(id: record.id ?? "\(reader.name):\(line)", file: reader.name, line: line,
                                  title: record.title)
            article.previous = record.previousAnnotations
            let paragraphs = record.paragraphs(line: line)
            try runArticle(article, paragraphs: paragraphs, record: record)
        }
    }

    /// Sets a malformed record aside: reported on stderr, written verbatim to the rejects stream, counted.
    private func reject(_ raw: [UInt8], _ error: QingxiError) throws {
        summary.rejected += 1
        messages.line("qingxi: \(error.description) (set aside)")
        if rejects == nil {
            rejects = try options.rejectsPath.map { try OutputWriter(path: $0) } ?? OutputWriter(fd: 2, name: "<stderr>")
        }
        try rejects!.write(raw)
        try rejects!.write(byte: 0x0A)
        if options.rejectsPath == nil { try rejects!.flush() }
    }
}
