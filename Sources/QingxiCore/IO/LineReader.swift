#if canImport(Glibc)
import Glibc
#endif

/// Splits a byte stream into lines, reading `read(2)` chunks of 64 KiB (NOTES §3: ~550 MB/s; `readLine()` and
/// `String.split` are far slower). Line terminators: LF, CRLF and a lone CR (old Mac / some Windows tools); the
/// terminator is not part of the line. A final line without a terminator is still a line. A UTF-8 byte order
/// mark at the very start is dropped.
///
/// Memory: the buffer holds one line at a time (plus one chunk), so a huge single line needs its own size —
/// unless `maxLineBytes` is set: a longer line is then never held whole. Its bytes are handed on in pieces as
/// they are read (`spill`) and dropped, and the caller learns its length instead (`nextLine(_:oversized:spill:)`),
/// so memory stays below about twice the limit however long the line is.
public final class LineReader {
    private let fd: Int32
    public let name: String
    private let ownsDescriptor: Bool
    /// Owned memory, not an array: handing a line to `body` then retains and releases nothing.
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    private var start = 0
    private var end = 0
    private var eof = false
    private var atStart = true
    /// The number of the line most recently returned (1-based).
    public private(set) var lineNumber = 0
    /// Bytes asked of each `read(2)`: 64 KiB, or less to test chunk invariance (1 feeds byte by byte).
    private let chunk: Int
    /// Lines longer than this (terminator excluded) are oversized: see `nextLine(_:oversized:spill:)`.
    public var maxLineBytes = Int.max
    /// Where bytes come from once `detectCompression` found gzip (the inflated stream); nil: `read(2)` on `fd`.
    private var source: ByteSource?

    /// Reads from an open descriptor (0 for stdin).
    public init(fd: Int32, name: String, readSize: Int = 1 << 16) {
        self.fd = fd
        self.name = name
        self.ownsDescriptor = false
        chunk = max(1, readSize)
        buffer = .allocate(capacity: max(chunk * 2, 64))
    }

    /// Opens `path` for reading.
    public init(path: String, readSize: Int = 1 << 16) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw QingxiError.io(file: path, message: String(cString: strerror(errno))) }
        self.fd = fd
        self.name = path
        self.ownsDescriptor = true
        chunk = max(1, readSize)
        buffer = .allocate(capacity: max(chunk * 2, 64))
    }

    deinit {
        buffer.deallocate()
        if ownsDescriptor { close(fd) }
    }

    /// Looks for a compression magic (`Compression.detect`) at the start of the stream, before anything is read as
    /// text. For gzip, the reader delivers the inflated bytes from then on (a UTF-8 byte order mark inside is
    /// dropped as usual); damage found later (a truncated or corrupt stream) is an error naming the line being
    /// read, after every complete line before it was delivered. Returns the format found: the caller refuses the
    /// ones that are not `isReadable`.
    public func detectCompression() throws -> Compression? {
        guard atStart, lineNumber == 0, source == nil else { return nil }
        while end - start < Compression.magicLength && !eof { try fill() }
        guard let format = Compression.detect(Array(buffer[start..<end])) else { return nil }
        guard format == .gzip else { return format }
        let head = Array(buffer[start..<end])
        source = try InflatingSource(DescriptorSource(fd: fd, name: name, head: head), format: .gzip, what: "gzip data")
        start = 0
        end = 0
        eof = false
        return format
    }

    /// `detectCompression` for readers that cannot set an input aside and go on: a format qingxi does not read is
    /// an error (exit 1) naming the input.
    public func decompressOrRefuse() throws {
        if let format = try detectCompression(), !format.isReadable {
            throw QingxiError.damagedFile(file: name, message: format.refusal(name))
        }
    }

    /// The UTF-16 byte order mark the stream starts with ("FF FE" or "FE FF"), if any; consumes nothing.
    public func utf16ByteOrderMark() throws -> String? {
        while end - start < 2 && !eof { try fill() }
        guard atStart, end - start >= 2 else { return nil }
        switch (buffer[start], buffer[start + 1]) {
        case (0xFF, 0xFE): return "FF FE"
        case (0xFE, 0xFF): return "FE FF"
        default: return nil
        }
    }

    /// The first non-white-space byte of the stream (after a BOM), without consuming anything; nil when the
    /// stream is empty or all white space within the first chunks examined.
    public func peekFirstSignificantByte() throws -> UInt8? {
        while true {
            try dropByteOrderMark()
            var i = start
            while i < end {
                let b = buffer[i]
                if b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { return b }
                i += 1
            }
            if eof || end - start > 1 << 20 { return nil }
            try fill()
        }
    }

    /// Up to `maxBytes` of the stream's first bytes (after a UTF-8 BOM), without consuming them.
    public func peekPrefix(maxBytes: Int) throws -> [UInt8] {
        try dropByteOrderMark()
        while end - start < maxBytes && !eof { try fill() }
        return Array(buffer[start..<min(end, start + maxBytes)])
    }

    /// The bytes the reader holds in memory (tests check that an oversized line does not grow it).
    var bufferCapacity: Int { buffer.count }

    /// True when everything buffered so far is the whole rest of the input (after `peekPrefix`).
    public var peekedWholeInput: Bool { eof }

    /// Calls `body` with the next line's bytes (valid only during the call); returns nil at end of input.
    /// A line longer than `maxLineBytes` (when set) is an error naming file and line.
    public func nextLine<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R? {
        try nextLine(body, oversized: { [unowned self] length in
            throw QingxiError.badData(file: name, line: lineNumber, message: "line of \(length) bytes, over the limit of \(maxLineBytes)")
        })
    }

    /// As `nextLine(_:)`, but a line longer than `maxLineBytes` does not go to `body`: its bytes go to `spill`
    /// piece by piece as they are read (`lineNumber` is already the oversized line's number, so `spill` may
    /// throw to stop at once), then `oversized` is called with the line's length in bytes.
    public func nextLine<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R, oversized: (Int) throws -> R,
                            spill: (UnsafeBufferPointer<UInt8>) throws -> Void = { _ in }) throws -> R? {
        try dropByteOrderMark()
        var scanFrom = start
        var spilled = 0
        while true {
            if let (lineEnd, next) = findTerminator(from: scanFrom) {
                return try deliver(upTo: lineEnd, next: next, spilled: spilled, body, oversized, spill)
            }
            if eof {
                guard start < end || spilled > 0 else { return nil }
                return try deliver(upTo: end, next: end, spilled: spilled, body, oversized, spill)
            }
            if end - start > maxLineBytes {
                if spilled == 0 { lineNumber += 1 }
                spilled += try spillPiece(spill)
            }
            let scanned = max(0, end - start - 1)  // re-examine a trailing CR: it may start a CRLF
            try fill()
            scanFrom = start + scanned
        }
    }

    /// Hands the line ending at `lineEnd` to `body`, or, when it is oversized, its rest to `spill` and its
    /// length to `oversized`; then moves past it.
    private func deliver<R>(upTo lineEnd: Int, next: Int, spilled: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R,
                            _ oversized: (Int) throws -> R, _ spill: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> R {
        if spilled == 0 { lineNumber += 1 }
        defer { start = next }
        let length = spilled + lineEnd - start
        if spilled == 0 && length <= maxLineBytes {
            return try body(UnsafeBufferPointer(rebasing: buffer[start..<lineEnd]))
        }
        try spill(UnsafeBufferPointer(rebasing: buffer[start..<lineEnd]))
        return try oversized(length)
    }

    /// Passes the buffered part of an oversized line to `spill` and drops it, keeping a final CR (it may start a
    /// CRLF); returns the number of bytes dropped.
    private func spillPiece(_ spill: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Int {
        let pieceEnd = buffer[end - 1] == 0x0D ? end - 1 : end
        try spill(UnsafeBufferPointer(rebasing: buffer[start..<pieceEnd]))
        defer { start = pieceEnd }
        return pieceEnd - start
    }

    /// Finds the next line terminator at or after `from`; returns the line's end and the next line's start. A CR
    /// as the very last buffered byte waits for more input (it may be the first half of CRLF).
    @inline(__always)
    private func findTerminator(from: Int) -> (Int, Int)? {
        let bytes = UnsafeBufferPointer(buffer), end = self.end
        guard let i = Self.firstBreak(in: bytes, from: from, to: end) else { return nil }
        if bytes[i] == 0x0A { return (i, i + 1) }
        if i + 1 < end { return bytes[i + 1] == 0x0A ? (i, i + 2) : (i, i + 1) }
        return eof ? (i, i + 1) : nil
    }

    /// The offset of the first LF or CR in `bytes[from..<end]`. Eight bytes at a time: a word with no byte below
    /// 0x0E (all of Chinese text, and ASCII text but for tabs) is skipped with one test, instead of a load and
    /// two compares per byte (the scan was a tenth of `strip`'s instructions on page dumps).
    static func firstBreak(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = from
        while i < end {
            if i &+ 8 <= end {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if (word &- ones &* 0x0E) & ~word & highs == 0 { i &+= 8; continue }  // no byte < 0x0E (exact)
            }
            let stop = min(i &+ 8, end)
            while i < stop {
                let b = base[i]
                if b == 0x0A || b == 0x0D { return i }
                i &+= 1
            }
        }
        return nil
    }

    private func dropByteOrderMark() throws {
        guard atStart else { return }
        while end - start < 3 && !eof { try fill() }
        if end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF { start += 3 }
        atStart = false
    }

    /// Doubles the buffer, but not past what a line of `maxLineBytes` needs: an oversized line is spilled, so
    /// the buffer never has to hold more than the limit plus two chunks.
    private func grow() {
        let cap = maxLineBytes >= Int.max / 2 ? Int.max : maxLineBytes + 2 * chunk + 1
        let size = max(min(buffer.count * 2, cap), end + chunk)
        let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: size)
        UnsafeMutableRawPointer(grown.baseAddress!).copyMemory(from: buffer.baseAddress!, byteCount: end)  // start is 0
        buffer.deallocate()
        buffer = grown
    }

    /// One chunk of the inflated stream; damage becomes an error naming the line being read.
    private func readInflated(_ source: ByteSource) throws -> Int {
        do {
            return try source.read(into: UnsafeMutableRawBufferPointer(start: buffer.baseAddress! + end, count: chunk))
        } catch let damage as InputDamage {
            throw QingxiError.badData(file: name, line: lineNumber + 1, message: damage.message
                + (lineNumber > 0 ? "; the \(lineNumber) line(s) before it were read" : ""))
        }
    }

    /// Moves the unread bytes to the front (growing the buffer when one line is longer than it) and reads a chunk.
    private func fill() throws {
        if start > 0 {
            _ = memmove(buffer.baseAddress!, buffer.baseAddress! + start, end - start)
            end -= start
            start = 0
        }
        if buffer.count - end < chunk { grow() }
        if let source {
            let n = try readInflated(source)
            if n == 0 { eof = true } else { end += n }
            return
        }
        while true {
            let n = Glibc.read(fd, buffer.baseAddress! + end, chunk)
            if n < 0 {
                if errno == EINTR { continue }
                throw QingxiError.io(file: name, message: String(cString: strerror(errno)))
            }
            if n == 0 { eof = true } else { end += n }
            return
        }
    }
}
