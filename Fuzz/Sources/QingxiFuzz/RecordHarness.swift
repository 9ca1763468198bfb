#if canImport(Glibc)
import Glibc
#endif
import QingxiCore

/// Runs a stage chain through the real record layer (`RecordRunner`: reader, printers, summary) on bytes, as
/// the CLI would on a file: the input is written to a scratch file, the output read back. Messages (warnings,
/// the text-mode trace) are kept too, with the scratch path replaced so runs can be compared.
final class RecordHarness {
    struct Outcome: Equatable, CustomStringConvertible {
        var output: [UInt8]
        var messages: [UInt8]
        var summary: RunSummary?
        var error: String?
        /// With a sink: each article's paragraph texts and removals, in order.
        var articles: [CapturedArticle] = []

        var description: String {
            "error: \(error ?? "none")\nsummary: \(summary.map { "\($0)" } ?? "none")\noutput:\n"
                + String(decoding: output, as: UTF8.self) + "\nmessages:\n" + String(decoding: messages, as: UTF8.self)
                + "\narticles: \(articles)"
        }
    }

    /// What a sink saw of one article: the paragraphs the last stage emitted, its removals, title, annotations.
    struct CapturedArticle: Equatable {
        var kept: [Paragraph]
        var removed: [Removal]
        var title: String?
        var terms: [RankedTerm]
        var annotations: String
    }

    let directory: String
    var inputPath: String { directory + "/input" }
    var outputPath: String { directory + "/output" }
    var messagesPath: String { directory + "/messages" }

    init() {
        let base = getenv("QINGXI_FUZZ_SCRATCH").map { String(cString: $0) } ?? (access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp")
        directory = base + "/qingxi-fuzz-\(getpid())"
        mkdir(directory, 0o755)
    }

    /// Runs `makeStages()` (fresh stages each run) over `input`; `capture` collects articles through a sink
    /// instead of a printer (JSONL semantics, removals available).
    func run(_ input: [UInt8], options: RecordOptions, capture: Bool = false, makeStages: () throws -> [Stage]) -> Outcome {
        write(input, to: inputPath)
        var options = options
        options.inputs = [inputPath]
        options.rejectsPath = directory + "/rejects"
        let messagesFD = open(messagesPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        let collector = capture ? Collector() : nil
        var outcome = Outcome(output: [], messages: [])
        do {
            let output = try OutputWriter(path: outputPath)
            let runner = RecordRunner(options: options, chain: StageChain(try makeStages()), output: output,
                                      messages: MessageWriter(fd: messagesFD), sink: collector)
            outcome.summary = try runner.run()
        } catch {
            outcome.error = "\(error)"
        }
        close(messagesFD)
        outcome.output = read(outputPath)
        outcome.messages = Self.replacing(Array(inputPath.utf8), in: read(messagesPath))
        outcome.error = outcome.error.map { String(decoding: Self.replacing(Array(inputPath.utf8), in: Array($0.utf8)), as: UTF8.self) }
        outcome.articles = collector?.articles ?? []
        return outcome
    }

    private final class Collector: ArticleSink {
        var articles: [CapturedArticle] = []
        func article(_ article: Article, paragraphs: [Paragraph], record: JSONRecord?) throws {
            articles.append(CapturedArticle(kept: paragraphs, removed: article.removed, title: article.title,
                                            terms: RankedTerm.terms(of: article),
                                            annotations: article.annotations.map { "\($0.key)=\($0.value)" }.joined(separator: ";")))
        }
        func finish() throws {}
    }

    func write(_ bytes: [UInt8], to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        precondition(fd >= 0, "cannot write the scratch file \(path)")
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            precondition(n > 0, "cannot write the scratch file \(path)")
            offset += n
        }
        close(fd)
    }

    func read(_ path: String) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { return bytes }
            bytes += chunk[0..<n]
        }
    }

    static func replacing(_ needle: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard !needle.isEmpty, bytes.count >= needle.count else { return bytes }
        var result: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if i + needle.count <= bytes.count && bytes[i..<i + needle.count].elementsEqual(needle) {
                result += Array("INPUT".utf8)
                i += needle.count
            } else {
                result.append(bytes[i])
                i += 1
            }
        }
        return result
    }
}
