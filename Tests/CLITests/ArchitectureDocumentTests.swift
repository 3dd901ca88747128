import Foundation
import Testing

/// docs/architecture.md draws the target graph "exactly as Package.swift declares it": this
/// keeps that sentence true by comparing every arrow in the document with the manifest.
@Suite struct ArchitectureDocumentTests {
    /// Each target's dependencies (targets, products, linked system libraries), from
    /// `swift package dump-package`, run with a scratch path of its own so it never waits on the
    /// build lock of the `swift test` that runs it.
    static func manifestGraph() throws -> [String: [String]] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dump-package-\(UUID())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "package", "--package-path", CLI.root.path, "--scratch-path", scratch.path, "dump-package"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let targets = try #require(manifest["targets"] as? [[String: Any]])
        var graph: [String: [String]] = [:]
        for target in targets {
            let name = try #require(target["name"] as? String)
            let dependencies = (target["dependencies"] as? [[String: [Any]]] ?? []).compactMap { $0.values.first?.first as? String }
            let libraries = (target["settings"] as? [[String: Any]] ?? []).compactMap { setting in
                ((setting["kind"] as? [String: Any])?["linkedLibrary"] as? [String: String])?["_0"]
            }
            graph[name] = dependencies + libraries
        }
        return graph
    }

    /// The arrows of the document's code blocks: `name ──▶ a, b, c (system libraries)`.
    static func documentGraph() throws -> [String: [String]] {
        let text = try String(contentsOf: CLI.root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        var graph: [String: [String]] = [:]
        for line in text.split(separator: "\n") {
            // The data-flow picture has several arrows per line and names with spaces: not a target.
            let sides = line.components(separatedBy: " ──▶ ")
            guard sides.count == 2 else { continue }
            let name = sides[0].trimmingCharacters(in: .whitespaces)
            guard !name.contains(" ") else { continue }
            let list = sides[1].replacingOccurrences(of: "(system libraries)", with: "")
            graph[name] = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return graph
    }

    @Test func documentDrawsEveryTargetWithExactlyItsDependencies() throws {
        let manifest = try Self.manifestGraph()
        let document = try Self.documentGraph()
        #expect(manifest.count >= 10, "dump-package listed \(manifest.count) targets")
        #expect(Set(document.keys) == Set(manifest.keys),
                "only in the manifest: \(Set(manifest.keys).subtracting(document.keys).sorted()); only in the document: \(Set(document.keys).subtracting(manifest.keys).sorted())")
        for (name, dependencies) in manifest {
            #expect(document[name].map(Set.init) == Set(dependencies), "\(name): document \(document[name] ?? []), manifest \(dependencies)")
        }
    }
}
