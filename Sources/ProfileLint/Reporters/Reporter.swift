/// What a reporter needs to know besides the results: where it runs and how the output is shown.
public struct ReportOptions: Sendable {
    /// Colour the output with ANSI escapes (text format on a terminal, unless `NO_COLOR`/`--no-color`).
    public var color: Bool
    /// Show the source line with a caret under each finding (text format on a terminal).
    public var showSource: Bool
    /// The directory relative paths and URIs are computed against (SARIF, GitHub, rdjsonl).
    public var workingDirectory: String
    /// End the text format with a summary line (`--quiet` turns it off).
    public var showSummary: Bool
    /// The tool version written into structured formats.
    public var toolVersion: String
    /// The least severe finding that fails the run (`--fail-on`); JUnit reports findings
    /// below it as passing test cases. Nil: every finding fails.
    public var failOn: Severity?
    /// Columns a shown source line may take (the terminal's width; 160 when unknown).
    public var terminalWidth: Int

    public init(color: Bool = false, showSource: Bool = false, showSummary: Bool = true,
                workingDirectory: String = "/", toolVersion: String = ToolInfo.version, failOn: Severity? = nil,
                terminalWidth: Int = 160) {
        self.failOn = failOn
        self.terminalWidth = terminalWidth
        self.color = color
        self.showSource = showSource
        self.showSummary = showSummary
        self.workingDirectory = workingDirectory
        self.toolVersion = toolVersion
    }
}

/// Formats lint results; one conforming type per output format. Reporters never read files:
/// every `LintResult` carries its `SourceFile`, and rule metadata comes from the `RuleSet`.
public protocol Reporter: Sendable {
    init(options: ReportOptions)
    /// The whole report for `results` (in any order; reporters sort them, see `ReportOrder`).
    func report(_ results: [LintResult], rules: RuleSet) -> String
}

/// A reporter that needs only the rules' facts (`RuleCatalog`), as every built-in one does: a
/// run replayed from the lint result cache reports without loading the rules.
package protocol CatalogReporter: Reporter {
    func report(_ results: [LintResult], catalog: RuleCatalog) -> String
}

extension CatalogReporter {
    package func report(_ results: [LintResult], rules: RuleSet) -> String {
        report(results, catalog: RuleCatalog(rules))
    }
}

/// The name and version of the tool, as structured reports state them.
public enum ToolInfo {
    public static let name = "profilelint"
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/profilelint/profilelint"
}

/// Every output format, by its `--format` name.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github, checkstyle, junit, rdjsonl, html

    /// Whether the format shows each section's scores and fitting posts (`LintResult.insights`).
    public var drawsInsights: Bool { self == .html || self == .text }

    /// The reporter type of the format.
    public var reporterType: any Reporter.Type { catalogReporterType }

    package var catalogReporterType: any CatalogReporter.Type {
        switch self {
        case .text: TextReporter.self
        case .json: JSONReporter.self
        case .sarif: SARIFReporter.self
        case .github: GitHubReporter.self
        case .checkstyle: CheckstyleReporter.self
        case .junit: JUnitReporter.self
        case .rdjsonl: RDJSONLReporter.self
        case .html: HTMLReporter.self
        }
    }

    public func reporter(options: ReportOptions) -> any Reporter {
        reporterType.init(options: options)
    }

    package func catalogReporter(options: ReportOptions) -> any CatalogReporter {
        catalogReporterType.init(options: options)
    }
}
