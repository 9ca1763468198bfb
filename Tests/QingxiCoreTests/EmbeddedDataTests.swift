import Foundation
import Testing
@testable import QingxiCore

/// The binary carries corpus/ data files (scripts/embed-data); they must equal the files in the repository.
@Suite struct EmbeddedDataTests {
    @Test func embeddedFilesEqualCorpusFiles() throws {
        #expect(!EmbeddedData.files.isEmpty)
        for (path, text) in EmbeddedData.files {
            let onDisk = try String(contentsOf: TestSupport.corpus(path), encoding: .utf8)
            #expect(onDisk == text, "corpus/\(path) changed: run scripts/embed-data")
        }
    }

    @Test func everyDataFileIsEmbedded() throws {
        for folder in ["convert", "lexicon"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: TestSupport.corpus(folder).path)
            for name in names where name.hasSuffix(".rules") || name.hasSuffix(".txt") {
                #expect(EmbeddedData.files["\(folder)/\(name)"] != nil, "corpus/\(folder)/\(name) is not embedded")
            }
        }
    }
}
