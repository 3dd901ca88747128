import Foundation
import Testing

/// Colour and source excerpts appear only on a terminal. The binary runs under util-linux
/// `script`, which gives it a pseudo-terminal as standard output.
@Suite struct TerminalTests {
    static let script = "/usr/bin/script"

    /// Runs the binary on a pseudo-terminal (standard output and standard error) and returns
    /// what it wrote; `unsetting` names variables removed from the environment (such as `CI`).
    static func runOnTerminal(_ arguments: [String], environment: [String: String] = [:], unsetting: [String] = []) throws -> String {
        let command = ([CLI.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = CLI.fixtures
        var variables = CLI.environment(environment)
        for name in unsetting { variables[name] = nil }
        process.environment = variables
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    static var hasScript: Bool {
        #if os(Linux)
        FileManager.default.isExecutableFile(atPath: script)
        #else
        false
        #endif
    }

    @Test(.enabled(if: hasScript, "needs util-linux script"))
    func colourAndCaretOnATerminal() throws {
        let output = try Self.runOnTerminal(["lint", "too-many-skills.yaml"])
        #expect(output.contains("\u{1B}[1;31merror:\u{1B}[0m 7 skill tags"))
        #expect(output.contains(" \u{1B}[34m2 |\u{1B}[0m skills: [After Effects, Cinema 4D, Blender, Illustrator, Animation, Storyboarding, Lottie]"))
        let caretLine = try #require(output.split(separator: "\n").first { $0.contains("^") })
        #expect(caretLine.contains(String(repeating: " ", count: 83) + "\u{1B}[1;32m^~~~~~\u{1B}[0m"))
    }

    @Test(.enabled(if: hasScript, "needs util-linux script"))
    func noColorFlagAndEnvironmentKeepTheExcerptButDropColour() throws {
        for output in [try Self.runOnTerminal(["lint", "--no-color", "too-many-skills.yaml"]),
                       try Self.runOnTerminal(["lint", "too-many-skills.yaml"], environment: ["NO_COLOR": "1"])] {
            #expect(!output.contains("\u{1B}["))
            #expect(output.contains(" 2 | skills: [After Effects"))
            #expect(output.contains("   | " + String(repeating: " ", count: 83) + "^~~~~~\n"))
        }
    }

    @Test func pipesGetNeitherColourNorExcerpts() throws {
        let output = try CLI.run(["lint", "too-many-skills.yaml"])
        #expect(!output.stdout.contains("\u{1B}["))
        #expect(!output.stdout.contains(" | "))
    }
}
