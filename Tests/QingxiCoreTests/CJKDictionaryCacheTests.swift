import Foundation
import Testing
@testable import QingxiCore

/// The dictionary's tables survive a trip through the cache file, and a damaged or foreign file is ignored.
@Suite struct CJKDictionaryCacheTests {
    /// A fresh directory two levels below the temporary directory (the cache makes both).
    private func directory() -> String {
        NSTemporaryDirectory() + "qx-cjdict-\(UUID().uuidString)/nested"
    }

    private func remove(_ dir: String) {
        try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent)
    }

    @Test func tablesRoundTripThroughTheCache() throws {
        let built = try CJKDictionary()
        let dir = directory()
        defer { remove(dir) }
        #expect(CJKDictionaryTables.cached(in: dir) == nil)
        built.tables.storeInCache(directory: dir)
        let mapped = try #require(CJKDictionaryTables.cached(in: dir))
        #expect(mapped.wordCount == built.count && mapped.nodeCount == built.tables.nodeCount)
        let reread = CJKDictionary(tables: mapped)
        let text: [UInt32] = "清河县召开全面推行林长制工作推进会地区生产总值".unicodeScalars.map(\.value)
        text.withUnsafeBufferPointer { s in
            for start in 0..<s.count {
                var a: [String] = [], b: [String] = []
                built.forEachWord(in: s, from: start, to: s.count) { a.append("\($0):\($1)") }
                reread.forEachWord(in: s, from: start, to: s.count) { b.append("\($0):\($1)") }
                #expect(a == b)
            }
        }
    }

    @Test func aDamagedFileIsIgnored() throws {
        let built = try CJKDictionary()
        let dir = directory()
        defer { remove(dir) }
        built.tables.storeInCache(directory: dir)
        let path = dir + "/" + CJKDictionaryTables.fileName
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        try Data(bytes.dropLast(3)).write(to: URL(fileURLWithPath: path))
        #expect(CJKDictionaryTables.cached(in: dir) == nil, "truncated")
        let childStarts = CJKDictionaryTables.headerBytes + 4 * CJKDictionaryTables.firstUnits
        for k in 0..<4 { bytes[childStarts + 4 * 7 + k] = 0xFF }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(CJKDictionaryTables.cached(in: dir) == nil, "child range out of order")
        try Data(repeating: 0x41, count: bytes.count).write(to: URL(fileURLWithPath: path))
        #expect(CJKDictionaryTables.cached(in: dir) == nil, "not a dictionary")
    }

    @Test func aCacheDirectoryThatCannotBeMadeIsNoError() throws {
        let built = try CJKDictionary()
        built.tables.storeInCache(directory: "/dev/null/qingxi")
        #expect(CJKDictionaryTables.cached(in: "/dev/null/qingxi") == nil)
    }
}
