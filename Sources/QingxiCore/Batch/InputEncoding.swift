/// Which encoding batch expects its text in (`--encoding`).
public enum InputEncoding: Sendable, Equatable, CustomStringConvertible {
    /// UTF-8 (a BOM is dropped); anything else is rejected with the offset of the first bad byte.
    case utf8
    /// UTF-8 when the bytes are valid UTF-8, else the charset ICU detects, if it is one qingxi converts
    /// (`TextDecoding.convertible`): GB18030 (GBK, GB2312), Big5, UTF-16.
    case auto
    /// A charset ICU knows by this name, for every file.
    case named(String)

    public init(_ argument: String) {
        switch argument.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "auto": self = .auto
        default: self = .named(argument)
        }
    }

    /// Why the option is a usage error, or nil: a charset name ICU does not know (every record would otherwise
    /// be rejected as undecodable, or the run would fail at the first input).
    public var problem: String? {
        guard case .named(let name) = self, (try? ICUTextDecoder(charset: name)) == nil else { return nil }
        return "--encoding \(name): not a charset ICU knows (utf-8, auto, or a name such as gb18030, big5, shift_jis)"
    }

    public var description: String {
        switch self {
        case .utf8: return "utf-8"
        case .auto: return "auto"
        case .named(let name): return name
        }
    }
}
