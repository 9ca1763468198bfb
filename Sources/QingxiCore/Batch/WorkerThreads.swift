#if canImport(Glibc)
import Glibc
#endif


/// Runs `body(0)` on the calling thread and `body(1)` … `body(count - 1)` on new threads, and returns when all
/// have returned. With a count of 1 no thread is started.
enum WorkerThreads {
    private final class Job: @unchecked Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    static func run(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        var threads: [pthread_t] = []
        for index in 1..<max(1, count) {
            let job = Unmanaged.passRetained(Job { body(index) })
            var thread = pthread_t()
            let status = pthread_create(&thread, nil, { context in
                let job = Unmanaged<Job>.fromOpaque(context!).takeRetainedValue()
                job.body()
                return nil
            }, job.toOpaque())
            if status == 0 {
                threads.append(thread)
            } else {
                job.release()  // no thread: this worker's share is taken by the others
            }
        }
        body(0)
        for thread in threads { pthread_join(thread, nil) }
    }
}
