import Foundation

/// Runs a test oracle from `scripts/oracles/` (pinned in scripts/requirements-test.txt): JSON
/// on its standard input, JSON read from its standard output.
enum PythonOracle {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/oracles")

    static func run(_ script: String, input: Any) throws -> Any {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", directory.appendingPathComponent(script).path]
        let standardInput = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = standardInput
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        standardInput.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: input))
        try standardInput.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let result = try? JSONSerialization.jsonObject(with: data) else {
            throw OracleError(message: "the oracle \(script) failed (run ./scripts/setup.sh --tests): \(message)")
        }
        return result
    }

    struct OracleError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
