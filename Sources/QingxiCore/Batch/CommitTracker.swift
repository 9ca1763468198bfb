/// The bookkeeping both output layouts share: cumulative counts, the position of the last unit written, the
/// rejects of the group, and the commit itself (files already in place → rejects → manifest line).
final class CommitTracker {
    let directory: OutputDirectory
    let manifest: BatchManifest
    let rejects: RejectLog
    private(set) var stats: BatchStats
    private(set) var number: Int
    var nextShard: Int
    private var after: UnitPosition?
    /// Commits made by this process (not counting an earlier run's), for `CrashPoint`.
    private var commitsThisRun = 0

    init(directory: OutputDirectory, manifest: BatchManifest, messages: MessageWriter?) {
        self.directory = directory
        self.manifest = manifest
        rejects = RejectLog(directory: directory, messages: messages)
        let last = manifest.lastCommit
        stats = last?.stats ?? BatchStats()
        number = last.map { $0.number + 1 } ?? 0
        nextShard = last?.nextShard ?? 0
    }

    /// Something was written since the last commit.
    var hasPending: Bool { after != nil }

    func note(_ unit: WorkUnit) throws {
        CrashPoint.reached(commits: commitsThisRun)
        try rejects.add(unit.rejects)
        stats.add(unit.stats)
        after = unit.position
    }

    /// Commits the group: `files` are already in place (flushed unless `syncAll` will flush them).
    func commit(files: [String], syncAll: Bool) throws {
        guard let after else { return }
        if syncAll { try directory.syncAll() }
        var names = files
        if let rejectsFile = try rejects.commit(number: number, sync: !syncAll) { names.append(rejectsFile) }
        if syncAll && names.count > files.count { try directory.syncAll() }
        try manifest.append(BatchManifest.Commit(number: number, after: after, nextShard: nextShard, stats: stats), files: names)
        number += 1
        commitsThisRun += 1
        self.after = nil
    }

    func complete() throws {
        try manifest.markComplete(stats)
    }
}
