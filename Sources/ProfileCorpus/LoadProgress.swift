import Foundation

/// How much of a corpus has been parsed, for a progress display: files and bytes done of
/// the total, updated from the parsing threads and read from any other.
package final class LoadProgress: @unchecked Sendable {
    package struct Snapshot: Sendable, Equatable {
        package var filesDone = 0
        package var filesTotal = 0
        package var bytesDone = 0
        package var bytesTotal = 0
    }

    private let lock = NSLock()
    private var current = Snapshot()

    package init() {}

    /// What has been done so far (all zero before parsing starts, or when the cache answered).
    package var snapshot: Snapshot { lock.withLock { current } }

    /// Parsing starts: these files, this many bytes in all.
    func start(fileCount: Int, bytes: Int) {
        lock.withLock {
            current = Snapshot(filesTotal: fileCount, bytesTotal: bytes)
        }
    }

    /// One file has been parsed.
    func finished(_ file: CorpusFile) {
        lock.withLock {
            current.filesDone += 1
            current.bytesDone += file.bytes.count
        }
    }
}
