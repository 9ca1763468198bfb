#if canImport(Glibc)
import Glibc
#endif

/// `qingxi batch`: cleans whole archives and folders with a stage chain, in parallel, with output that is the
/// same for any `--jobs`, crash-safe and resumable.
///
/// The pipeline (see `BatchScheduler`): read units in input order (`UnitReader`) → decode (parallel) → the
/// chain, cut into parallel runs and in-order runs for `CrossArticleStage`s (`ChainSegments`) → encode and
/// compress (parallel) → write and commit in input order (`ShardOutput` / `MirrorOutput`, `BatchManifest`).
/// `makeStages` builds one chain; it is called once per worker and once for the in-order stages, because
/// stages are not thread-safe.
public final class BatchRunner {
    private let options: BatchOptions
    private let makeStages: () throws -> [Stage]
    private let messages: MessageWriter

    public init(options: BatchOptions, makeStages: @escaping () throws -> [Stage], messages: MessageWriter) {
        self.options = options
        self.makeStages = makeStages
        self.messages = messages
    }

    @discardableResult
    public func run() throws -> BatchReport {
        let started = Clock.now
        try options.validate()
        let directory = try OutputDirectory(path: options.output, state: options.layout.stateFolder, diskBudget: options.diskBudget)
        let lock = try OutputLock(directory: directory)
        defer { withExtendedLifetime(lock) {} }
        var discovery = try InputDiscovery(arguments: options.inputs, excluding: directory.path,
                                           followLinks: options.followLinks)
        if options.layout == .mirror {
            discovery.refuse(reason: "would be written into \(BatchLayout.reservedFolder)/, where batch keeps its own files (--layout mirror)") {
                $0.id == BatchLayout.reservedFolder || $0.id.hasPrefix(BatchLayout.reservedFolder + "/")
            }
            try Self.checkMirrorPaths(discovery.inputs)
        }
        if !options.quiet { for note in discovery.notes.skippedLinks { messages.line("qingxi: \(note)") } }
        let manifest = try BatchManifest(directory: directory, fingerprint: fingerprint(discovery), layout: options.layout.rawValue,
                                         resume: options.resume)
        if let done = manifest.completeStats {
            return try finishReport(BatchReport(stats: done, thisRun: BatchStats(), seconds: 0, jobs: options.jobs, output: directory.path,
                                            layout: options.layout, resumed: true, alreadyComplete: true))
        }
        directory.removeTemporaryFiles()
        let resumeAfter = manifest.lastCommit?.after
        let pipeline = try BatchPipeline(options: options, makeStages: makeStages, items: Self.items(discovery),
                                         resumeAfter: resumeAfter, directory: directory, manifest: manifest,
                                         messages: options.quiet ? nil : messages)
        let progress = ProgressMeter(enabled: !options.quiet && (options.progress ?? (isatty(2) != 0)),
                                     totalDiskBytes: discovery.inputs.reduce(0) { $0 + $1.size })
        do {
            try pipeline.run(jobs: options.jobs, progress: progress)
        } catch {
            progress.clear()
            directory.removeTemporaryFiles()
            throw error
        }
        progress.clear()
        directory.removeTemporaryFolder()
        var report = BatchReport(stats: pipeline.totals, thisRun: pipeline.thisRun, seconds: Clock.now - started,
                                 jobs: options.jobs, output: directory.path, layout: options.layout,
                                 resumed: manifest.resumed, alreadyComplete: false)
        report.renamed = pipeline.renamed
        report.orderedCPUSeconds = pipeline.cpu.ordered
        report.parallelCPUSeconds = pipeline.cpu.parallel
        return try finishReport(report)
    }

    /// Prints the summary and writes `--report FILE`. A report that cannot be written is an I/O error (exit 2):
    /// the user asked for it, and a missing report must not look like a successful run.
    private func finishReport(_ report: BatchReport) throws -> BatchReport {
        var report = report
        report.skipped = RejectLog.skipped(in: report.rejectsFolder)
        if !options.quiet { for line in report.lines { messages.line(line) } }
        if let path = options.reportPath {
            let file = try OutputFile(path: path)
            try file.write(report.json.encoded() + [0x0A])
            try file.close()
        }
        return report
    }

    static func items(_ discovery: InputDiscovery) -> [UnitReader.Item] {
        [.notes(discovery.notes)] + discovery.inputs.map { .file($0) }
    }

    /// With `--layout mirror`, two inputs may not map to the same output path.
    static func checkMirrorPaths(_ inputs: [BatchInput]) throws {
        var seen: [String: String] = [:]
        for input in inputs {
            if let other = seen[input.id] {
                throw QingxiError.usage("--layout mirror: \(other) and \(input.path) would both be written to \(input.id)")
            }
            seen[input.id] = input.path
        }
    }

    /// A hash of everything that decides the articles written: options, stage chain, and the inputs as found
    /// (paths, sizes, modification times). `--jobs`, `--quiet`, `--report` are not in it, nor what discovery
    /// passed over (a report file written next to the inputs must not block a resume).
    func fingerprint(_ discovery: InputDiscovery) -> String {
        var text = "qingxi-batch-1\n\(options.layout.rawValue)\n\(options.shardBytes)\n\(options.maxRecordBytes)\n"
        text += "\(options.encoding)\n\(options.textField)\n\(options.idField == "id" ? "" : "id field \(options.idField)\n")\(options.explain)\n\(options.gzipLevel)\n\(options.chainDescription)\n"
        if let format = options.indexFormat { text += "index records\t\(format.fingerprint)\n" }
        for input in discovery.inputs { text += "\(input.id)\t\(input.kind.rawValue)\t\(input.size)\t\(input.modified)\n" }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }
}
