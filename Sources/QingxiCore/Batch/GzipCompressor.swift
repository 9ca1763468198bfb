import CZlibShim

/// Compresses byte blocks into gzip members with zlib (one stream reused, reset per member). Concatenated
/// members form a valid gzip file (`zcat`, Python's `gzip`, Spark read them as one stream), so each batch
/// work unit is compressed on its own worker and the writer only concatenates. The same bytes give the same
/// member: zlib's output depends only on the input and the level. Not thread-safe: one per worker.
final class GzipCompressor {
    private let stream: OpaquePointer
    private var scratch = [UInt8](repeating: 0, count: 1 << 16)

    init(level: Int32 = 3) throws {
        guard let stream = qx_deflate_open_gzip(level) else {
            throw QingxiError.io(file: "<zlib>", message: "zlib could not start compressing (out of memory?)")
        }
        self.stream = stream
    }

    deinit { qx_zstream_close(stream) }

    /// `bytes` as one complete gzip member.
    func member(_ bytes: [UInt8]) throws -> [UInt8] {
        guard qx_deflate_reset(stream) == Int32(QX_Z_OK) else { throw QingxiError.io(file: "<zlib>", message: "deflate reset failed") }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 3 + 64)
        var offset = 0
        while true {
            var used: Int32 = 0
            var made: Int32 = 0
            let chunk = min(bytes.count - offset, 1 << 20)
            let code = bytes.withUnsafeBufferPointer { input in
                scratch.withUnsafeMutableBufferPointer { output in
                    qx_deflate_run(stream, input.baseAddress.map { $0 + offset }, Int32(chunk), &used,
                                   output.baseAddress!, Int32(output.count), &made, offset + chunk == bytes.count ? 1 : 0)
                }
            }
            offset += Int(used)
            out.append(contentsOf: scratch[..<Int(made)])
            if code == Int32(QX_Z_STREAM_END) { return out }
            if code < 0 { throw QingxiError.io(file: "<zlib>", message: "deflate failed: \(String(cString: qx_zstream_message(stream)))") }
        }
    }
}
