import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint

/// The determinate corpus progress: what `Corpus.load` counts and how the bar reads.
@Suite struct ProgressBarTests {
    @Test func loadingCountsEveryFileAndByte() throws {
        let directory = ReporterFixture.packageRoot.appendingPathComponent("examples/jobs").path
        let progress = LoadProgress()
        #expect(ProgressBar.text(progress.snapshot, elapsed: 1) == nil)
        let corpus = try Corpus.load(paths: [directory], progress: progress)
        let done = progress.snapshot
        #expect(corpus.stats.postCount > 0)
        #expect(done.filesTotal == corpus.stats.files.count)
        #expect(done.filesDone == done.filesTotal)
        #expect(done.bytesDone == done.bytesTotal && done.bytesTotal > 0)
        // Done: the bar gives way (the spinner shows while statistics are built).
        #expect(ProgressBar.text(done, elapsed: 1) == nil)
    }

    @Test func barShowsShareFilesRateAndTimeLeft() {
        let snapshot = LoadProgress.Snapshot(filesDone: 3, filesTotal: 7, bytesDone: 12_100_000, bytesTotal: 24_200_000)
        #expect(ProgressBar.text(snapshot, elapsed: 3, width: 10)
                == "parsing job posts ▕█████     ▏ 50%  3/7 files  12.1 of 24.2 MB  4.0 MB/s  3s left")
        #expect(ProgressBar.text(snapshot, elapsed: 0, width: 10) == "parsing job posts ▕█████     ▏ 50%  3/7 files  12.1 of 24.2 MB")
    }
}
