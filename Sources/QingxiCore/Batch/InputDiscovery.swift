#if canImport(Glibc)
import Glibc
#endif

/// Finds the files `qingxi batch` reads: arguments in command-line order (`-` is standard input, read as JSONL);
/// directories walked recursively, each
/// directory's entries in byte order of their names, so the order (and so the output) never depends on the
/// file system.
///
/// Symbolic links inside folders are not followed (as ripgrep: a link to `/proc/self/environ` became an
/// article, a link to `../..` read a whole parent tree): each is named in the notes and counted. With
/// `followLinks` they are followed, with loops detected: a link to a directory that is already being walked (an
/// ancestor) or was walked before is not entered, and is reported. Links named on the command line are
/// always followed. Files whose names batch does not read become
/// `skipped` rejects, named (special files such as FIFOs are only counted as ignored); broken links, unreadable
/// directories and unsupported files named on the command line become rejects. A command-line argument that does not exist is a usage error.
public struct InputDiscovery {
    /// What discovery found besides inputs: rejects (with reasons) and counts of what it passed over.
    public struct Notes: Sendable, Equatable {
        public var rejects: [Reject] = []
        public var ignoredFiles = 0
        public var skippedLinks: [String] = []
    }

    public private(set) var inputs: [BatchInput] = []
    public private(set) var notes = Notes()
    private var visited: Set<FileIdentity> = []
    private var excluded: Set<FileIdentity> = []

    struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// `excluding`: a folder never read (the output folder, when it lies inside an input folder).
    private let followLinks: Bool

    public init(arguments: [String], excluding: String? = nil, followLinks: Bool = false) throws {
        self.followLinks = followLinks
        if let excluding {
            var info = stat()
            if stat(excluding, &info) == 0 { excluded.insert(Self.identity(info)) }
        }
        for argument in arguments {
            if argument == "-" {
                // JSONL (gzip found by its magic bytes), as every filter reads it; its articles are named
                // `<stdin>:LINE` as in the filters. Size and time are fixed: a pipe has none (and is never resumed).
                inputs.append(BatchInput(path: "/dev/stdin", id: "<stdin>", kind: .jsonl, size: 0, modified: 0))
                continue
            }
            var info = stat()
            guard stat(argument, &info) == 0 else {
                throw QingxiError.io(file: argument, message: String(cString: strerror(errno)))
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(directory: argument, relative: "", ancestors: [Self.identity(info)])
            } else {
                let name = argument.split(separator: "/").last.map(String.init) ?? argument
                addFile(path: argument, id: name, info: info, named: true)
            }
        }
    }

    /// Takes the inputs `matching` out of the run, each as a `refused` reject with `reason`.
    public mutating func refuse(reason: String, matching: (BatchInput) -> Bool) {
        for input in inputs where matching(input) {
            notes.rejects.append(Reject(input: input.id, reason: reason, kind: .refused))
        }
        inputs.removeAll(where: matching)
    }

    private mutating func walk(directory: String, relative: String, ancestors: Set<FileIdentity>) {
        visited.formUnion(ancestors)
        guard let names = Self.sortedNames(directory) else {
            notes.rejects.append(Reject(input: relative.isEmpty ? directory : relative, reason: "cannot read directory: \(String(cString: strerror(errno)))", kind: .unreadable))
            return
        }
        for name in names {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let id = relative.isEmpty ? name : relative + "/" + name
            var link = stat()
            var info = stat()
            guard lstat(path, &link) == 0 else { continue }
            let isLink = (link.st_mode & S_IFMT) == S_IFLNK
            if isLink && !followLinks {
                notes.skippedLinks.append("\(id): symbolic link, not followed (--follow follows links in folders)")
                continue
            }
            guard stat(path, &info) == 0 else {
                notes.rejects.append(Reject(input: id, reason: isLink ? "broken symbolic link" : "cannot read: \(String(cString: strerror(errno)))", kind: .unreadable))
                continue
            }
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                addFile(path: path, id: id, info: info, named: false)
                continue
            }
            let identity = Self.identity(info)
            if excluded.contains(identity) { continue }
            if ancestors.contains(identity) {
                notes.skippedLinks.append("\(id): symbolic link loop (leads back to a directory above it), not followed")
            } else if visited.contains(identity) {
                notes.skippedLinks.append("\(id): directory already read through another path, not read twice")
            } else {
                walk(directory: path, relative: id, ancestors: ancestors.union([identity]))
            }
        }
    }

    private mutating func addFile(path: String, id: String, info: stat, named: Bool) {
        let isFile = (info.st_mode & S_IFMT) == S_IFREG
        guard isFile, let kind = BatchInput.Kind(fileName: id) else {
            let reason = isFile ? BatchInput.Kind.skipReason(fileName: id) : "not a regular file"
            if named {
                notes.rejects.append(Reject(input: id, reason: reason, kind: .unsupported))
            } else if isFile {
                notes.rejects.append(Reject(input: id, reason: reason, kind: .skipped))
            } else {
                notes.ignoredFiles += 1
            }
            return
        }
        let modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        inputs.append(BatchInput(path: path, id: id, kind: kind, size: Int(info.st_size), modified: modified))
    }

    /// The entries of a directory (without `.` and `..`) in byte order; nil when it cannot be read. Names that
    /// are not valid UTF-8 are kept in their `%XX` form and fail later to open, as rejects.
    static func sortedNames(_ directory: String) -> [String]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                ArchivePath.readable(Array(raw.prefix { $0 != 0 }))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func identity(_ info: stat) -> FileIdentity {
        FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
