import Foundation
import Testing

/// Runs the built `profilelint` binary end to end.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `Tests/Fixtures/cli`: input profiles and a small rule pack of its own, so the tests
    /// do not change when the default pack grows.
    static let fixtures = root.appendingPathComponent("Tests/Fixtures/cli")
    static let testRules = fixtures.appendingPathComponent("rules").path

    static var binary: URL { executable("profilelint") }

    /// A built executable of the package (`profilelint`, `profilelint-fuzz`).
    static func executable(_ name: String) -> URL {
        // The test bundle sits in the same build products directory as the executable.
        var url = Bundle.main.bundleURL
        for _ in 0..<3 where !FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path) {
            url = url.deletingLastPathComponent()
        }
        return url.appendingPathComponent(name)
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether the process died of a signal (`status` is then the signal number).
        var signaled = false
    }

    /// The cache directory runs use unless a test names its own: one per test process, so that
    /// no run reads or fills the user's cache.
    static let cacheDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("profilelint-cli-cache-\(UUID())").path

    /// The environment the tests run the binary in: the fixture rule pack in place of the
    /// built-in pack (unless `defaultRules`), the tests' own cache directory, and no
    /// `NO_COLOR` unless given.
    static func environment(_ extra: [String: String] = [:], defaultRules: Bool = false) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        environment["PROFILELINT_RULES"] = defaultRules ? nil : testRules
        environment["PROFILELINT_NO_BUILTIN_RULES"] = defaultRules ? nil : "1"
        environment["PROFILELINT_CACHE_DIR"] = cacheDirectory
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Runs the binary (or `executable`) in `directory` (default: the CLI fixtures), with
    /// `input` on standard input (default: none, as from `/dev/null`).
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
                    executable: URL? = nil, input: Data? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? fixtures
        process.environment = environment ?? Self.environment()
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            DispatchQueue.global().async {
                stdin.fileHandleForWriting.write(input)
                try? stdin.fileHandleForWriting.close()
            }
        }
        // Read stderr on another thread so neither pipe can fill up and block the child.
        let errorData = ErrorReader(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: errorData.wait(), as: UTF8.self),
                      signaled: process.terminationReason == .uncaughtSignal)
    }

    /// Collects a pipe's bytes in the background.
    final class ErrorReader: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            DispatchQueue.global().async {
                self.data = handle.readDataToEndOfFile()
                self.done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("profilelint-cli-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
