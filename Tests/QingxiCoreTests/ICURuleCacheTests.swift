import Foundation
import Testing
@testable import QingxiCore

/// ICU's rule source kept between runs comes back exactly, and a file that does not check out is not used.
@Suite struct ICURuleCacheTests {
    private func withDirectory(_ body: (String) throws -> Void) rethrows {
        let root = NSTemporaryDirectory() + "qx-rules-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try body(root + "/cache")
    }

    @Test func theSourceComesBackExactly() throws {
        let source = try ICUTransliterator(id: ScriptDirection.hans.icuID).rules()
        try withDirectory { dir in
            #expect(ICURuleCache.source(.hans, in: dir) == nil)
            ICURuleCache.keep(source, .hans, in: dir)
            #expect(ICURuleCache.source(.hans, in: dir) == source)
            #expect(ICURuleCache.source(.hant, in: dir) == nil)
        }
    }

    @Test func aChangedOrCutFileIsNotUsed() throws {
        try withDirectory { dir in
            ICURuleCache.keep("乾隆 > 乾隆;\n後 > 后;\n", .hans, in: dir)
            let path = dir + "/" + ICURuleCache.name(.hans)
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            try Data(bytes.dropLast(4)).write(to: URL(fileURLWithPath: path))
            #expect(ICURuleCache.source(.hans, in: dir) == nil, "cut")
            var changed = bytes
            changed[changed.count - 3] ^= 0x01
            try Data(changed).write(to: URL(fileURLWithPath: path))
            #expect(ICURuleCache.source(.hans, in: dir) == nil, "changed")
            try Data("後 > 后;\n".utf8).write(to: URL(fileURLWithPath: path))
            #expect(ICURuleCache.source(.hans, in: dir) == nil, "no header")
        }
    }

    @Test func nothingIsKeptWithoutADirectory() {
        ICURuleCache.keep("後 > 后;", .hans, in: nil)
        #expect(ICURuleCache.source(.hans, in: nil) == nil)
        #expect(!UserCache.store(UnsafeRawBufferPointer(start: nil, count: 0), name: "x", in: "/dev/null/qingxi"))
    }
}
