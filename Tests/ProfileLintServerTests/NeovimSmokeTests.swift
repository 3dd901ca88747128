import Foundation
import Testing

/// A real editor as the consumer: headless Neovim (`Tests/editors/neovim-smoke.lua`) starts
/// `profilelint lsp` on the weak example and reports the diagnostics, the hover of a finding
/// and the quick fixes it got. Skipped where `nvim` is not installed (`apt-get install neovim`).
@Suite struct NeovimSmokeTests {
    static let nvim = ["/usr/bin/nvim", "/usr/local/bin/nvim"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: nvim != nil, "Neovim is not installed"))
    func neovimShowsDiagnosticsHoverAndQuickFixes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nvim-smoke-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let profile = directory.appendingPathComponent("profile.yaml")
        try FileManager.default.copyItem(at: LSPSuiteTests.root.appendingPathComponent("examples/weak-profile.yaml"), to: profile)
        let report = directory.appendingPathComponent("result.json")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.nvim))
        process.arguments = ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "set filetype=yaml",
                             "-c", "luafile " + LSPSuiteTests.root.appendingPathComponent("Tests/editors/neovim-smoke.lua").path, profile.path]
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["PROFILELINT_BIN"] = LSPSuiteTests.binary.path
        environment["NVIM_SMOKE_OUT"] = report.path
        environment["XDG_STATE_HOME"] = directory.path  // Neovim's log, not the user's
        environment["PROFILELINT_CACHE_DIR"] = directory.appendingPathComponent("cache").path
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let seen = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        let codes = seen["codes"] as? [String] ?? []
        #expect((seen["diagnostics"] as? Int ?? 0) > 20 && codes.contains("title-length") && codes.contains("contact-info"), "\(seen)")
        let hover = seen["hover"] as? String ?? ""
        #expect(hover.hasPrefix("**title-length** (error): the title is 86 characters"), "\(hover)")
        #expect(hover.contains("[Documentation](https://github.com/profilelint/profilelint/blob/main/docs/rules/title-length.md)"), "\(hover)")
        #expect((seen["actions"] as? [String] ?? []).first == "Remove the duplicate 'React.js'", "\(seen)")
        #expect(seen["lines_removed"] as? Int == 1)
        #expect(seen["diagnostics_after_fix"] as? Int == (seen["diagnostics"] as? Int ?? 0) - 1, "\(seen)")
    }
}
