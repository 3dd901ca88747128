import Foundation
import ProfileLint
import Testing
@testable import ProfileLintServer

/// The editor is shown every error of a bad configuration, one per line, in file order.
@Suite struct ServerConfigErrorsTests {
    @Test func everyConfigurationErrorReachesTheEnvironmentError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("profilelint-lsp-config-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(".profilelint.yml").path
        try "rules:\n  skills-limit: warn\ncolour: auto\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try LintEnvironment.load(settings: ServerSettings(), workspaceRoot: directory.path, configurationPath: path)
        } throws: { error in
            "\(error)" == """
                \(path):2:17: error: 'rules.skills-limit' must be off, info, warning or error, not 'warn'; did you mean 'warning'?
                \(path):3:1: error: unknown configuration key 'colour' (expected one of: profiles, exclude, corpus, column_map, rule_dirs, rules)
                """
        }
    }
}
