#if canImport(Glibc)
import Glibc
#endif

/// Splits a stream into JSON Lines records: lines ended by LF, CRLF or a lone CR, as `LineReader` reads them
/// for the other commands (a final line without a terminator still counts; a UTF-8 byte order mark at the
/// start is dropped). JSON escapes CR and LF inside strings, so neither can split a valid record.
///
/// Memory is bounded by `maxBytes`: a line longer than that is not kept. It is read through to its end and
/// reported as `.oversized`, so a decompression bomb without line breaks costs time (bounded by
/// `InflatingSource`'s ratio limit) but never memory.
final class RecordSplitter {
    enum Item: Equatable {
        case line([UInt8], number: Int)
        case oversized(number: Int, length: Int)
    }

    private let source: ByteSource
    private let maxBytes: Int
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var ended = false
    private var atStart = true
    private(set) var lineNumber = 0
    /// Bytes taken from the stream so far.
    private(set) var bytesRead = 0

    init(_ source: ByteSource, maxBytes: Int) {
        self.source = source
        self.maxBytes = maxBytes
        buffer = [UInt8](repeating: 0, count: 1 << 16)
    }

    /// The next line, or nil at the end of the stream.
    func next() throws -> Item? {
        var scanFrom = start
        var dropped = 0
        while true {
            if let (lineEnd, next) = findTerminator(from: scanFrom) {
                lineNumber += 1
                defer { start = next }
                let length = lineEnd - start
                if dropped > 0 || length > maxBytes { return .oversized(number: lineNumber, length: dropped + length) }
                return .line(Array(buffer[start..<lineEnd]), number: lineNumber)
            }
            if ended {
                guard start < end || dropped > 0 else { return nil }
                lineNumber += 1
                defer { start = end }
                if dropped > 0 || end - start > maxBytes { return .oversized(number: lineNumber, length: dropped + end - start) }
                return .line(Array(buffer[start..<end]), number: lineNumber)
            }
            if end - start > maxBytes {
                dropped += end - start
                start = end
            }
            let scanned = max(0, end - start - 1)  // look at a final CR again: it may start a CRLF
            try fill()
            scanFrom = start + scanned
        }
    }

    /// The end of the next line at or after `from` and where the line after it starts (LF, CRLF, or a lone CR,
    /// as `LineReader` reads lines); nil when more input is needed to tell.
    private func findTerminator(from: Int) -> (Int, Int)? {
        let lf = find(0x0A, from: from, to: end)
        if let cr = find(0x0D, from: from, to: lf ?? end) {
            if cr + 1 < end { return (cr, buffer[cr + 1] == 0x0A ? cr + 2 : cr + 1) }
            return ended ? (cr, cr + 1) : nil
        }
        return lf.map { ($0, $0 + 1) }
    }

    private func find(_ byte: UInt8, from: Int, to: Int) -> Int? {
        guard from < to else { return nil }
        return buffer.withUnsafeBytes { raw -> Int? in
            guard let hit = memchr(raw.baseAddress! + from, Int32(byte), to - from) else { return nil }
            return raw.baseAddress!.distance(to: UnsafeRawPointer(hit))
        }
    }

    /// Moves unread bytes to the front, grows the buffer when a line fills it, and reads more.
    private func fill() throws {
        if start > 0 {
            buffer.withUnsafeMutableBytes { raw in _ = memmove(raw.baseAddress!, raw.baseAddress! + start, end - start) }
            end -= start
            start = 0
        }
        if buffer.count - end < 1 << 15 { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
        try readChunk()
        if atStart {
            while end < 3 && !ended { try readChunk() }
            atStart = false
            if end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { start = 3 }
        }
    }

    private func readChunk() throws {
        let n = try buffer.withUnsafeMutableBytes { try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[end...])) }
        if n == 0 { ended = true } else { end += n }
        bytesRead += n
    }
}
