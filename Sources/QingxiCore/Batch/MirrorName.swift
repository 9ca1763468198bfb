/// Output names in the mirror layout that the file system can hold. An archive entry's name may be longer than
/// the output file system allows for one name (255 bytes on ext4: 85 Han characters); written as it is, it stopped
/// the run (exit 2), and every `--resume` stopped at the same entry.
///
/// A path component over the limit is shortened deterministically: its start (cut at a character boundary), `~`,
/// 16 hex digits of a hash of the whole component, and its extensions (`.jsonl.gz`) kept, so the same name always
/// gives the same short name, two different long names different ones, and the file keeps its type.
enum MirrorName {
    /// `path` with every component longer than `maxBytes` (UTF-8) shortened; `path` itself when all fit.
    static func fitted(_ path: String, maxBytes: Int) -> String {
        guard path.utf8.count > maxBytes || path.split(separator: "/").contains(where: { $0.utf8.count > maxBytes }) else {
            return path
        }
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.utf8.count > maxBytes ? shortened(String($0), maxBytes: maxBytes) : String($0) }
            .joined(separator: "/")
    }

    static func shortened(_ name: String, maxBytes: Int) -> String {
        let suffix = "~" + KeyHash(scalars: name.unicodeScalars.map(\.value)).hex.prefix(16)
        var ext = extensions(of: name)
        if ext.utf8.count + suffix.utf8.count + 1 > maxBytes { ext = "" }
        var stem = ""
        let room = maxBytes - suffix.utf8.count - ext.utf8.count
        for scalar in name.dropLast(ext.count).unicodeScalars {
            if stem.utf8.count + String(scalar).utf8.count > room { break }
            stem.unicodeScalars.append(scalar)
        }
        return stem + suffix + ext
    }

    /// The last one or two dot-suffixes when they are short (`.txt`, `.jsonl.gz`), else "".
    static func extensions(of name: String) -> String {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return "" }
        var ext = "." + parts[parts.count - 1]
        if parts.count > 2, ["gz", "zst", "bz2", "xz"].contains(parts[parts.count - 1]) { ext = "." + parts[parts.count - 2] + ext }
        return ext.utf8.count <= 16 ? ext : ""
    }
}
