import ArgumentParser
import QingxiCore

/// `qingxi df`: a document-frequency table of policy terms over an archive, for `qingxi keywords --df`.
struct Df: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count, in one streaming pass over an archive, how many articles name each policy term.",
        discussion: "Writes documents<TAB>N, then term<TAB>count lines, most frequent first (see docs/keywords.md)."
    )

    @Option(name: .shortAndLong, help: "Write the table here instead of standard output.")
    var output: String?

    @Option(name: .customLong("min-count"), help: "Leave out terms named by fewer articles than this.")
    var minCount = 1

    @OptionGroup var lexiconOptions: LexiconOptionGroup
    @OptionGroup var records: RecordOptionGroup

    func run() throws {
        let view = try ScriptConverter.matchingView()
        let counter = try DocumentFrequencyCounter(lexicon: try lexiconOptions.lexicon(view: view), view: view)
        try records.run([counter], output: try OutputWriter(path: "/dev/null"))
        let writer = try output.map { try OutputWriter(path: $0) } ?? OutputWriter(fd: 1, name: "<stdout>")
        try writer.write(counter.table.serialized(minimumCount: minCount))
        try writer.flush()
    }
}
