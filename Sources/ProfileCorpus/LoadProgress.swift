import Foundation

/// How much of a corpus has been parsed, for a progress display: files and bytes done of
/// the total, updated from the parsing threads and read from any other.
public final class LoadProgress: @unchecked Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var filesDone = 0
        public var filesTotal = 0
        public var bytesDone = 0
        public var bytesTotal = 0
    }

    private let lock = NSLock()
    private var current = Snapshot()

    public init() {}

    /// What has been done so far (all zero before parsing starts, or when the cache answered).
    public var snapshot: Snapshot { lock.withLock { current } }

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
