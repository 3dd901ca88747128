import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Structured formats checked against their specifications: SARIF with the OASIS JSON schema
/// (python3 + jsonschema 4.26.0, Draft 4), rdjsonl and json by their documented shapes, and
/// every position checked back against the bytes it claims to point at.
@Suite struct ReporterSchemaTests {
    static let schemaPath = ReporterFixture.packageRoot.appendingPathComponent("../shared/schemas/sarif-schema-2.1.0.json").standardizedFileURL.path

    /// Validates `sarif` with jsonschema's Draft 4 validator; returns its exit status and output.
    static func validateSARIF(_ sarif: String) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("profilelint-\(UUID()).sarif")
        try sarif.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
        import json, sys
        import jsonschema
        schema = json.load(open(sys.argv[1]))
        document = json.load(open(sys.argv[2]))
        errors = list(jsonschema.Draft4Validator(schema).iter_errors(document))
        for error in errors:
            print(list(error.absolute_path), error.message)
        sys.exit(1 if errors else 0)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schemaPath, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    static func jsonObject(_ text: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [String: Any])
    }

    @Test func sarifValidatesAgainstTheSchema() throws {
        let sarif = try ReporterGoldenTests.render(.sarif)
        let validation = try Self.validateSARIF(sarif)
        #expect(validation.status == 0, "\(validation.output)")
    }

    @Test func theValidatorRejectsBrokenSARIF() throws {
        // The oracle must be able to fail: a region with startColumn 0 is invalid.
        let broken = try ReporterGoldenTests.render(.sarif).replacingOccurrences(of: "\"startColumn\": 14", with: "\"startColumn\": 0")
        let validation = try Self.validateSARIF(broken)
        #expect(validation.status == 1, "\(validation.output)")
        #expect(validation.output.contains("startColumn"))
    }

    @Test func sarifRunHasRulesColumnKindAndRelativeURIs() throws {
        let log = try Self.jsonObject(try ReporterGoldenTests.render(.sarif))
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 7)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ids[index] == result["ruleId"] as? String)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let region = try #require(location["region"] as? [String: Int])
            #expect((region["startColumn"] ?? 0) >= 1)
            let artifact = try #require(location["artifactLocation"] as? [String: String])
            let uri = try #require(artifact["uri"])
            if uri.hasPrefix("file://") {
                #expect(artifact["uriBaseId"] == nil)
            } else {
                #expect(artifact["uriBaseId"] == "%SRCROOT%")
                #expect(!uri.hasPrefix("/"))
            }
        }
        let builtIn = try #require(rules.first { $0["id"] as? String == "unknown-key" })
        #expect((builtIn["defaultConfiguration"] as? [String: String])?["level"] == "warning")
    }

    /// Findings a baseline accepted are counted in the run's property bag, and the log stays valid;
    /// without a baseline the run has no property bag.
    @Test func sarifRunCountsWhatTheBaselineAccepted() throws {
        var results = try ReporterFixture.results()
        results[0].baselineAccepted = 2
        results[results.count - 1].baselineAccepted += 3
        let options = ReporterFixture.options(color: false, showSource: false)
        let sarif = ReportFormat.sarif.reporter(options: options).report(results, rules: try ReporterFixture.ruleSet())
        #expect(try Self.validateSARIF(sarif).status == 0)
        let run = try #require((try Self.jsonObject(sarif)["runs"] as? [[String: Any]])?.first)
        #expect((run["properties"] as? [String: Int])?["baselineAccepted"] == 5)
        let plain = try #require((try Self.jsonObject(try ReporterGoldenTests.render(.sarif))["runs"] as? [[String: Any]])?.first)
        #expect(plain["properties"] == nil)
    }

    @Test func rdjsonlLinesHaveReviewdogShapeAndByteColumns() throws {
        let results = try ReporterFixture.results()
        let lines = try ReporterGoldenTests.render(.rdjsonl).split(separator: "\n")
        #expect(lines.count == 7)
        let profile = results[0].file
        for line in lines {
            let object = try Self.jsonObject(String(line))
            #expect(object["message"] is String)
            #expect(["ERROR", "WARNING", "INFO"].contains(object["severity"] as? String ?? ""))
            #expect((object["code"] as? [String: Any])?["value"] is String)
            let location = try #require(object["location"] as? [String: Any])
            let path = try #require(location["path"] as? String)
            let range = try #require(location["range"] as? [String: [String: Int]])
            let start = try #require(range["start"])
            let end = try #require(range["end"])
            #expect((start["line"] ?? 0) >= 1 && (start["column"] ?? 0) >= 1)
            #expect((end["line"] ?? 0, end["column"] ?? 0) >= (start["line"] ?? 0, start["column"] ?? 0))
            guard path == "profiles/café studio.yaml", (object["code"] as? [String: Any])?["value"] as? String == "title-keywords" else { continue }
            // Byte columns: the line's bytes before the column spell the text before "YouTube SEO".
            let lineText = Array(profile.lineText(start["line"] ?? 0).utf8)
            let flagged = lineText[(start["column"] ?? 1) - 1..<(end["column"] ?? 1) - 1]
            #expect(String(decoding: flagged, as: UTF8.self) == "YouTube SEO")
        }
    }

    @Test func jsonHasTheDocumentedShapeAndConsistentPositions() throws {
        let results = try ReporterFixture.results()
        let document = try Self.jsonObject(try ReporterGoldenTests.render(.json))
        #expect(document["version"] as? Int == JSONReporter.schemaVersion)
        #expect((document["tool"] as? [String: String])?["name"] == "profilelint")
        let files = try #require(document["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String ?? "" } == results.map(\.file.path).sorted())
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary == ["errors": 2, "warnings": 3, "info": 2, "files": 3])
        for file in files {
            let source = try #require(results.first { $0.file.path == file["path"] as? String }?.file)
            for diagnostic in try #require(file["diagnostics"] as? [[String: Any]]) {
                for key in ["rule", "severity", "message", "field_path"] { #expect(diagnostic[key] is String, "\(key)") }
                let range = try #require(diagnostic["range"] as? [String: [String: Int]])
                for end in ["start", "end"] {
                    let position = try #require(range[end])
                    let offset = try #require(position["offset"])
                    let expected = source.position(ofByte: offset, unit: .scalars)
                    #expect(position["line"] == expected.line && position["column"] == expected.column)
                }
            }
        }
        let profile = try #require(files.first { $0["path"] as? String == "profiles/café studio.yaml" })
        #expect(profile["scores"] as? [String: Double] == ["completeness": 62.5, "keyword_coverage": 40, "niche_focus": 81.25])
        let diagnostics = try #require(profile["diagnostics"] as? [[String: Any]])
        let rate = try #require(diagnostics.first { $0["rule"] as? String == "rate-minimum" })
        let edit = try #require(((rate["fixes"] as? [[String: Any]])?.first?["edits"] as? [[String: Any]])?.first)
        #expect(edit["replacement"] as? String == "3")
    }
}
