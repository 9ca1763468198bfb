/// Records the runner cannot process — malformed JSON lines and lines over `maxRecordBytes` — follow one
/// convention: without `skipMalformed` the first one ends the run (`QingxiError.badData` naming file and line,
/// exit 1); with it, each is reported on stderr, written verbatim to the rejects stream, counted in the summary,
/// and everything else is processed.
///
/// An oversized line is never held whole: its bytes go to the rejects file piece by piece as `LineReader`
/// reads them. When the rejects stream is stderr (no `--rejects FILE`) the bytes are not echoed there, only
/// the report: the line is too long to print by definition.
extension RecordRunner {
    /// Sets a malformed record aside: reported on stderr, written verbatim to the rejects stream, counted.
    func reject(_ raw: [UInt8], _ error: QingxiError) throws {
        summary.rejected += 1
        messages.line("qingxi: \(error.description) (set aside)")
        let writer = try rejectsWriter()
        try writer.write(raw)
        try writer.write(byte: 0x0A)
        if options.rejectsPath == nil { try writer.flush() }
    }

    /// Where the pieces of an oversized line go while it is read (see `LineReader.nextLine(_:oversized:spill:)`).
    func oversizedSpill(_ reader: LineReader) -> (UnsafeBufferPointer<UInt8>) throws -> Void {
        { [unowned self] piece in
            guard options.skipMalformed else {
                throw QingxiError.badData(file: reader.name, line: reader.lineNumber, message:
                    "line longer than --max-record-bytes \(options.maxRecordBytes); not read (raise the limit, "
                    + "or --on-error skip sets such lines aside)")
            }
            if options.rejectsPath != nil { try rejectsWriter().write(piece) }
        }
    }

    /// Counts and reports an oversized line whose bytes `oversizedSpill` has already passed on.
    func setAsideOversized(_ reader: LineReader, length: Int) throws {
        summary.oversized += 1
        messages.line("qingxi: \(reader.name):\(reader.lineNumber): error: line of \(length) bytes, over "
            + "--max-record-bytes \(options.maxRecordBytes) (set aside)")
        if options.rejectsPath != nil { try rejectsWriter().write(byte: 0x0A) }
    }

    private func rejectsWriter() throws -> OutputWriter {
        if let rejects { return rejects }
        let writer = try options.rejectsPath.map { try OutputWriter(path: $0) } ?? OutputWriter(fd: 2, name: "<stderr>")
        rejects = writer
        return writer
    }
}
