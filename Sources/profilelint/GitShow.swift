import Foundation
import ProfileLint

/// A profile as a git revision holds it (`git show REVISION:PATH`), read within the profile
/// size limit: standard output is read to at most `limit + 1` bytes (more stops git and fails
/// with the size message), while standard error drains on another thread, so neither pipe can
/// fill up and stall git.
enum GitShow {
    static func read(_ argument: String, limit: Int = LoadLimits.default.maxBytes) throws(CLIError) -> SourceFile {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "show", "--no-textconv", argument]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw CLIError("cannot read '\(argument)': git could not be run (\(SystemErrorText.reason(error)))")
        }
        let problem = ErrorDrain(err.fileHandleForReading)
        let outcome = BoundedRead.read(descriptor: out.fileHandleForReading.fileDescriptor, limit: limit)
        if case .success(.tooLarge) = outcome, process.isRunning { process.terminate() }
        try? out.fileHandleForReading.close()
        process.waitUntilExit()
        let firstProblemLine = problem.wait().split(separator: "\n").first.map(String.init)
        switch outcome {
        case .failure(let failure):
            throw CLIError("cannot read '\(argument)': \(failure.message)")
        case .success(.tooLarge(let size)):
            throw CLIError("cannot read '\(argument)': \(BoundedRead.sizeMessage(size: size, limit: limit))")
        case .success(.whole(let bytes)):
            guard process.terminationStatus == 0 else {
                throw CLIError("cannot read '\(argument)': \(firstProblemLine ?? "git show exited \(process.terminationStatus)")")
            }
            return SourceFile(path: argument, bytes: bytes)
        }
    }

    /// Reads a pipe to its end on another thread, keeping the first `keep` bytes (git's
    /// message) and discarding the rest.
    private final class ErrorDrain: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle, keep: Int = 64 << 10) {
            DispatchQueue.global().async {
                while let chunk = try? handle.read(upToCount: 65_536), !chunk.isEmpty {
                    if self.data.count < keep { self.data += chunk.prefix(keep - self.data.count) }
                }
                self.done.signal()
            }
        }

        /// The text kept, once the pipe has closed.
        func wait() -> String {
            done.wait()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
