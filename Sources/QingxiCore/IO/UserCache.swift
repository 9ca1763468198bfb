#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files qingxi derives from the system ICU and keeps between runs, so that a short run does not pay for
/// reading ICU again: ICU's conversion rules (`ConversionEngines`) and its CJK dictionary laid out for fast
/// walks (`CJKDictionaryTables`). Their names carry the ICU version, so an upgraded ICU gets fresh files.
///
/// The directory is `$QINGXI_CACHE_DIR`, else `$XDG_CACHE_HOME/qingxi`, else `~/.cache/qingxi`;
/// `QINGXI_CACHE_DIR=off` keeps nothing. Files are written under a temporary name and renamed, so concurrent
/// runs never read half a file; readers check what they read and fall back to ICU. A cache that cannot be
/// written is no error: the run just reads ICU.
enum UserCache {
    static func directory() -> String? {
        func env(_ name: String) -> String? { getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } }
        if let chosen = env("QINGXI_CACHE_DIR") { return chosen == "off" ? nil : chosen }
        if let xdg = env("XDG_CACHE_HOME") { return xdg + "/qingxi" }
        return env("HOME").map { $0 + "/.cache/qingxi" }
    }

    /// Writes `bytes` as `name` in `directory`; false when it could not.
    @discardableResult
    static func store(_ bytes: UnsafeRawBufferPointer, name: String, in directory: String? = directory()) -> Bool {
        guard let directory, makeDirectories(directory) else { return false }
        let path = directory + "/" + name, temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return false }
        var written = 0
        while written < bytes.count {
            let n = write(fd, bytes.baseAddress! + written, bytes.count - written)
            if n <= 0 { break }
            written += n
        }
        if close(fd) != 0 || written != bytes.count || rename(temporary, path) != 0 {
            unlink(temporary)
            return false
        }
        return true
    }

    /// The whole of `name` in `directory`, if it is there and readable.
    static func load(_ name: String, in directory: String? = directory()) -> [UInt8]? {
        guard let directory else { return nil }
        let fd = open(directory + "/" + name, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { return nil }
            if n == 0 { return bytes }
            bytes += chunk[0..<n]
        }
    }

    /// FNV-1a over bytes: the check readers use on what they read back.
    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// `mkdir -p`.
    private static func makeDirectories(_ path: String) -> Bool {
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            prefix += "/" + part
            mkdir(prefix, 0o755)
        }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
