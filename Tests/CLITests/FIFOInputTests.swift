import Foundation
import Testing

/// A named pipe nobody writes to, given as a profile or a corpus, ends the run at once with
/// the empty-file finding or warning; it used to wait forever for a writer.
@Suite struct FIFOInputTests {
    @Test func aFIFOWithNoWriterIsAnEmptyFileNotAHang() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(mkfifo(directory.appendingPathComponent("pipe.yaml").path, 0o600) == 0)
        try Data("title: Survey Analyst\nskills: [SPSS]\n".utf8).write(to: directory.appendingPathComponent("p.yaml"))
        let profile = try CLI.run(["lint", "pipe.yaml"], in: directory)
        #expect(profile.status == 1)
        #expect(profile.stdout.contains("pipe.yaml:1:1: error: the file is empty"), "\(profile.stdout)")
        let corpus = try CLI.run(["lint", "p.yaml", "--corpus", "pipe.yaml"], in: directory)
        #expect((corpus.stdout + corpus.stderr).contains("pipe.yaml:1:1: warning: corpus file is empty"), "\(corpus.stdout)\(corpus.stderr)")
    }
}
