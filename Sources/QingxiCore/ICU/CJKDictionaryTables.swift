#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tables of a `CJKDictionary` in one block of memory, laid out as its cache file: a header (four UInt32:
/// magic "QXCJ", format, words, nodes), the first-node table (65,536 Int32), the child starts (nodes + 1
/// Int32), the costs (nodes Int32) and the units (nodes UInt16).
///
/// Building the tables from ICU takes about 60 ms, a third of a short run's start-up, so the first run keeps a
/// copy (about 5 MB, in `UserCache`) and later runs map it. A file whose size, header or tables do not check
/// out is ignored and written anew.
final class CJKDictionaryTables: @unchecked Sendable {
    static let magic: UInt32 = 0x4A43_5851, format: UInt32 = 1, firstUnits = 0x10000, headerBytes = 16
    let wordCount: Int
    let nodeCount: Int
    private let base: UnsafeMutableRawPointer
    private let byteCount: Int
    private let mapped: Bool

    var firstNode: UnsafePointer<Int32> { pointer(at: Self.headerBytes) }
    var childStart: UnsafePointer<Int32> { pointer(at: Self.headerBytes + 4 * Self.firstUnits) }
    var costs: UnsafePointer<Int32> { pointer(at: Self.headerBytes + 4 * Self.firstUnits + 4 * (nodeCount + 1)) }
    var units: UnsafePointer<UInt16> { pointer(at: Self.headerBytes + 4 * Self.firstUnits + 8 * nodeCount + 4) }

    static func size(nodes: Int) -> Int { headerBytes + 4 * firstUnits + 4 * (nodes + 1) + 4 * nodes + 2 * nodes }

    init(wordCount: Int, firstNode: [Int32], childStart: [Int32], costs: [Int32], units: [UInt16]) {
        precondition(firstNode.count == Self.firstUnits && childStart.count == units.count + 1 && costs.count == units.count)
        self.wordCount = wordCount
        nodeCount = units.count
        byteCount = Self.size(nodes: nodeCount)
        base = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: 8)
        mapped = false
        let header = [Self.magic, Self.format, UInt32(wordCount), UInt32(nodeCount)]
        var offset = 0
        func put<T>(_ array: [T]) {
            array.withUnsafeBytes { (base + offset).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            offset += array.count * MemoryLayout<T>.stride
        }
        put(header); put(firstNode); put(childStart); put(costs); put(units)
    }

    private init(mapping base: UnsafeMutableRawPointer, byteCount: Int, wordCount: Int, nodeCount: Int) {
        self.base = base
        self.byteCount = byteCount
        self.wordCount = wordCount
        self.nodeCount = nodeCount
        mapped = true
    }

    deinit {
        if mapped { munmap(base, byteCount) } else { base.deallocate() }
    }

    private func pointer<T>(at offset: Int) -> UnsafePointer<T> {
        UnsafePointer((base + offset).assumingMemoryBound(to: T.self))
    }

    /// The tables a previous run left in `directory` (the cache directory by default), if they check out.
    static func cached(in directory: String? = UserCache.directory()) -> CJKDictionaryTables? {
        guard let directory else { return nil }
        let fd = open(directory + "/" + fileName, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_size) >= size(nodes: 0) else { return nil }
        let length = Int(info.st_size)
        guard let raw = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), raw != MAP_FAILED else { return nil }
        let header = raw.assumingMemoryBound(to: UInt32.self)
        let nodes = Int(header[3])
        guard header[0] == magic, header[1] == format, length == size(nodes: nodes) else {
            munmap(raw, length)
            return nil
        }
        let tables = CJKDictionaryTables(mapping: raw, byteCount: length, wordCount: Int(header[2]), nodeCount: nodes)
        return tables.isConsistent ? tables : nil
    }

    /// Every child range ascends and stays inside the nodes, and every first unit leads to a node: a damaged
    /// file must not send a walk out of bounds.
    private var isConsistent: Bool {
        let starts = childStart, first = firstNode
        guard starts[nodeCount] == Int32(nodeCount) else { return false }
        for i in 0..<nodeCount where starts[i] > starts[i + 1] || starts[i] < 0 { return false }
        for u in 0..<Self.firstUnits where first[u] < 0 || first[u] > Int32(nodeCount) { return false }
        return true
    }

    /// Writes the tables to `directory` (the cache directory by default); failures are ignored.
    func storeInCache(directory: String? = UserCache.directory()) {
        UserCache.store(UnsafeRawBufferPointer(start: base, count: byteCount), name: Self.fileName, in: directory)
    }

    static var fileName: String { "cjdict-icu\(ICUError.icuVersion)-v\(format).bin" }
}
