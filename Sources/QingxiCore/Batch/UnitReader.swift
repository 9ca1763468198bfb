/// Cuts the inputs into `WorkUnit`s, in input order, the same way on every run: the pipeline's first step,
/// run by one thread at a time.
///
/// A unit holds consecutive articles of one source: a whole `.txt` (one article), or up to
/// `WorkUnit.maxArticles` JSONL lines / `WorkUnit.maxBytes` bytes. Rejects found while reading (oversized
/// lines, refused entries, damaged archives) ride in the unit where they occurred, so they are written in
/// input order too. Damage ends the source (or, when it is the archive's, the archive) and reading goes on
/// with the next input.
///
/// `--resume`: units at or before `resumeAfter` were committed by the earlier run. They are skipped (inputs
/// before it are not even opened) or, with `replay`, produced in `.replay` mode so that cross-article stages
/// see them again.
final class UnitReader {
    /// The reader's list: discovery notes first, then the files.
    enum Item {
        case notes(InputDiscovery.Notes)
        case file(BatchInput)
    }

    struct Options {
        var maxRecordBytes: Int
        var encoding: InputEncoding
        var refuseDuplicateEntries: Bool
        var expansion = InflatingSource.ExpansionLimit()
    }

    private let items: [Item]
    private let options: Options
    private let resumeAfter: UnitPosition?
    private let replay: Bool
    private let charsets: TextDecoding
    private var itemIndex = -1
    private var unitIndex = 0
    private var nextSeq = 0
    private var entries: EntryStream?
    private var file: FileByteSource?
    private var reading: JSONLSourceReader?
    /// Counts and rejects waiting for the next unit (entries that made no unit of their own).
    private var pending = BatchStats()
    private var pendingRejects: [Reject] = []
    private var finishedDiskBytes = 0

    init(items: [Item], options: Options, resumeAfter: UnitPosition?, replay: Bool) {
        self.items = items
        self.options = options
        self.resumeAfter = resumeAfter
        self.replay = replay
        charsets = TextDecoding(options.encoding)
    }

    /// Bytes of input files read from disk so far.
    var diskBytesDone: Int { finishedDiskBytes + (file?.consumed ?? 0) }

    /// The next unit to process, or nil when every input is read.
    func next() throws -> WorkUnit? {
        while true {
            guard let unit = try cutUnit() else { return nil }
            if let resumeAfter, unit.position <= resumeAfter {
                guard replay else { continue }
                unit.mode = .replay
            }
            unit.diskBytesDone = diskBytesDone
            unit.seq = nextSeq
            nextSeq += 1
            return unit
        }
    }

    private func cutUnit() throws -> WorkUnit? {
        while true {
            if let reading {
                let unit = makeUnit(reading.source)
                reading.fill(unit)
                finishSourceIfEnded(unit, reading)
                return unit
            }
            if let entries {
                if let unit = try nextEntryUnit(entries) { return unit }
                continue
            }
            guard itemIndex + 1 < items.count else { return nil }
            if let unit = openNextItem() { return unit }
        }
    }

    /// Moves to the next item, closing the current one; returns a unit when the item is discovery notes or
    /// cannot be opened.
    private func openNextItem() -> WorkUnit? {
        finishedDiskBytes += file?.consumed ?? 0
        file = nil
        itemIndex += 1
        unitIndex = 0
        if let resumeAfter, !replay, itemIndex < resumeAfter.input {
            if case .file(let skipped) = items[itemIndex] { finishedDiskBytes += skipped.size }
            return nil
        }
        let input: BatchInput
        switch items[itemIndex] {
        case .notes(let notes): return notesUnit(notes)
        case .file(let file): input = file
        }
        do {
            let opened = try FileByteSource(path: input.path)
            file = opened
            entries = try Self.entries(of: input, file: opened, options: options)
            return nil
        } catch let error as QingxiError {
            return rejectUnit(Reject(input: input.id, reason: "cannot read: \(Self.reason(error))", kind: .unreadable))
        } catch let damage as InputDamage {
            return rejectUnit(Reject(input: input.id, reason: damage.message, kind: .damaged))
        } catch {
            return rejectUnit(Reject(input: input.id, reason: "\(error)", kind: .unreadable))
        }
    }

    private func finishSourceIfEnded(_ unit: WorkUnit, _ reader: JSONLSourceReader) {
        guard unit.endsSource else { return }
        reading = nil
        if reader.endedArchive { entries = nil }
    }

    private static func entries(of input: BatchInput, file: FileByteSource, options: Options) throws -> EntryStream {
        switch input.kind {
        case .text, .jsonl, .jsonlGzip: return try SingleFileEntries(input, file: file, limit: options.expansion)
        case .tar, .tarGzip: return try TarEntries(input, file: file, limit: options.expansion, refuseDuplicates: options.refuseDuplicateEntries)
        case .zip: return try ZipEntries(input, file: file, limit: options.expansion, refuseDuplicates: options.refuseDuplicateEntries)
        }
    }

    /// The unit for the next entry of the current input (nil when the entry only added to the counts).
    private func nextEntryUnit(_ stream: EntryStream) throws -> WorkUnit? {
        let outcome: EntryOutcome?
        do {
            outcome = try stream.next()
        } catch let damage as InputDamage {
            entries = nil
            return rejectUnit(Reject(input: itemID, reason: damage.message, kind: .damaged))
        } catch let error as QingxiError {
            entries = nil
            return rejectUnit(Reject(input: itemID, reason: "cannot read: \(Self.reason(error))", kind: .unreadable))
        }
        switch outcome {
        case nil:
            entries = nil
            return pending == BatchStats() ? nil : makeUnit(nil)
        case .ignored?:
            pending.ignored += 1
            return nil
        case .folder?:
            return nil
        case .rejected(let reject)?:
            return rejectUnit(reject)
        case .entry(let entry)?:
            return try startSource(entry)
        }
    }

    private func startSource(_ entry: SourceEntry) throws -> WorkUnit {
        pending.sources += 1
        if entry.form == .text {
            let unit = makeUnit(SourceRef(id: entry.id, form: .text, gzip: false, charset: nil, mirrorPath: entry.mirrorPath))
            unit.startsSource = true
            unit.endsSource = true
            readText(entry, into: unit)
            return unit
        }
        let reader = JSONLSourceReader(entry, maxRecordBytes: options.maxRecordBytes, charsets: charsets)
        let unit = makeUnit(reader.source)
        unit.startsSource = true
        reader.fill(unit)
        reading = reader
        finishSourceIfEnded(unit, reader)
        return unit
    }

    /// A text file is one article: read whole, unless it is (or turns out) longer than `maxRecordBytes`.
    private func readText(_ entry: SourceEntry, into unit: WorkUnit) {
        let limit = options.maxRecordBytes
        do {
            if let size = entry.declaredSize, size > limit {
                unit.reject(Reject(input: entry.id, reason: "\(size) bytes, over --max-record-bytes \(limit)", kind: .oversized))
            } else if let bytes = try entry.stream.readAll(limit: limit) {
                unit.raw.append(RawArticle(bytes: bytes, line: 1))
            } else {
                unit.reject(Reject(input: entry.id, reason: "over --max-record-bytes \(limit)", kind: .oversized))
            }
        } catch let damage as InputDamage {
            unit.reject(Reject(input: entry.id, reason: damage.message, kind: .damaged))
            if damage.endsArchive { entries = nil }
        } catch {
            unit.reject(Reject(input: entry.id, reason: "\(error)", kind: .unreadable))
        }
    }

    private func makeUnit(_ source: SourceRef?) -> WorkUnit {
        let unit = WorkUnit(position: UnitPosition(input: itemIndex, unit: unitIndex), source: source)
        unitIndex += 1
        unit.stats = pending
        unit.rejects = pendingRejects
        pending = BatchStats()
        pendingRejects = []
        for reject in unit.rejects { unit.stats.count(reject) }
        return unit
    }

    private func rejectUnit(_ reject: Reject) -> WorkUnit {
        pendingRejects.append(reject)
        return makeUnit(nil)
    }

    private func notesUnit(_ notes: InputDiscovery.Notes) -> WorkUnit {
        pending.ignored += notes.ignoredFiles
        pending.skippedLinks += notes.skippedLinks.count
        pendingRejects += notes.rejects
        return makeUnit(nil)
    }

    private var itemID: String {
        if case .file(let input) = items[itemIndex] { return input.id }
        return "<inputs>"
    }

    static func reason(_ error: QingxiError) -> String {
        if case .io(_, let message) = error { return message }
        return error.description
    }
}
