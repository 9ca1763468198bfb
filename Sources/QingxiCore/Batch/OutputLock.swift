#if canImport(Glibc)
import Glibc
#endif

/// An advisory lock on a batch output folder, held for the whole run, so that two runs (two `--resume` of
/// one interrupted job) never write one OUT at once: they both "succeeded" with every commit in the manifest
/// twice. The lock is a POSIX record lock on an empty file `.lock` in batch's state folder (`OUT/.lock`, or
/// `OUT/.qingxi/.lock` in the mirror layout); the kernel drops it when the process ends, however it ends, so a
/// killed run never leaves a stale lock. A second run finds the holder's pid and stops (usage error, exit 2).
final class OutputLock {
    static let name = ".lock"
    private let fd: Int32

    init(directory: OutputDirectory) throws {
        let path = directory.path + "/" + directory.state + Self.name
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputDirectory.error(path) }
        var lock = Self.request(F_WRLCK)
        if fcntl(fd, F_SETLK, &lock) != 0 {
            let busy = errno == EAGAIN || errno == EACCES
            var holder = Self.request(F_WRLCK)
            let pid = busy && fcntl(fd, F_GETLK, &holder) == 0 && holder.l_type != Int16(F_UNLCK) ? " (pid \(holder.l_pid))" : ""
            close(fd)
            guard busy else { throw OutputDirectory.error(path) }
            throw QingxiError.usage("\(directory.path) is being written by another qingxi batch\(pid): wait for it to end "
                                    + "(then --resume if it was interrupted), or choose another folder")
        }
    }

    deinit { close(fd) }  // releases the lock

    private static func request(_ type: Int32) -> flock {
        var lock = flock()
        lock.l_type = Int16(type)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 0
        lock.l_len = 0  // the whole file
        return lock
    }
}
