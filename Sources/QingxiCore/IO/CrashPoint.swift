#if canImport(Glibc)
import Glibc
#endif

/// A test-only crash at a known point, so that tests of crash safety kill `batch` and `index` where they mean
/// to instead of after a guessed sleep (which depends on the machine's speed and load).
///
/// `QINGXI_TEST_KILL_AFTER_COMMIT=N` in the environment: once this process has made N commits (batch: manifest
/// commits; index: transactions), it kills itself with SIGKILL — batch at the next unit it writes (so the group
/// being built is half written, as in a real crash), index right after the Nth transaction. Unset (always, but
/// in tests), it costs one comparison per commit.
enum CrashPoint {
    static let killAfterCommits: Int? = getenv("QINGXI_TEST_KILL_AFTER_COMMIT").flatMap { Int(String(cString: $0)) }

    /// Called with the number of commits this process has made so far.
    static func reached(commits: Int) {
        guard let limit = killAfterCommits, commits >= limit else { return }
        kill(getpid(), SIGKILL)
    }
}
