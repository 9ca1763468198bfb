/// Turning input lines into text: UTF-8 by default (invalid bytes replaced with U+FFFD and reported with file
/// and line, an error under `strict`), or a legacy charset chosen per input under `encoding` (`auto`: ICU
/// detects GB18030/GBK or Big5 on the input's first 64 KiB). Lines can be decoded one by one because neither
/// charset uses the bytes of LF or CR inside a character.
///
/// A UTF-8 input whose first bad line looks like GB18030 or Big5 gets one hint naming `--encoding auto`
/// instead of a warning per line (the summary still counts the lines).
extension RecordRunner {
    /// Decodes one input line, replacing and reporting what cannot be decoded (an error under `strict`).
    func decodeLine(_ bytes: UnsafeBufferPointer<UInt8>, file: String, line: Int) throws -> String {
        summary.bytesIn += bytes.count + 1
        if let inputDecoder {
            do {
                return try TextDecoding.decode(bytes, with: inputDecoder)
            } catch {
                try reportUndecodable("\(error.message) in the line", bytes, file: file, line: line)
                return String(decoding: bytes, as: UTF8.self)
            }
        }
        let (text, invalidAt) = UTF8Repair.decode(bytes)
        guard let offset = invalidAt else { return text }
        try reportUndecodable("invalid UTF-8 at byte \(offset + 1) of the line", bytes, file: file, line: line)
        return text
    }

    private func reportUndecodable(_ problem: String, _ bytes: UnsafeBufferPointer<UInt8>, file: String, line: Int) throws {
        if options.strict { throw QingxiError.badData(file: file, line: line, message: problem) }
        summary.invalidUTF8Lines += 1
        invalidLinesInInput += 1
        if invalidLinesInInput == 1 && inputDecoder == nil, let charset = Self.legacyCharset(of: bytes) {
            legacyHintGiven = true
            messages.line("qingxi: \(file):\(line): warning: this input looks like \(charset), not UTF-8: use "
                + "--encoding auto (or iconv -f \(charset) -t UTF-8); its bad lines are replaced with U+FFFD and counted")
        }
        if !legacyHintGiven && summary.invalidUTF8Lines <= Self.maxWarnings {
            messages.line("qingxi: \(file):\(line): warning: \(problem), replaced with U+FFFD")
        }
    }

    /// Escaped lone surrogates in a record's text (`"\ud800"`): valid JSON, but no character, so they become
    /// U+FFFD — reported like invalid UTF-8 (a warning naming file and line, counted; an error under `strict`).
    func reportLoneSurrogates(_ count: Int, file: String, line: Int) throws {
        let problem = "\(count) lone surrogate escape(s) (\\ud800–\\udfff without its pair) in the text"
        if options.strict { throw QingxiError.badData(file: file, line: line, message: problem) }
        summary.loneSurrogateRecords += 1
        if summary.loneSurrogateRecords <= Self.maxWarnings {
            messages.line("qingxi: \(file):\(line): warning: \(problem), replaced with U+FFFD")
        }
    }

    /// GB18030 or Big5 when the bytes are mostly not UTF-8 and ICU's detector takes them for one of these.
    static func legacyCharset(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard UTF8Repair.isMostlyInvalid(bytes) else { return nil }
        return try? TextDecoding(.auto).charset(of: Array(bytes), sampleIsWhole: true)
    }

    /// Chooses how to decode the input `reader` is about to read (UTF-8 unless `encoding` says otherwise).
    func chooseCharset(_ reader: LineReader) throws {
        inputDecoder = nil
        invalidLinesInInput = 0
        legacyHintGiven = false
        guard options.encoding != .utf8 else { return }
        let sample = try reader.peekPrefix(maxBytes: 1 << 16)
        do {
            inputDecoder = try decoder.charset(of: sample, sampleIsWhole: reader.peekedWholeInput)
                .flatMap { charset throws(InputDamage) in try decoder.decoder(for: charset) }
        } catch {
            messages.line("qingxi: \(reader.name): warning: \(error.message); read as UTF-8")
        }
    }

    /// One `TextDecoding` (ICU detector and decoders) for the whole run.
    private var decoder: TextDecoding {
        if let decoder = textDecoding { return decoder }
        let decoder = TextDecoding(options.encoding)
        textDecoding = decoder
        return decoder
    }
}
