/// Moves work units through the pipeline's steps on `jobs` threads, so that the output does not depend on
/// the number of threads or on timing.
///
/// Steps are `.ordered` or `.parallel`. An ordered step (reading, a stage that keeps state across articles,
/// writing) runs on one unit at a time, in sequence-number order. A parallel step runs on any number of
/// units at once, on per-worker resources (`run` gets the worker's index). Every unit passes every step, in
/// order. A free worker takes the most advanced work first (drain before filling), and reads a new unit only
/// while fewer than `maxInFlight` are on their way: memory is bounded by that many units, whatever the size
/// of the input. The first error stops every worker and is rethrown by `run`.
final class BatchScheduler: @unchecked Sendable {
    struct Step {
        enum Kind { case ordered, parallel }
        var kind: Kind
        var run: (WorkUnit, Int) throws -> Void
    }

    private let monitor = Monitor()
    private let read: () throws -> WorkUnit?
    private let steps: [Step]
    private let maxInFlight: Int
    private var waiting: [[Int: WorkUnit]]
    private var nextSeq: [Int]
    private var busy: [Bool]
    private var reading = false
    private var readerDone = false
    private var inFlight = 0
    private var failure: Error?
    /// CPU seconds spent in ordered steps (reading included) and in parallel steps: the ordered share bounds
    /// the speed-up more workers can give.
    private(set) var orderedCPUSeconds = 0.0
    private(set) var parallelCPUSeconds = 0.0

    private enum Task {
        case read
        case step(Int, WorkUnit)
    }

    init(read: @escaping () throws -> WorkUnit?, steps: [Step], maxInFlight: Int) {
        self.read = read
        self.steps = steps
        self.maxInFlight = max(1, maxInFlight)
        waiting = Array(repeating: [:], count: steps.count)
        nextSeq = Array(repeating: 0, count: steps.count)
        busy = Array(repeating: false, count: steps.count)
    }

    /// Runs until every unit has passed every step, on `jobs` threads (the caller's included).
    func run(jobs: Int) throws {
        WorkerThreads.run(count: jobs) { worker in self.work(worker) }
        if let failure { throw failure }
    }

    private func work(_ worker: Int) {
        monitor.locked {
            while failure == nil {
                guard let task = nextTask() else {
                    if readerDone && inFlight == 0 { break }
                    monitor.wait()
                    continue
                }
                do {
                    switch task {
                    case .read:
                        let (unit, seconds) = try unlocked { try Clock.measuringThreadCPU { try read() } }
                        orderedCPUSeconds += seconds
                        finishRead(unit)
                    case .step(let index, let unit):
                        let (_, seconds) = try unlocked { try Clock.measuringThreadCPU { try steps[index].run(unit, worker) } }
                        if steps[index].kind == .ordered { orderedCPUSeconds += seconds } else { parallelCPUSeconds += seconds }
                        finishStep(index, unit)
                    }
                } catch {
                    if failure == nil { failure = error }
                }
                monitor.broadcast()
            }
            monitor.broadcast()
        }
    }

    /// The most advanced runnable work, marked busy; nil when there is nothing to do now.
    private func nextTask() -> Task? {
        for index in steps.indices.reversed() {
            if steps[index].kind == .ordered {
                guard !busy[index], let unit = waiting[index].removeValue(forKey: nextSeq[index]) else { continue }
                busy[index] = true
                return .step(index, unit)
            }
            guard let seq = waiting[index].keys.min() else { continue }
            return .step(index, waiting[index].removeValue(forKey: seq)!)
        }
        if !reading && !readerDone && inFlight < maxInFlight {
            reading = true
            return .read
        }
        return nil
    }

    private func finishRead(_ unit: WorkUnit?) {
        reading = false
        guard let unit else {
            readerDone = true
            return
        }
        inFlight += 1
        if steps.isEmpty { inFlight -= 1 } else { waiting[0][unit.seq] = unit }
    }

    private func finishStep(_ index: Int, _ unit: WorkUnit) {
        if steps[index].kind == .ordered {
            busy[index] = false
            nextSeq[index] += 1
        }
        if index + 1 < steps.count {
            waiting[index + 1][unit.seq] = unit
        } else {
            inFlight -= 1
        }
    }

    /// Runs `body` with the monitor's mutex released (called while holding it).
    private func unlocked<R>(_ body: () throws -> R) rethrows -> R {
        monitor.unlockForWork()
        defer { monitor.relockAfterWork() }
        return try body()
    }
}
