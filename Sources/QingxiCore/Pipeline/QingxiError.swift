/// Errors qingxi reports to the user, once, on stderr, as `qingxi: FILE:LINE: error: MESSAGE`, each mapped to a
/// documented exit code: 1 for bad input data, 2 for usage, configuration (rule/lexicon files) and I/O.
public enum QingxiError: Error, CustomStringConvertible, Equatable {
    /// Input data that cannot be processed (malformed JSON line, invalid UTF-8 under --strict): exit 1.
    case badData(file: String, line: Int, message: String)
    /// A rule, lexicon or profile file with a bad line: exit 2.
    case badRuleFile(file: String, line: Int, message: String)
    /// Wrong options or arguments: exit 2.
    case usage(String)
    /// A file that cannot be opened, read or written: exit 2.
    case io(file: String, message: String)
    /// Some inputs were set aside (each already reported); everything else was processed: exit 1.
    case inputsSetAside(count: Int)
    /// A file whose content is damaged (a corrupt search-index database): exit 1, like bad input data.
    case damagedFile(file: String, message: String)

    public var exitCode: Int32 {
        switch self {
        case .badData, .inputsSetAside, .damagedFile: return 1
        case .badRuleFile, .usage, .io: return 2
        }
    }

    public var description: String {
        switch self {
        case .badData(let file, let line, let message): return "\(file):\(line): error: \(message)"
        case .badRuleFile(let file, let line, let message): return "\(file):\(line): error: \(message)"
        case .usage(let message): return "error: \(message)"
        case .io(let file, let message), .damagedFile(let file, let message): return "\(file): error: \(message)"
        case .inputsSetAside(let count): return "error: \(count) input(s) not processed (reported above); all other input was processed"
        }
    }
}

/// Reads a line-oriented data file (rules, lexicons, profiles): UTF-8, `#` comments and blank lines skipped,
/// each remaining line handed over with its 1-based number; a parse error thrown by `parse` as a `String`
/// becomes `QingxiError.badRuleFile` naming file and line.
public enum DataFile {
    public static func lines(ofFile path: String, parse: (Substring, Int) throws -> Void) throws {
        guard let data = FileBytes.read(path) else {
            throw QingxiError.io(file: path, message: "cannot read file")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw QingxiError.badRuleFile(file: path, line: 1, message: "not valid UTF-8")
        }
        try lines(of: text, name: path, parse: parse)
    }

    public static func lines(of text: String, name: String, parse: (Substring, Int) throws -> Void) throws {
        // Cut on the UTF-8 bytes: splitting a String by Character costs more than the parsing of most files,
        // and a generic `firstIndex(of:)` on the UTF-8 view more than a scan of the contiguous bytes.
        var contiguous = text
        let breaks = contiguous.withUTF8 { bytes in bytes.indices.filter { bytes[$0] == 0x0A } }
        let utf8 = contiguous.utf8
        var number = 0
        var start = utf8.startIndex
        var nextBreak = breaks.makeIterator()
        while true {
            let end = nextBreak.next().map { utf8.index(utf8.startIndex, offsetBy: $0) } ?? utf8.endIndex
            number += 1
            var line = contiguous[start..<end]
            if line.utf8.last == 0x0D { line = contiguous[start..<utf8.index(before: end)] }
            if !line.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) && line.utf8.first != 0x23 {  // blank, # comment
                do {
                    try parse(line, number)
                } catch let message as DataFileLineError {
                    throw QingxiError.badRuleFile(file: name, line: number, message: message.message)
                }
            }
            guard end < utf8.endIndex else { return }
            start = utf8.index(after: end)
        }
    }
}

/// Thrown by a `DataFile` line parser to reject a line; `DataFile` adds the file name and line number.
public struct DataFileLineError: Error {
    public let message: String
    public init(_ message: String) { self.message = message }
}
