/// The steps of one batch run and the per-worker objects they use, wired into a `BatchScheduler`:
/// read (ordered) → decode + parallel stages (parallel) → in-order stages (ordered) → … → encode (parallel) →
/// write (ordered). Consecutive parallel work is one step, so a unit changes thread only where order demands.
final class BatchPipeline {
    /// One worker's own objects: nothing here is shared between threads.
    private final class Worker {
        let decoder: ArticleDecoder
        let encoder: ArticleEncoder
        var runners: [Int: SegmentRunner] = [:]

        init(options: BatchOptions, builder: IndexRecordBuilder?) throws {
            decoder = ArticleDecoder(encoding: options.encoding, textField: options.textField, mirror: options.layout == .mirror,
                                      explain: options.explain)
            encoder = ArticleEncoder(layout: options.layout == .shards ? .shards : .mirror, textField: options.textField,
                                     explain: options.explain, gzipLevel: options.gzipLevel,
                                     indexRecords: builder.map { (options.indexFormat!.encoder, $0) })
            decoder.idField = options.idField
            encoder.idField = options.idField
        }
    }

    private let reader: UnitReader
    private let output: BatchOutput
    private var workers: [Worker] = []
    private var orderedRunners: [Int: SegmentRunner] = [:]
    private let segments: ChainSegments
    private(set) var thisRun = BatchStats()
    /// CPU seconds of this run in ordered steps (reading, in-order stages, writing) and in parallel steps.
    private(set) var cpu = (ordered: 0.0, parallel: 0.0)

    init(options: BatchOptions, makeStages: () throws -> [Stage], items: [UnitReader.Item], resumeAfter: UnitPosition?,
         directory: OutputDirectory, manifest: BatchManifest, messages: MessageWriter?) throws {
        // A worker's chain feeds its own index record builder, if any (see `BatchIndexFormat`).
        func workerChain() throws -> (stages: [Stage], builder: IndexRecordBuilder?) {
            guard let format = options.indexFormat else { return (try makeStages(), nil) }
            let builder = try format.makeBuilder()
            return (try format.makeStages(builder), builder)
        }
        let prototype = try workerChain()
        segments = ChainSegments(prototype.stages)
        for index in 0..<options.jobs {
            let (stages, builder) = index == 0 ? prototype : try workerChain()
            let worker = try Worker(options: options, builder: builder)
            for (k, segment) in segments.segments.enumerated() where !segment.ordered {
                worker.runners[k] = SegmentRunner(stages[segment.stages])
            }
            workers.append(worker)
        }
        if segments.hasOrderedStages {
            // The same chain as the workers' (with --format, `format.makeStages`), so that segment k's stage range
            // means the same stages in both.
            let stages = try workerChain().stages
            for (k, segment) in segments.segments.enumerated() where segment.ordered {
                orderedRunners[k] = SegmentRunner(stages[segment.stages])
            }
        }
        let readerOptions = UnitReader.Options(maxRecordBytes: options.maxRecordBytes, encoding: options.encoding,
                                               refuseDuplicateEntries: options.layout == .mirror)
        reader = UnitReader(items: items, options: readerOptions, resumeAfter: resumeAfter, replay: segments.hasOrderedStages)
        let tracker = CommitTracker(directory: directory, manifest: manifest, messages: messages)
        output = options.layout == .shards ? ShardOutput(tracker: tracker, shardBytes: options.shardBytes,
                                                                   fileExtension: options.indexFormat?.shardExtension ?? "jsonl.gz")
            : MirrorOutput(tracker: tracker, commitBytes: options.shardBytes, messages: messages)
    }

    /// Mirror names shortened in this run (`MirrorName`), as `from → to`.
    var renamed: [String] { (output as? MirrorOutput)?.renamed ?? [] }

    /// The whole job's counts (after `run`).
    var totals: BatchStats { output.stats }

    func run(jobs: Int, progress: ProgressMeter) throws {
        let scheduler = BatchScheduler(read: { [reader] in try reader.next() }, steps: steps(progress), maxInFlight: 2 * jobs + 2)
        try scheduler.run(jobs: jobs)
        cpu = (scheduler.orderedCPUSeconds, scheduler.parallelCPUSeconds)
        _ = try output.finish()
        for worker in workers { for runner in worker.runners.values { try runner.finish() } }
        for runner in orderedRunners.values { try runner.finish() }
    }

    private func steps(_ progress: ProgressMeter) -> [BatchScheduler.Step] {
        var steps: [BatchScheduler.Step] = []
        func parallel(_ body: @escaping (WorkUnit, Int) throws -> Void) {
            if let last = steps.last, last.kind == .parallel {
                steps[steps.count - 1].run = { unit, worker in
                    try last.run(unit, worker)
                    try body(unit, worker)
                }
            } else {
                steps.append(BatchScheduler.Step(kind: .parallel, run: body))
            }
        }
        parallel { [workers] unit, worker in workers[worker].decoder.decode(unit) }
        let lastOrdered = segments.segments.lastIndex { $0.ordered } ?? -1
        for (k, segment) in segments.segments.enumerated() {
            if segment.ordered {
                let runner = orderedRunners[k]!
                steps.append(BatchScheduler.Step(kind: .ordered) { unit, _ in try runner.run(unit) })
            } else {
                parallel { [workers] unit, worker in
                    if unit.mode == .replay && k > lastOrdered { return }
                    try workers[worker].runners[k]!.run(unit)
                }
            }
        }
        parallel { [workers] unit, worker in try workers[worker].encoder.encode(unit) }
        steps.append(BatchScheduler.Step(kind: .ordered) { [self] unit, _ in
            try output.write(unit)
            if unit.mode == .process { thisRun.add(unit.stats) }
            progress.update(thisRun, diskBytesDone: unit.diskBytesDone)
        })
        return steps
    }
}
