#if canImport(Glibc)
import Glibc
#endif
import CZlibShim

/// The output folder of a batch run and the one way files get into it: written under `.tmp/` and renamed
/// into place when complete (rename is atomic within a file system), after being flushed to disk. A file under
/// its final name is therefore always whole; whether a run may trust it is the manifest's business.
///
/// Every failing system call throws `QingxiError.io` naming the file; a full disk says so ("no space left on
/// device") and what to do.
final class OutputDirectory {
    let path: String
    /// Where batch's own files go, relative to `path` (`BatchLayout.stateFolder`: "" or ".qingxi/").
    let state: String
    let temporaryPath: String
    private var counter = 0
    /// Tests only: bytes that may still be written before writes fail as on a full disk (see `DiskBudget`).
    let budget: DiskBudget?

    init(path: String, state: String = "", diskBudget: Int? = nil) throws {
        budget = diskBudget.map(DiskBudget.init)
        self.path = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        self.state = state
        temporaryPath = self.path + "/" + state + ".tmp"
        try Self.makeDirectories(self.path + (state.isEmpty ? "" : "/" + state.dropLast()))
    }

    /// The entries of the folder, `.tmp`, the lock file and an empty state folder aside (to check that a fresh
    /// run starts in an empty folder).
    func contents() -> [String] {
        let ours: Set<String> = [".tmp", OutputLock.name]
        let stateName = String(state.dropLast())
        let stateLeft = (InputDiscovery.sortedNames(path + "/" + stateName) ?? []).filter { !ours.contains($0) }
        return (InputDiscovery.sortedNames(path) ?? []).filter { !ours.contains($0) && ($0 != stateName || !stateLeft.isEmpty) }
    }

    /// After a complete run: no temporary folder is left behind.
    func removeTemporaryFolder() {
        removeTemporaryFiles()
        rmdir(temporaryPath)
    }

    /// Deletes what an interrupted run left in `.tmp/`.
    func removeTemporaryFiles() {
        for name in InputDiscovery.sortedNames(temporaryPath) ?? [] { unlink(temporaryPath + "/" + name) }
    }

    /// A new temporary file under `.tmp/`.
    func temporaryFile() throws -> OutputFile {
        try Self.makeDirectories(temporaryPath)
        counter += 1
        return try OutputFile(path: "\(temporaryPath)/\(getpid())-\(counter)", budget: budget)
    }

    /// Flushes `file` to disk, closes it, and renames it to `relative` (parent folders created).
    func commit(_ file: OutputFile, as relative: String, sync: Bool = true) throws {
        if sync { try file.sync() }
        try file.close()
        let target = path + "/" + relative
        if let slash = target.lastIndex(of: "/") { try Self.makeDirectories(String(target[..<slash])) }
        guard rename(file.path, target) == 0 else {
            if errno == EISDIR || errno == ENOTDIR { throw PathConflict(path: target) }
            throw Self.error(target)
        }
        if sync { try syncDirectory(of: target) }
    }

    /// Flushes every file of the output's file system (one call for many mirrored files, see `syncfs(2)`).
    func syncAll() throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Self.error(path) }
        defer { close(fd) }
        guard qx_sync_filesystem(fd) == 0 else { throw Self.error(path) }
    }

    private func syncDirectory(of file: String) throws {
        let directory = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? "."
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Self.error(directory) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw Self.error(directory) }
    }

    static func makeDirectories(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                if errno == ENOTDIR { throw PathConflict(path: prefix) }
                throw error(prefix)
            }
            var info = stat()
            guard stat(prefix, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { throw PathConflict(path: prefix) }
            prefix += "/"
        }
    }

    /// The current `errno` as an error on `file`, with advice for a full disk.
    static func error(_ file: String) -> QingxiError {
        let code = errno
        var message = String(cString: strerror(code))
        if code == ENOSPC || code == EDQUOT || code == EFBIG {
            message += ": output stopped; what was finished is recorded in manifest.jsonl; free space and run again with --resume"
        }
        return QingxiError.io(file: file, message: message)
    }
}


/// An output path that cannot be made because a file stands where a folder is needed, or the reverse.
struct PathConflict: Error, CustomStringConvertible {
    var path: String
    var description: String { "\(path): error: a file stands where a folder is needed (or the reverse)" }
}
