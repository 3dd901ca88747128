import Foundation
import Testing

/// Runs the built `profilelint` binary end to end.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        // The test bundle sits in the same build products directory as the executable.
        var url = Bundle.main.bundleURL
        for _ in 0..<3 where !FileManager.default.fileExists(atPath: url.appendingPathComponent("profilelint").path) {
            url = url.deletingLastPathComponent()
        }
        return url.appendingPathComponent("profilelint")
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? root
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

@Suite struct LintCommandTests {
    @Test func tooManySkillsExitsOne() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID()).yaml")
        try "skills: [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p]\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try CLI.run(["lint", file.path])
        #expect(output.status == 1)
        #expect(output.stdout.contains(":1:55: error: 16 skill tags"))
        #expect(output.stdout.contains("[skills-limit]"))
    }
}
