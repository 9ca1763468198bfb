/// The path of an entry inside an archive, checked before anything uses it: it becomes part of an article id
/// and, with `--layout mirror`, a path under the output folder.
///
/// Refused (the entry goes to rejects): absolute paths (`/x`, `\x`, `C:\x`), any `..` component, paths that
/// are empty after normalising, and NUL bytes. Normalising drops `.` and empty components and turns `\` into
/// `/` (ZIP files made on Windows). Names that are not valid UTF-8 (old ZIP tools write the local code page)
/// keep their valid parts and show every other byte as `%XX`, so two different names never meet.
public enum ArchivePath {
    /// The normalised relative path, or the reason it is refused.
    public static func validated(_ raw: [UInt8]) -> Result<String, InputDamage> {
        let name = readable(raw)
        if raw.contains(0) { return .failure(InputDamage("entry path contains a NUL byte: \(name)")) }
        let unified = name.replacing("\\", with: "/")
        if unified.hasPrefix("/") || hasDriveLetter(unified) {
            return .failure(InputDamage("entry path is absolute, refused: \(name)"))
        }
        var parts: [Substring] = []
        for part in unified.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == ".." { return .failure(InputDamage("entry path escapes the archive, refused: \(name)")) }
            parts.append(part)
        }
        if parts.isEmpty { return .failure(InputDamage("entry path is empty: \(name)")) }
        return .success(parts.joined(separator: "/"))
    }

    /// The name as text: valid UTF-8 as is, any other byte as `%XX`.
    static func readable(_ raw: [UInt8]) -> String {
        if let text = String(validating: raw, as: UTF8.self) { return text }
        var out = ""
        var i = 0
        while i < raw.count {
            let length = raw.withUnsafeBufferPointer { validSequenceLength($0, at: i) }
            if length > 0 {
                out += String(decoding: raw[i..<i + length], as: UTF8.self)
                i += length
            } else {
                out += "%" + String(raw[i], radix: 16, uppercase: true).leftPadded(to: 2)
                i += 1
            }
        }
        return out
    }

    /// The length of the well-formed UTF-8 sequence starting at `i`, or 0.
    private static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let end = min(bytes.count, i + 4)
        for length in 1...max(1, end - i) {
            if String(validating: UnsafeBufferPointer(rebasing: bytes[i..<i + length]), as: UTF8.self) != nil { return length }
        }
        return 0
    }

    private static func hasDriveLetter(_ path: String) -> Bool {
        let scalars = Array(path.unicodeScalars.prefix(3))
        return scalars.count >= 2 && scalars[1] == ":" && scalars[0].isASCII && scalars[0].properties.isAlphabetic
    }
}
