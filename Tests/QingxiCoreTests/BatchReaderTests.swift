import Foundation
import Testing
@testable import QingxiCore

/// The batch readers piece by piece: byte streams, gzip members, tar headers, entry paths, record splitting,
/// and the unit cuts that make --resume and --jobs invariance possible.
@Suite struct BatchReaderTests {
    /// A byte source over an array, delivering at most `chunk` bytes per read (to prove chunking does not matter).
    final class ArraySource: ByteSource {
        let bytes: [UInt8]
        let chunk: Int
        var offset = 0
        init(_ bytes: [UInt8], chunk: Int = 1 << 16) {
            self.bytes = bytes
            self.chunk = chunk
        }
        func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            let n = min(buffer.count, chunk, bytes.count - offset)
            buffer.copyBytes(from: bytes[offset..<offset + n])
            offset += n
            return n
        }
    }

    static func inflate(_ bytes: [UInt8], chunk: Int = 1 << 16) throws -> [UInt8] {
        try InflatingSource(ArraySource(bytes, chunk: chunk), format: .gzip, what: "test").readAll(limit: 1 << 30) ?? []
    }

    @Test(arguments: [
        ("a/b.txt", "a/b.txt"), ("./a//b.txt", "a/b.txt"), ("a\\b.txt", "a/b.txt"), ("../x.txt", nil), ("a/../../x", nil),
        ("/etc/x.txt", nil), ("\\x.txt", nil), ("C:\\x.txt", nil), ("a/..", nil), ("./", nil), ("", nil), ("新聞/一.txt", "新聞/一.txt"),
    ] as [(String, String?)])
    func entryPaths(raw: String, expected: String?) {
        let result = try? ArchivePath.validated(Array(raw.utf8)).get()
        #expect(result == expected)
    }

    @Test func entryNamesInALegacyCodePageStayDistinct() throws {
        let gbk: [UInt8] = [0xD0, 0xC2, 0xCE, 0xC5, 0x2E, 0x74, 0x78, 0x74]  // 新闻.txt in GBK
        #expect(try ArchivePath.validated(gbk).get() == "%D0%C2%CE%C5.txt")
        #expect(throws: InputDamage.self) { try ArchivePath.validated([0x61, 0x00, 0x62]).get() }
    }

    @Test func gzipMembersConcatenateAndZeroPaddingEnds() throws {
        let text = Array(String(repeating: "河長制工作要點。\n", count: 500).utf8)
        let member = try BatchFixtures.gzip(text)
        for chunk in [1, 7, 4096] {
            #expect(try Self.inflate(member + member, chunk: chunk) == text + text)
        }
        #expect(try Self.inflate(member + [UInt8](repeating: 0, count: 300)) == text)
        #expect(throws: InputDamage.self) { try Self.inflate(member + [0x41, 0x42]) }
        #expect(throws: InputDamage.self) { try Self.inflate(Array(member.dropLast(4))) }
        var corrupt = member
        corrupt[corrupt.count - 6] ^= 0xFF  // the CRC-32
        #expect(throws: InputDamage.self) { try Self.inflate(corrupt) }
        #expect(throws: InputDamage("test: empty, not gzip data")) { try Self.inflate([]) }
    }

    @Test func tarLongNamesPaxPathsAndBase256Sizes() throws {
        let longName = String(repeating: "長", count: 60) + ".txt"  // 184 bytes: needs a long-name record
        var archive = BatchFixtures.tar([BatchFixtures.TarEntry(name: "././@LongLink", data: Array(longName.utf8) + [0])])
        archive.removeLast(1024)
        archive[156] = UInt8(ascii: "L")
        Self.fixChecksum(&archive, at: 0)
        archive += BatchFixtures.tar([BatchFixtures.TarEntry(name: "short", data: Array("內容".utf8))]).dropLast(1024)
        let pax = "31 path=pax/very/long/name.txt\n"
        var paxEntry = BatchFixtures.tar([BatchFixtures.TarEntry(name: "PaxHeader", data: Array(pax.utf8))]).dropLast(1024).map { $0 }
        paxEntry[156] = UInt8(ascii: "x")
        Self.fixChecksum(&paxEntry, at: 0)
        archive += paxEntry + BatchFixtures.tar([BatchFixtures.TarEntry(name: "ignored-name", data: Array("二".utf8))])
        let reader = TarReader(ArraySource(archive, chunk: 100), what: "t.tar")
        var names: [String] = []
        var bodies: [String] = []
        while let (entry, body) = try reader.next() {
            names.append(String(decoding: entry.path, as: UTF8.self))
            bodies.append(String(decoding: try body.readAll(limit: 100)!, as: UTF8.self))
        }
        #expect(names == [longName, "pax/very/long/name.txt"])
        #expect(bodies == ["內容", "二"])
        var field = [UInt8](repeating: 0, count: 12)
        field[0] = 0x80
        field[11] = 0x05
        field[10] = 0x01
        #expect(TarHeader.number(field[...]) == 261)
        #expect(TarHeader.number(Array("00000000017 ".utf8)[...]) == 15)
    }

    static func fixChecksum(_ block: inout [UInt8], at start: Int) {
        for i in 148..<156 { block[start + i] = 0x20 }
        let sum = block[start..<start + 512].reduce(0) { $0 + Int($1) }
        let text = Array((String(sum, radix: 8).leftPadded(to: 6) + "\0 ").utf8)
        for (i, b) in text.enumerated() { block[start + 148 + i] = b }
    }

    @Test func corruptTarHeaderStopsTheArchiveWithItsOffset() throws {
        var archive = BatchFixtures.tar([BatchFixtures.TarEntry(name: "a.txt", data: Array("一".utf8)),
                                         BatchFixtures.TarEntry(name: "b.txt", data: Array("二".utf8))])
        archive[1024 + 3] ^= 0x20
        let reader = TarReader(ArraySource(archive), what: "t.tar")
        #expect(try reader.next()?.0.path == Array("a.txt".utf8))
        #expect(throws: InputDamage("t.tar: corrupt tar header at byte 1024 (checksum mismatch)")) { try reader.next() }
    }

    @Test func recordSplitterHandlesLineEndsBOMAndOversizedLines() throws {
        let input: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("一\r\n\n二二二二二二\n三\r四\r\r五\r".utf8)
        for chunk in [1, 2, 5, 1000] {
            let splitter = RecordSplitter(ArraySource(input, chunk: chunk), maxBytes: 10)
            var items: [RecordSplitter.Item] = []
            while let item = try splitter.next() { items.append(item) }
            #expect(items == [.line(Array("一".utf8), number: 1), .line([], number: 2), .oversized(number: 3, length: 18),
                              .line(Array("三".utf8), number: 4), .line(Array("四".utf8), number: 5), .line([], number: 6),
                              .line(Array("五".utf8), number: 7)], "chunk \(chunk)")
        }
    }

    /// Unit cuts depend only on the input: the same positions and contents on every run, whatever happens later.
    @Test func unitsAreCutTheSameWayEveryTime() throws {
        let dir = try BatchFixtures.folder()
        defer { BatchFixtures.remove(dir) }
        let records = BatchFixtures.jsonl((0..<9000).map { ("r\($0)", BatchFixtures.article($0)) })
        try BatchFixtures.write(records, to: dir + "/in/a.jsonl")
        try BatchFixtures.write("文\n", to: dir + "/in/b.txt")
        func cut(resumeAfter: UnitPosition? = nil) throws -> [(UnitPosition, Int, Bool)] {
            let discovery = try InputDiscovery(arguments: [dir + "/in"])
            let reader = UnitReader(items: BatchRunner.items(discovery), options: .init(maxRecordBytes: 1 << 20, encoding: .utf8,
                                    refuseDuplicateEntries: false), resumeAfter: resumeAfter, replay: false)
            var units: [(UnitPosition, Int, Bool)] = []
            while let unit = try reader.next() { units.append((unit.position, unit.raw.count, unit.endsSource)) }
            return units
        }
        let all = try cut()
        #expect(all.count > 4)
        #expect(all.map(\.1).reduce(0, +) == 9001)
        #expect(all.filter(\.2).count == 2)
        let later = try cut(resumeAfter: all[2].0)
        #expect(later.map(\.0) == all.dropFirst(3).map(\.0))
        #expect(later.map(\.1) == all.dropFirst(3).map(\.1))
    }
}
