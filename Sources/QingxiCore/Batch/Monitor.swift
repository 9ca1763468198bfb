#if canImport(Glibc)
import Glibc
#endif

/// A mutex with one condition variable (pthreads; QingxiCore does not use Foundation). `locked` runs a
/// closure holding the mutex; `wait` must be called inside it.
final class Monitor: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    func locked<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Waits for `broadcast` (releasing the mutex meanwhile); call only inside `locked`.
    func wait() {
        pthread_cond_wait(condition, mutex)
    }

    func broadcast() {
        pthread_cond_broadcast(condition)
    }

    /// Releases the mutex inside `locked` for a stretch of work; `relockAfterWork` must follow.
    func unlockForWork() {
        pthread_mutex_unlock(mutex)
    }

    func relockAfterWork() {
        pthread_mutex_lock(mutex)
    }
}
