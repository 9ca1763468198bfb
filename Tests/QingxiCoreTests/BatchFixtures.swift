import Foundation
@testable import QingxiCore

/// Builders for batch test inputs, made at run time from text written here: folders, gzip, tar and ZIP bytes
/// (including hostile ones: escaping paths, links, truncation, bombs), and generated news-like articles.
enum BatchFixtures {
    /// A fresh empty folder under the temporary directory.
    static func folder(_ label: String = "batch") throws -> String {
        let path = NSTemporaryDirectory() + "qx-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func remove(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        try GzipCompressor().member(bytes)
    }

    /// Raw deflate data (a gzip member without its 10-byte header and 8-byte trailer), as ZIP stores it.
    static func rawDeflate(_ bytes: [UInt8]) throws -> [UInt8] {
        let member = try gzip(bytes)
        return Array(member[10..<(member.count - 8)])
    }

    /// JSONL of `records` as (id, text).
    static func jsonl(_ records: [(String, String)]) -> String {
        records.map { id, text in
            String(decoding: JSONValue.object([("id", .string(id)), ("text", .string(text))]).encoded(), as: UTF8.self) + "\n"
        }.joined()
    }

    // MARK: tar

    enum TarType: UInt8 { case file = 0x30, symlink = 0x32, directory = 0x35 }

    struct TarEntry {
        var name: String
        var data: [UInt8] = []
        var type = TarType.file
        var link = ""
    }

    /// A ustar archive (with the two zero blocks that end it).
    static func tar(_ entries: [TarEntry]) -> [UInt8] {
        var out: [UInt8] = []
        for entry in entries {
            var header = [UInt8](repeating: 0, count: 512)
            func put(_ text: String, _ at: Int, _ width: Int) {
                for (i, b) in Array(text.utf8).prefix(width).enumerated() { header[at + i] = b }
            }
            put(entry.name, 0, 100)
            put("0000644", 100, 8)
            put("0000000", 108, 8)
            put("0000000", 116, 8)
            put(String(entry.data.count, radix: 8).leftPadded(to: 11), 124, 12)
            put("00000000000", 136, 12)
            header[156] = entry.type.rawValue
            put(entry.link, 157, 100)
            put("ustar\0", 257, 6)
            put("00", 263, 2)
            for i in 148..<156 { header[i] = 0x20 }
            let sum = header.reduce(0) { $0 + Int($1) }
            put(String(sum, radix: 8).leftPadded(to: 6) + "\0 ", 148, 8)
            out += header + entry.data
            out += [UInt8](repeating: 0, count: (512 - entry.data.count % 512) % 512)
        }
        return out + [UInt8](repeating: 0, count: 1024)
    }

    // MARK: ZIP

    struct ZipEntry {
        var name: String
        var data: [UInt8]
        var deflate = true
        /// Overrides the size written in the headers (a lying zip bomb).
        var declaredSize: Int?
    }

    /// A ZIP file; `shareDataOf` makes later entries point at the first entry's data (overlapping entries).
    static func zip(_ entries: [ZipEntry], overlapAll: Bool = false) throws -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        var firstOffset = 0
        for (index, entry) in entries.enumerated() {
            let stored = entry.deflate ? try rawDeflate(entry.data) : entry.data
            let crc = entry.data.withUnsafeBytes { ZipCRC.update(0, $0) }
            let name = Array(entry.name.utf8)
            let size = entry.declaredSize ?? entry.data.count
            let offset = overlapAll && index > 0 ? firstOffset : out.count
            if !(overlapAll && index > 0) {
                if index == 0 { firstOffset = out.count }
                out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(entry.deflate ? 8 : 0) + le16(0) + le16(0)
                out += le32(crc) + le32(UInt32(stored.count)) + le32(UInt32(size)) + le16(UInt16(name.count)) + le16(0)
                out += name + stored
            }
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0x0800) + le16(entry.deflate ? 8 : 0) + le16(0) + le16(0)
            central += le32(crc) + le32(UInt32(stored.count)) + le32(UInt32(size)) + le16(UInt16(name.count)) + le16(0) + le16(0)
            central += le16(0) + le16(0) + le32(0) + le32(UInt32(offset)) + name
        }
        let directoryOffset = out.count
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(central.count)) + le32(UInt32(directoryOffset)) + le16(0)
        return out
    }

    private static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private static func le32(_ v: UInt32) -> [UInt8] { le16(UInt16(v & 0xFFFF)) + le16(UInt16(v >> 16)) }

    // MARK: generated articles

    /// Sentences in both scripts, written for these tests.
    static let sentences = [
        "縣政府今天召開會議，討論河道治理與水資源保護。", "县政府今天召开会议，讨论河道治理与水资源保护。",
        "記者從會上了解到，全年將完成十二項重點工程。", "记者从会上了解到，全年将完成十二项重点工程。",
        "村民代表表示，新修的道路讓出行方便了許多。", "村民代表表示，新修的道路让出行方便了许多。",
        "專家建議加強監督檢查，確保資金用在實處。", "专家建议加强监督检查，确保资金用在实处。",
        "會後，與會人員實地察看了污水處理廠的建設情況。", "会后，与会人员实地察看了污水处理厂的建设情况。",
        "學校開學後，食堂的衛生狀況受到家長關注。", "学校开学后，食堂的卫生状况受到家长关注。",
    ]

    /// A deterministic article of `paragraphs` lines (some repeated across articles, some blank).
    static func article(_ seed: Int, paragraphs: Int = 6) -> String {
        var generator = TestSupport.SeededGenerator(seed: UInt64(seed) &* 7919 &+ 17)
        var lines: [String] = []
        for i in 0..<paragraphs {
            if i == 2 { lines.append(""); continue }
            let a = sentences[Int(generator.next() % UInt64(sentences.count))]
            let b = sentences[Int(generator.next() % UInt64(sentences.count))]
            lines.append(generator.next() % 3 == 0 ? a : "第\(seed)篇：" + a + b)
        }
        return lines.joined(separator: "\n")
    }

    /// Every file under `folder` (relative path → bytes), `.tmp` excluded.
    static func tree(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + relative
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !relative.hasPrefix(".tmp") else { continue }
            files[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return files
    }

    /// The JSONL records of all shards in order, decompressed with the system's `gzip -dc`.
    static func shardLines(_ folder: String) throws -> [String] {
        let shards = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("part-") }.sorted()
        var lines: [String] = []
        for shard in shards {
            let text = try run("/bin/sh", ["-c", "gzip -dc '\(folder)/\(shard)'"])
            lines += text.split(separator: "\n").map(String.init)
        }
        return lines
    }

    /// The first line where two outputs differ, both versions (nil when equal): readable failures on big outputs.
    static func firstDifference(_ got: [String], _ expected: [String]) -> String? {
        guard got != expected else { return nil }
        let index = (0..<min(got.count, expected.count)).first { got[$0] != expected[$0] } ?? min(got.count, expected.count)
        let show = { (lines: [String]) in index < lines.count ? String(lines[index].prefix(3000)) : "<none>" }
        return "line \(index + 1) of \(got.count) vs \(expected.count):\n got: \(show(got))\nwant: \(show(expected))"
    }

    /// The lines of OUT's reject files (`OUT/rejects/`, or `OUT/.qingxi/rejects/` in the mirror layout).
    static func rejectLines(_ folder: String) throws -> [String] {
        let mirrored = folder + "/.qingxi/rejects"
        let dir = FileManager.default.fileExists(atPath: mirrored) ? mirrored : folder + "/rejects"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        return try names.sorted().flatMap { try String(contentsOfFile: dir + "/" + $0, encoding: .utf8).split(separator: "\n").map(String.init) }
    }

    /// Runs a command and returns its standard output.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
