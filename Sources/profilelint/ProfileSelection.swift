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
    /// Every configuration read, by the path it was read from: the plan takes them instead of
    /// parsing the files again (`LintPlan.init(files:options:known:)`).
    private(set) var configurations: [String: Configuration] = [:]

    init(configPath: String?, excludePatterns: [String]) throws(CLIError) {
        fixedConfiguration = configPath != nil
        let given = try configPath.map { path throws(CLIError) in (path: path, configuration: try Self.read(path)) }
        fixed = given.flatMap { Self.excludeRules(of: $0.configuration) }
        var patterns: [ExcludePattern] = []
        for text in excludePatterns {
            do { patterns.append(try ExcludePattern(text)) } catch {
                throw CLIError("--exclude '\(text)' is not a valid pattern: \(error.reason)")
            }
        }
        commandLine = ExcludeRules(base: FileManager.default.currentDirectoryPath, patterns: patterns)
        if let given { configurations[given.path] = given.configuration }
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
        let rules = try ConfigDiscovery.find(from: directory).flatMap { path throws(CLIError) in
            Self.excludeRules(of: try configuration(at: path))
        }
        byDirectory[directory] = rules
        return rules
    }

    /// The configuration at `path`, read once.
    func configuration(at path: String) throws(CLIError) -> Configuration {
        if let known = configurations[path] { return known }
        let configuration = try Self.read(path)
        configurations[path] = configuration
        return configuration
    }

    /// Only the exclude patterns that read; the session reports the file's mistakes.
    private static func read(_ path: String) throws(CLIError) -> Configuration {
        do { return try ConfigLoader.read(path: path) } catch { throw CLIError(error) }
    }

    private static func excludeRules(of configuration: Configuration) -> ExcludeRules? {
        configuration.exclude.isEmpty ? nil : configuration.excludeRules
    }
}
