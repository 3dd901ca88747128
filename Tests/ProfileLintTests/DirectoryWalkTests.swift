import Foundation
import Testing
@testable import ProfileCorpus

/// The corpus directory walk finds what Foundation's enumerator found: regular corpus files,
/// recursively, without hidden entries or symbolic links, sorted, in the user's spelling.
@Suite struct DirectoryWalkTests {
    @Test func findsRegularCorpusFilesOnly() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("walk-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("corpus")
        let manager = FileManager.default
        for directory in ["corpus/b/deep", "corpus/.hidden", "corpus/a", "outside"] {
            try manager.createDirectory(at: root.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        for file in ["corpus/b/deep/z.jsonl", "corpus/b/one.CSV", "corpus/a/two.md", "corpus/.hidden/h.csv",
                     "corpus/.dot.csv", "corpus/notes.pdf", "corpus/top.yaml", "outside/o.csv"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(file))
        }
        try manager.createSymbolicLink(atPath: corpus.appendingPathComponent("link.csv").path,
                                       withDestinationPath: root.appendingPathComponent("outside/o.csv").path)
        try manager.createSymbolicLink(atPath: corpus.appendingPathComponent("linked").path,
                                       withDestinationPath: root.appendingPathComponent("outside").path)
        let spelled = root.path + "/./corpus"
        let paths = try CorpusLoader.filePaths([spelled])
        #expect(paths == ["a/two.md", "b/deep/z.jsonl", "b/one.CSV", "top.yaml"].map { spelled + "/" + $0 })
    }

    @Test func aDirectoryThatCannotBeOpenedIsAnError() {
        #expect(DirectoryWalk.regularFiles(under: "/proc/self/fd/0/none", accept: { _ in true })
                == .unreadable("/proc/self/fd/0/none"))
    }
}
