import Foundation
import ProfileLint

/// Which files found while walking directories (and, with `--only-profiles`, which named
/// files) are linted: not excluded by `--exclude` or the governing configuration's `exclude:`,
/// and profiles by `ProfileDetector`'s test.
final class ProfileSelection {
    /// With `--config`, its exclude rules govern every file; otherwise each directory's
    /// `.profilelint.yml` (found upward) does.
    private let fixedConfiguration: Bool
    private let fixed: ExcludeRules?
    /// `--exclude`, relative to the current directory.
    private let commandLine: ExcludeRules
    /// The configuration's exclude rules per directory searched from (one discovery each).
    private var byDirectory: [String: ExcludeRules?] = [:]

    init(configPath: String?, excludePatterns: [String]) throws(CLIError) {
        fixedConfiguration = configPath != nil
        fixed = try configPath.flatMap { path throws(CLIError) in try Self.load(path) }
        var patterns: [ExcludePattern] = []
        for text in excludePatterns {
            do { patterns.append(try ExcludePattern(text)) } catch {
                throw CLIError("--exclude '\(text)' is not a valid pattern: \(error.reason)")
            }
        }
        commandLine = ExcludeRules(base: FileManager.default.currentDirectoryPath, patterns: patterns)
    }

    /// Whether `path` is excluded by `--exclude` or its configuration's `exclude:`.
    func excludes(_ path: String, isDirectory: Bool) throws(CLIError) -> Bool {
        if commandLine.excludes(path, isDirectory: isDirectory) { return true }
        return try configured(for: isDirectory ? path : PathText.directory(of: path))?.excludes(path, isDirectory: isDirectory) ?? false
    }

    /// Whether `file` should be linted: a profile, not excluded.
    func selects(_ file: SourceFile) throws(CLIError) -> Bool {
        try !excludes(file.path, isDirectory: false) && ProfileDetector.isProfile(file)
    }

    private func configured(for directory: String) throws(CLIError) -> ExcludeRules? {
        if fixedConfiguration { return fixed }
        if let known = byDirectory[directory] { return known }
        let rules = try ConfigDiscovery.find(from: directory).flatMap { path throws(CLIError) in try Self.load(path) }
        byDirectory[directory] = rules
        return rules
    }

    private static func load(_ path: String) throws(CLIError) -> ExcludeRules? {
        do {
            // Only the exclude patterns that read; the session reports the file's mistakes.
            let configuration = try ConfigLoader.read(path: path)
            return configuration.exclude.isEmpty ? nil : configuration.excludeRules
        } catch {
            throw CLIError(error)
        }
    }
}
