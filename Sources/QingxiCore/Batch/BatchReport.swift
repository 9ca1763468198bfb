/// What a batch run reports at the end: on stderr as a few lines, and with `--report FILE` as JSON. The counts
/// cover the whole job (an interrupted run's committed part included); time and throughput cover this run.
public struct BatchReport: Sendable {
    /// Counts of the whole job.
    public var stats: BatchStats
    /// Counts of the units this run processed (its share of the job).
    public var thisRun: BatchStats
    public var seconds: Double
    public var jobs: Int
    public var output: String
    public var layout: BatchLayout
    public var resumed: Bool
    /// The manifest already said complete: nothing was done.
    public var alreadyComplete: Bool
    /// CPU seconds in the steps that run in input order (reading, in-order stages, writing) and in the parallel
    /// steps. With N workers the run cannot be faster than max(ordered, (ordered + parallel) / N).
    /// Files and archive entries of types batch does not read, as `input: reason` (from `OUT/rejects/`).
    public var skipped: [String] = []
    /// Mirror output names shortened to fit the file system in this run, as `from → to`.
    public var renamed: [String] = []
    public var orderedCPUSeconds = 0.0
    public var parallelCPUSeconds = 0.0

    /// The speed-up over one worker that `jobs` workers can reach at best, from the CPU split.
    public func speedupBound(jobs: Int) -> Double {
        let total = orderedCPUSeconds + parallelCPUSeconds
        guard total > 0 else { return 1 }
        return total / max(orderedCPUSeconds, total / Double(jobs))
    }

    /// Article text megabytes per second in this run.
    public var megabytesPerSecond: Double { Double(thisRun.bytesIn) / max(seconds, 1e-6) / 1e6 }
    public var articlesPerSecond: Double { Double(thisRun.articlesIn) / max(seconds, 1e-6) }

    /// Where the rejects are (`OUT/rejects/`, or `OUT/.qingxi/rejects/` in the mirror layout).
    public var rejectsFolder: String { output + "/" + layout.stateFolder + "rejects" }

    /// The summary for stderr.
    public var lines: [String] {
        let g = ProgressMeter.grouped
        var lines = ["qingxi batch: \(g(stats.articlesIn)) articles in, \(g(stats.articlesOut)) out"
                     + (stats.articlesEmptied > 0 ? " (\(g(stats.articlesEmptied)) emptied by the stages)" : "")
                     + "; \(g(stats.paragraphsIn)) paragraphs in, \(g(stats.paragraphsOut)) out; \(g(stats.sources)) source file(s)"]
        if !stats.removed.isEmpty {
            let parts = stats.removed.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \(g($0.value))" }
            lines.append("  removed: " + parts.joined(separator: "; "))
        }
        lines.append("  duplicates: \(g(stats.duplicates)) paragraph(s)")
        let rejects = stats.rejects.sorted { $0.key < $1.key }.map { "\($0.key) \(g($0.value))" }
        lines.append("  rejects: \(g(stats.rejectCount))" + (rejects.isEmpty ? "" : " (\(rejects.joined(separator: ", "))), in \(rejectsFolder)/"))
        if stats.ignored > 0 || stats.skippedLinks > 0 || !skipped.isEmpty {
            lines.append("  not read: \(g(skipped.count)) file(s) of other types (named above and in \(rejectsFolder)/), "
                         + "\(g(stats.ignored)) special file(s), \(g(stats.skippedLinks)) symbolic link(s) not followed")
        }
        if alreadyComplete {
            lines.append("  already complete: nothing to do")
        } else {
            lines.append("  throughput: \(ProgressMeter.oneDecimal(Double(thisRun.bytesIn) / 1e6)) MB in "
                         + "\(ProgressMeter.oneDecimal(seconds)) s: \(ProgressMeter.oneDecimal(megabytesPerSecond)) MB/s, "
                         + "\(g(Int(articlesPerSecond))) articles/s, \(jobs) job(s)\(resumed ? ", resumed" : "")")
            let total = orderedCPUSeconds + parallelCPUSeconds
            if total > 0 {
                lines.append("  cpu: \(ProgressMeter.oneDecimal(total)) s, \(Int((orderedCPUSeconds / total * 100).rounded()))% in input order "
                             + "(reading, writing, in-order stages): 2 jobs can be at most \(ProgressMeter.oneDecimal(speedupBound(jobs: 2)))× one")
            }
        }
        return lines
    }

    /// The report as JSON (`--report FILE`).
    public var json: JSONValue {
        .object([
            ("output", .string(output)), ("layout", .string(layout.rawValue)), ("stats", stats.json),
            ("this_run", .object([("stats", thisRun.json), ("seconds", .double(seconds)), ("jobs", .int(jobs)),
                                  ("mb_per_second", .double(megabytesPerSecond)), ("articles_per_second", .double(articlesPerSecond)),
                                  ("ordered_cpu_seconds", .double(orderedCPUSeconds)),
                                  ("parallel_cpu_seconds", .double(parallelCPUSeconds)),
                                  ("resumed", .bool(resumed)), ("already_complete", .bool(alreadyComplete))])),
            ("skipped", .array(skipped.map { .string($0) })),
            ("renamed", .array(renamed.map { .string($0) })),
        ])
    }
}
