import CZlibShim

/// CRC-32 as ZIP and gzip define it, computed by zlib.
enum ZipCRC {
    static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        return qx_crc32(crc, base.assumingMemoryBound(to: UInt8.self), Int32(clamping: bytes.count))
    }
}
