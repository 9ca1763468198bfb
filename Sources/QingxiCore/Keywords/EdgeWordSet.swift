/// Words tested against one edge of a name (the endings of a document title: 条例, 实施意见; or its openings:
/// 关于): "is the name longer than one of the words, and does it end (start) with it?"
///
/// The words are grouped by the scalar at the name's edge, and a bit per BMP scalar says whether any word has it
/// there, so most names are answered by one bit test and the rest compare only the few words sharing their edge
/// scalar. A linear scan over every word, each through generic slice comparison, cost thousands of instructions
/// per title.
struct EdgeWordSet {
    enum Edge { case start, end }

    private let edge: Edge
    private var wordsByEdgeScalar: [UInt32: [[UInt32]]] = [:]
    private var edgeScalars = [UInt64](repeating: 0, count: 1024)

    init(_ words: [String], at edge: Edge) {
        self.edge = edge
        for word in words {
            let scalars = word.unicodeScalars.map(\.value)
            guard let key = edge == .end ? scalars.last : scalars.first else { continue }
            wordsByEdgeScalar[key, default: []].append(scalars)
            if key < 0x10000 { edgeScalars[Int(key) >> 6] |= 1 << UInt64(key & 63) }
        }
    }

    /// True when `name` is longer than one of the words and has it at this set's edge.
    func matches(_ name: ArraySlice<UInt32>) -> Bool {
        guard let key = edge == .end ? name.last : name.first else { return false }
        if key < 0x10000, edgeScalars[Int(key) >> 6] & (1 << UInt64(key & 63)) == 0 { return false }
        guard let words = wordsByEdgeScalar[key] else { return false }
        return words.contains { word in
            guard name.count > word.count else { return false }
            let start = edge == .end ? name.endIndex - word.count : name.startIndex
            return name[start..<(start + word.count)].elementsEqual(word)
        }
    }

    func matches(_ name: [UInt32]) -> Bool { matches(name[...]) }
}
