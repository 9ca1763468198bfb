import Foundation
@testable import QingxiCore

/// Runs `BatchRunner` in-process on test folders, with messages captured.
enum BatchHarness {
    struct Result {
        var report: BatchReport
        var messages: String
        var output: String
    }

    static func options(_ inputs: [String], out: String, jobs: Int = 1) -> BatchOptions {
        var options = BatchOptions()
        options.inputs = inputs
        options.output = out
        options.jobs = jobs
        options.progress = false
        return options
    }

    static func run(_ options: BatchOptions, stages: @escaping () throws -> [Stage] = { [] }) throws -> Result {
        let messagesPath = NSTemporaryDirectory() + "qx-batch-messages-\(UUID().uuidString)"
        let fd = open(messagesPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer {
            close(fd)
            try? FileManager.default.removeItem(atPath: messagesPath)
        }
        let report = try BatchRunner(options: options, makeStages: stages, messages: MessageWriter(fd: fd)).run()
        let messages = (try? String(contentsOfFile: messagesPath, encoding: .utf8)) ?? ""
        return Result(report: report, messages: messages, output: options.output)
    }

    static func hans() throws -> [Stage] {
        [try ScriptConverter(ConversionOptions(direction: .hans))]
    }
}

/// A cross-article test stage: removes a paragraph whose text appeared in an earlier article (a stand-in for
/// dedup --scope stream), so batch must run it in input order.
final class SeenBeforeStage: CrossArticleStage {
    let name = "dedup"
    var seen: Set<String> = []
    var current: [String] = []
    var carriesStateAcrossArticles: Bool { true }

    func begin(_ article: Article) throws { current = [] }

    func process(_ paragraph: Paragraph, of article: Article, emit: (Paragraph) throws -> Void) throws {
        if !paragraph.isBlank && seen.contains(paragraph.text) {
            article.recordRemoval(paragraph, stage: name, reason: "seen in article earlier")
            return
        }
        current.append(paragraph.text)
        try emit(paragraph)
    }

    func end(_ article: Article, emit: (Paragraph) throws -> Void) throws {
        seen.formUnion(current.filter { !$0.isEmpty })
    }
}
