import Foundation
import Testing

/// `suggest --format json` follows `schemas/suggest-output.schema.json`, and every key is
/// snake_case like the other JSON outputs (`lint --format json`'s `field_path`).
@Suite struct SuggestJSONTests {
    static let schema = CLI.root.appendingPathComponent("schemas/suggest-output.schema.json").path

    /// Every key of `value`, at any depth, with its path.
    static func keys(_ value: Any, at path: String = "") -> [String] {
        if let map = value as? [String: Any] {
            return map.flatMap { key, child in ["\(path).\(key)"] + keys(child, at: "\(path).\(key)") }
        }
        if let list = value as? [Any] { return list.flatMap { keys($0, at: path + "[]") } }
        return []
    }

    /// jsonschema's errors for `document` (empty when valid).
    static func schemaErrors(_ document: String) throws -> String {
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        document = json.loads(sys.stdin.read())
        for error in jsonschema.Draft202012Validator(schema).iter_errors(document):
            print(list(error.absolute_path), error.message)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(document.utf8))
        try input.fileHandleForWriting.close()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 with jsonschema failed")
        return String(decoding: printed, as: UTF8.self)
    }

    @Test(arguments: [CorpusCLITests.dataAnalyst, "title: Beekeeping Consultant\nskills: [Beekeeping, Honey Production]\n"])
    func keysAreSnakeCaseAndTheSchemaHolds(profile: String) throws {
        let scratch = try CorpusCLITests.Scratch(profile: profile)
        defer { scratch.remove() }
        let run = try CLI.run(["suggest", scratch.profile, "--corpus", CorpusCLITests.exampleJobs, "--format", "json"],
                              environment: scratch.environment)
        #expect(run.status == 0, "\(run.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        let keys = Self.keys(document)
        #expect(keys.contains(".sections[].fit.corpus_posts") && keys.contains(".sections[].fit_size"))
        let camel = keys.filter { $0.split(separator: ".").last!.contains { $0.isUppercase } }
        #expect(camel.isEmpty, "camelCase keys: \(camel)")
        #expect(try Self.schemaErrors(run.stdout).isEmpty)
    }
}
