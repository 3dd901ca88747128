import Foundation

/// `sarif`: SARIF 2.1.0 (validated against the OASIS schema in the tests). One run; the driver
/// lists every rule of the rule set (and any built-in id a result uses) with its rationale.
/// Columns count Unicode scalars (`columnKind: unicodeCodePoints`); artifact URIs are relative
/// to the working directory under `uriBaseId: %SRCROOT%`. Notes become related locations and
/// fixes become `fixes` with `artifactChanges`.
package struct SARIFReporter: CatalogReporter {
    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    static let sourceRoot = "%SRCROOT%"

    let options: ReportOptions

    package init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    package func report(_ results: [LintResult], catalog rules: RuleCatalog) -> String {
        let sorted = ReportOrder.sorted(results)
        var descriptors = rules.entries.map(Self.descriptor)
        var ruleIndex: [String: Int] = [:]
        for (index, descriptor) in descriptors.enumerated() { ruleIndex[descriptor.id] = index }
        for result in sorted {
            for diagnostic in result.diagnostics where ruleIndex[diagnostic.ruleID] == nil {
                ruleIndex[diagnostic.ruleID] = descriptors.count
                descriptors.append(Self.builtInDescriptor(diagnostic))
            }
        }
        var sarifResults: [Result] = []
        for result in sorted {
            let artifact = artifactLocation(result.file.path)
            for diagnostic in result.diagnostics {
                sarifResults.append(Self.result(diagnostic, file: result.file, artifact: artifact,
                                                ruleIndex: ruleIndex[diagnostic.ruleID] ?? 0))
            }
        }
        let run = Run(
            tool: Tool(driver: Driver(name: ToolInfo.name, version: options.toolVersion,
                                      semanticVersion: options.toolVersion,
                                      informationUri: ToolInfo.informationURI, rules: descriptors)),
            originalUriBaseIds: [Self.sourceRoot: ArtifactLocation(uri: ReportPaths.directoryURI(options.workingDirectory))],
            results: sarifResults,
            columnKind: "unicodeCodePoints",
            properties: SeverityCounts.baselineAccepted(sorted).map { RunProperties(baselineAccepted: $0) })
        return JSONOutput.encode(Log(schema: Self.schemaURI, version: "2.1.0", runs: [run]), pretty: true) + "\n"
    }

    /// A relative URI under `%SRCROOT%` for paths inside the working directory, else a `file://` URI.
    func artifactLocation(_ path: String) -> ArtifactLocation {
        let relative = ReportPaths.relative(path, to: options.workingDirectory)
        return relative.hasPrefix("/")
            ? ArtifactLocation(uri: ReportPaths.uri(relative))
            : ArtifactLocation(uri: ReportPaths.uri(relative), uriBaseId: Self.sourceRoot)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func descriptor(_ rule: RuleCatalog.Entry) -> ReportingDescriptor {
        ReportingDescriptor(
            id: rule.id, name: pascalCase(rule.id),
            shortDescription: Message(text: rule.summary()),
            fullDescription: Message(text: rule.rationale.trimmingCharacters(in: .newlines)),
            help: Message(text: "\(rule.rationale.trimmingCharacters(in: .newlines))\n\n"
                + (rule.howToFix.map { "\($0.trimmingCharacters(in: .newlines))\n\n" } ?? "")
                + "Run `profilelint explain \(rule.id)` for parameters and examples."),
            helpUri: rule.helpURI,
            defaultConfiguration: Configuration(level: level(rule.severity)))
    }

    /// Descriptor of an id no rule file defines: a check built into the profile loader.
    static func builtInDescriptor(_ diagnostic: Diagnostic) -> ReportingDescriptor {
        let check = BuiltInCheck(rawValue: diagnostic.ruleID)
        let text = check?.summary ?? "Built-in check '\(diagnostic.ruleID)' of profilelint."
        return ReportingDescriptor(
            id: diagnostic.ruleID, name: pascalCase(diagnostic.ruleID),
            shortDescription: Message(text: text), fullDescription: Message(text: text),
            help: Message(text: check.map { "\(text)\n\n\($0.howToFix)" } ?? text),
            helpUri: check?.helpURI, defaultConfiguration: Configuration(level: level(diagnostic.severity)))
    }

    /// `skills-limit` → `SkillsLimit`.
    static func pascalCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func region(_ range: ByteRange, in file: SourceFile) -> Region {
        let located = file.lineColumnRange(range, unit: .scalars)
        return Region(startLine: located.start.line, startColumn: located.start.column,
                      endLine: located.end.line, endColumn: located.end.column)
    }

    static func result(_ diagnostic: Diagnostic, file: SourceFile, artifact: ArtifactLocation, ruleIndex: Int) -> Result {
        let primary = Location(
            physicalLocation: PhysicalLocation(artifactLocation: artifact, region: region(diagnostic.range, in: file)),
            logicalLocations: diagnostic.fieldPath.isEmpty ? nil : [LogicalLocation(fullyQualifiedName: diagnostic.fieldPath)])
        let related = diagnostic.notes.enumerated().map { index, note in
            Location(id: index + 1,
                     physicalLocation: note.range.map { PhysicalLocation(artifactLocation: artifact, region: region($0, in: file)) },
                     message: Message(text: note.message))
        }
        var seenFixes = Set<Fix>()
        let fixes = diagnostic.fixes.filter { seenFixes.insert($0).inserted }.map { fix in
            SARIFFix(description: Message(text: fix.description), artifactChanges: [
                ArtifactChange(artifactLocation: artifact, replacements: fix.edits.map {
                    Replacement(deletedRegion: region($0.range, in: file), insertedContent: ArtifactContent(text: $0.replacement))
                }),
            ])
        }
        return Result(ruleId: diagnostic.ruleID, ruleIndex: ruleIndex, level: level(diagnostic.severity),
                      message: Message(text: diagnostic.message), locations: [primary],
                      relatedLocations: related.isEmpty ? nil : related, fixes: fixes.isEmpty ? nil : fixes)
    }

    struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    struct Run: Encodable {
        var tool: Tool
        var originalUriBaseIds: [String: ArtifactLocation]
        var results: [Result]
        var columnKind: String
        var properties: RunProperties?
    }

    /// The run's property bag: how many findings `--baseline` accepted (left out of `results`).
    struct RunProperties: Encodable { var baselineAccepted: Int }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        var informationUri: String
        var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var helpUri: String?
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable { var level: String }

    struct Message: Encodable { var text: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [Location]?
        var fixes: [SARIFFix]?
    }

    struct Location: Encodable {
        var id: Int?
        var physicalLocation: PhysicalLocation?
        var logicalLocations: [LogicalLocation]?
        var message: Message?

        init(id: Int? = nil, physicalLocation: PhysicalLocation?, logicalLocations: [LogicalLocation]? = nil,
             message: Message? = nil) {
            self.id = id
            self.physicalLocation = physicalLocation
            self.logicalLocations = logicalLocations
            self.message = message
        }
    }

    struct LogicalLocation: Encodable {
        var fullyQualifiedName: String
        var kind = "member"
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
    }

    struct SARIFFix: Encodable {
        var description: Message
        var artifactChanges: [ArtifactChange]
    }

    struct ArtifactChange: Encodable {
        var artifactLocation: ArtifactLocation
        var replacements: [Replacement]
    }

    struct Replacement: Encodable {
        var deletedRegion: Region
        var insertedContent: ArtifactContent
    }

    struct ArtifactContent: Encodable { var text: String }
}
