import Foundation
import Testing
@testable import ProfileModel

/// A named pipe given as a file never hangs the read: with no writer it reads as empty at
/// once (opening it for reading would otherwise wait for a writer forever), while a pipe with
/// a writer, as from `<(command)`, is read whole.
@Suite struct FIFOReadTests {
    /// A new FIFO in a fresh directory.
    static func fifo() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("profile.yaml").path
        #expect(mkfifo(path, 0o600) == 0)
        return path
    }

    /// `BoundedRead.read(path:)` on another thread, nil when it has not returned within 20 s
    /// (the thread is then left blocked, and the test fails instead of hanging the run).
    static func readWithin20Seconds(_ path: String) -> Result<BoundedRead.Outcome, ReadFailure>? {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<BoundedRead.Outcome, ReadFailure>?
        Thread.detachNewThread {
            result = BoundedRead.read(path: path, limit: 1 << 20)
            done.signal()
        }
        return done.wait(timeout: .now() + 20) == .success ? result : nil
    }

    @Test func aFIFOWithNoWriterReadsAsEmpty() throws {
        let path = try Self.fifo()
        let result = Self.readWithin20Seconds(path)
        #expect(result == .success(.whole([])), "\(String(describing: result))")
    }

    /// What `<(command)` gives: `/dev/fd/N` of a pipe its writer has filled and closed.
    @Test func aPipeWithAWriterIsReadWhole() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let text = Array("title: Survey Analyst\n".utf8)
        #expect(write(ends[1], text, text.count) == text.count)
        close(ends[1])
        let result = Self.readWithin20Seconds("/dev/fd/\(ends[0])")
        #expect(result == .success(.whole(text)), "\(String(describing: result))")
    }
}
