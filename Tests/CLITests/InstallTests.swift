import Foundation
import Testing

/// `scripts/install.sh` puts a binary under a prefix that works alone: run from another
/// directory with a bare `PATH`, by name and through a symbolic link, every command finds its
/// rules (built in) and `suggest` its example corpus (installed beside it).
@Suite struct InstallTests {
    /// Installs the built binary into a fresh prefix; returns (temporary root, prefix).
    static func install() throws -> (root: URL, prefix: URL) {
        let root = try CLI.temporaryDirectory()
        let prefix = root.appendingPathComponent("prefix")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [CLI.root.appendingPathComponent("scripts/install.sh").path, "--prefix", prefix.path,
                             "--binary", CLI.binary.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return (root, prefix)
    }

    /// Only `PATH` (the prefix's bin) and `HOME`: no `PROFILELINT_RULES`, nothing from the build tree.
    static func bareEnvironment(_ prefix: URL, home: URL) -> [String: String] {
        ["PATH": prefix.appendingPathComponent("bin").path, "HOME": home.path]
    }

    static let profile = """
    title: Shopify Developer for Fashion Brands
    overview: I build Shopify stores.
    skills: [Shopify, Liquid]

    """

    @Test func installedBinaryRunsEveryCommandFromElsewhere() throws {
        let (root, prefix) = try Self.install()
        defer { try? FileManager.default.removeItem(at: root) }
        let work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try Self.profile.write(to: work.appendingPathComponent("me.yaml"), atomically: true, encoding: .utf8)
        // A link elsewhere to the installed binary, as `ln -s PREFIX/bin/profilelint ~/bin/` makes.
        let linkDirectory = root.appendingPathComponent("links")
        try FileManager.default.createDirectory(at: linkDirectory, withIntermediateDirectories: true)
        let link = linkDirectory.appendingPathComponent("profilelint")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: prefix.appendingPathComponent("bin/profilelint"))
        let environment = Self.bareEnvironment(prefix, home: root)

        for executable in [prefix.appendingPathComponent("bin/profilelint"), link] {
            let lint = try CLI.run(["lint", "me.yaml", "--fail-on", "warning"], in: work, environment: environment, executable: executable)
            #expect(lint.status == 1, "\(lint.stderr)")
            #expect(lint.stdout.contains("[overview-too-short]"), "\(lint.stdout)")
            let rules = try CLI.run(["rules"], in: work, environment: environment, executable: executable)
            #expect(rules.status == 0, "\(rules.stderr)")
            #expect(rules.stdout.contains("title-length"))
            let explain = try CLI.run(["explain", "title-length"], in: work, environment: environment, executable: executable)
            #expect(explain.status == 0, "\(explain.stderr)")
            #expect(explain.stdout.contains("defined in: the built-in rule pack"))
            // No corpus configured: the example posts installed under share/ are used.
            let suggest = try CLI.run(["suggest", "me.yaml", "--example-corpus"], in: work, environment: environment, executable: executable)
            #expect(suggest.status == 0, "\(suggest.stderr)")
            #expect(suggest.stdout.contains("posts fit"), "\(suggest.stdout)")
        }
    }

    @Test func installedBinaryFoundOnPathByAShell() throws {
        let (root, prefix) = try Self.install()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.profile.write(to: root.appendingPathComponent("me.yaml"), atomically: true, encoding: .utf8)
        let shell = URL(fileURLWithPath: "/bin/sh")
        let output = try CLI.run(["-c", "profilelint me.yaml --format json --fail-on warning && echo unreachable; profilelint --version"], in: root,
                                 environment: Self.bareEnvironment(prefix, home: root), executable: shell)
        #expect(output.stdout.contains("\"overview-too-short\""), "\(output.stderr)")
        #expect(!output.stdout.contains("unreachable"))
        #expect(output.stdout.contains("profilelint "))
        #expect(!output.stderr.contains("error"), "\(output.stderr)")
    }

    @Test func installedLanguageServerAnswersAndPublishes() throws {
        let (root, prefix) = try Self.install()
        defer { try? FileManager.default.removeItem(at: root) }
        let uri = root.appendingPathComponent("me.yaml").absoluteString
        func framed(_ messages: [String]) -> Data {
            Data(messages.map { "Content-Length: \($0.utf8.count)\r\n\r\n\($0)" }.joined().utf8)
        }
        let process = Process()
        process.executableURL = prefix.appendingPathComponent("bin/profilelint")
        process.arguments = ["lsp"]
        process.currentDirectoryURL = root
        process.environment = Self.bareEnvironment(prefix, home: root)
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let received = Received()
        output.fileHandleForReading.readabilityHandler = { received.append($0.availableData) }
        try process.run()
        input.fileHandleForWriting.write(framed([
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}"#,
            #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
            #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(uri)","languageId":"yaml","version":1,"text":"title: Shopify Developer\n"}}}"#,
        ]))
        // The server loads its rules in the background: wait for the diagnostics (at most a minute).
        for _ in 0..<600 where !received.text.contains("textDocument/publishDiagnostics") { usleep(100_000) }
        input.fileHandleForWriting.write(framed([#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#, #"{"jsonrpc":"2.0","method":"exit"}"#]))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        #expect(process.terminationStatus == 0)
        #expect(received.text.contains("\"capabilities\""))
        #expect(received.text.contains("textDocument/publishDiagnostics"))
        #expect(received.text.contains("overview-required"), "\(received.text)")
    }

    /// Bytes a pipe delivered, collected across threads.
    final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func append(_ more: Data) { lock.withLock { data.append(more) } }
        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
    }

    @Test func installScriptRejectsBadArguments() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [CLI.root.appendingPathComponent("scripts/install.sh").path, "--perfix", "/tmp/x"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("unknown argument '--perfix'"))
    }
}
