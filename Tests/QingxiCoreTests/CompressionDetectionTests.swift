import Testing
@testable import QingxiCore

/// `Compression.detect`: each magic is recognised, and text (ASCII, Chinese, a line starting "BZh9") is not.
@Suite struct CompressionDetectionTests {
    @Test func magicsAreRecognised() {
        #expect(Compression.detect([0x1F, 0x8B, 0x08, 0x00]) == .gzip)
        #expect(Compression.detect([0x28, 0xB5, 0x2F, 0xFD, 0x00]) == .zstd)
        #expect(Compression.detect([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00]) == .xz)
        #expect(Compression.detect(Array("BZh9".utf8) + [0x31, 0x41, 0x59, 0x26, 0x53, 0x59]) == .bzip2)
        #expect(Compression.detect(Array("BZh1".utf8) + [0x17, 0x72, 0x45, 0x38, 0x50, 0x90]) == .bzip2)  // empty stream
    }

    @Test func textIsNotMistakenForCompressedData() {
        for text in ["BZh9 is how a bzip2 stream starts", "{\"id\":1}", "清河县", "", "\u{1F}"] {
            #expect(Compression.detect(Array(text.utf8)) == nil, "\(text)")
        }
        #expect(Compression.detect(Array("BZh9 text".utf8)) == nil)
    }
}
