import CZlibShim

/// Inflates another stream with zlib: gzip (RFC 1952, concatenated members read as one stream, CRC-32 and
/// length of each member checked) or raw deflate (a ZIP entry).
///
/// Damage is reported, never silently ended: a stream that stops before its end ("truncated"), corrupt data
/// ("corrupt … at compressed byte N: zlib's reason"), bytes after the last member that are not zero padding.
/// Decompression bombs are stopped by `ExpansionLimit`: once more than `floorBytes` came out, output may not
/// exceed `maxRatio` × the compressed bytes read (real text compresses 3–10:1; zeros 1000:1).
final class InflatingSource: ByteSource {
    enum Format { case gzip, rawDeflate }

    /// The expansion allowed before a stream counts as a decompression bomb.
    struct ExpansionLimit: Sendable {
        var maxRatio = 200
        var floorBytes = 16 << 20
    }

    private let base: ByteSource
    private let format: Format
    private let limit: ExpansionLimit
    private let what: String
    private let stream: OpaquePointer
    private let input = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
    private var start = 0
    private var end = 0
    private var baseEnded = false
    private var betweenMembers = false
    private var finished = false
    /// Compressed bytes taken by zlib so far, and bytes it produced.
    private(set) var compressedIn = 0
    private(set) var produced = 0

    /// `what` names the stream in damage messages ("gzip data", "ZIP entry a.txt").
    init(_ base: ByteSource, format: Format, limit: ExpansionLimit = ExpansionLimit(), what: String) throws {
        guard let stream = qx_inflate_open(format == .gzip ? Int32(QX_Z_GZIP) : Int32(QX_Z_RAW)) else {
            throw QingxiError.io(file: what, message: "zlib could not start (out of memory)")
        }
        self.base = base
        self.format = format
        self.limit = limit
        self.what = what
        self.stream = stream
    }

    deinit {
        qx_zstream_close(stream)
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard buffer.count > 0 else { return 0 }
        while !finished {
            if betweenMembers {
                try startNextMember()
                continue
            }
            if start == end && !baseEnded { try refill() }
            let (made, stalled) = try inflate(into: buffer)
            if made > 0 { return made }
            if stalled && baseEnded {
                if compressedIn == 0 && format == .gzip { throw InputDamage("\(what): empty, not gzip data") }
                throw InputDamage("\(what): truncated after \(compressedIn) compressed byte(s)")
            }
        }
        return 0
    }

    /// One zlib call: the bytes produced, and whether zlib could make no progress without more input.
    private func inflate(into buffer: UnsafeMutableRawBufferPointer) throws -> (Int, stalled: Bool) {
        var used: Int32 = 0
        var made: Int32 = 0
        let code = qx_inflate_run(stream, input.baseAddress! + start, Int32(end - start), &used,
                                  buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(clamping: buffer.count), &made)
        start += Int(used)
        compressedIn += Int(used)
        produced += Int(made)
        switch code {
        case Int32(QX_Z_STREAM_END):
            if format == .gzip { betweenMembers = true } else { finished = true }
        case Int32(QX_Z_DATA_ERROR), Int32(QX_Z_ERROR):
            let reason = String(cString: qx_zstream_message(stream))
            throw InputDamage("\(what): corrupt at compressed byte \(compressedIn)\(reason.isEmpty ? "" : ": \(reason)")")
        default:
            break
        }
        if produced > limit.floorBytes && produced / max(1, compressedIn) > limit.maxRatio {
            throw InputDamage("\(what): decompression bomb stopped: \(produced) bytes from \(compressedIn) compressed "
                              + "(over \(limit.maxRatio):1)")
        }
        return (Int(made), code == Int32(QX_Z_NEED_INPUT))
    }

    /// After a gzip member: another member (magic 1F 8B), the end, or zero padding to the end (as tar tools
    /// write); anything else is damage.
    private func startNextMember() throws {
        while end - start < 2 && !baseEnded { try refill() }
        if start == end {
            finished = true
            return
        }
        if end - start >= 2 && input[start] == 0x1F && input[start + 1] == 0x8B {
            guard qx_inflate_reset(stream) == Int32(QX_Z_OK) else { throw InputDamage("\(what): zlib reset failed") }
            betweenMembers = false
            return
        }
        while true {
            if let bad = input[start..<end].firstIndex(where: { $0 != 0 }) {
                throw InputDamage("\(what): unexpected data after the gzip stream at compressed byte \(compressedIn + bad - start)")
            }
            compressedIn += end - start
            start = end
            if baseEnded { break }
            try refill()
        }
        finished = true
    }

    private func refill() throws {
        if start > 0 && start < end {
            input.copyMemory(from: UnsafeRawBufferPointer(rebasing: input[start..<end]))
        }
        end -= start
        start = 0
        let n = try base.read(into: UnsafeMutableRawBufferPointer(rebasing: input[end...]))
        if n == 0 { baseEnded = true } else { end += n }
    }
}
