import Foundation
import Testing

/// Runs the pytest-lsp suite (`Tests/lsp`) against the built `profilelint` binary: a real
/// LSP client drives `profilelint lsp` end to end.
@Suite struct LSPSuiteTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable sits in the same build products directory as the test bundle.
    static var binary: URL {
        var url = Bundle.main.bundleURL
        for _ in 0..<3 where !FileManager.default.fileExists(atPath: url.appendingPathComponent("profilelint").path) {
            url = url.deletingLastPathComponent()
        }
        return url.appendingPathComponent("profilelint")
    }

    @Test func pytestLSPSuitePasses() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "no profilelint binary at \(Self.binary.path)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "pytest", "Tests/lsp", "-q", "-p", "no:cacheprovider"]
        process.currentDirectoryURL = Self.root
        var environment = ProcessInfo.processInfo.environment
        environment["PROFILELINT_BIN"] = Self.binary.path
        environment["PROFILELINT_RULES"] = Self.root.appendingPathComponent("rules").path
        environment["PROFILELINT_NO_BUILTIN_RULES"] = "1"  // the checkout's rules in place of the built-in copy
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        print(text)
        #expect(process.terminationStatus == 0, "pytest-lsp suite failed:\n\(text)")
        #expect(text.contains(" passed"))
        #expect(!text.contains(" failed"))
    }
}
