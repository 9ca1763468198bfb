#if canImport(Glibc)
import Glibc
#endif

/// Monotonic wall-clock seconds, and CPU seconds of the calling thread.
enum Clock {
    static var now: Double { seconds(CLOCK_MONOTONIC) }

    static var threadCPU: Double { seconds(CLOCK_THREAD_CPUTIME_ID) }

    /// Runs `body` and returns its result with the CPU seconds this thread spent in it.
    static func measuringThreadCPU<R>(_ body: () throws -> R) rethrows -> (R, Double) {
        let start = threadCPU
        let result = try body()
        return (result, threadCPU - start)
    }

    private static func seconds(_ clock: clockid_t) -> Double {
        var ts = timespec()
        clock_gettime(clock, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
