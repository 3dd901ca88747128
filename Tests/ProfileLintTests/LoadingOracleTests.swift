import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Scalar ranges checked against an independent YAML implementation: PyYAML's
/// pure-Python composer (pinned in scripts/requirements-test.txt) reports start and
/// end marks for every scalar. Its block scalars end after their trailing line
/// breaks and its nodes start at their anchor or tag, so those ends and starts are
/// left out; everything else must agree to the column.
@Suite struct LoadingOracleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Mark: Equatable, CustomStringConvertible {
        var line: Int
        var column: Int
        var description: String { "\(line):\(column)" }
    }

    struct OracleScalar {
        var style: String
        var value: String
        var start: Mark
        var end: Mark
    }

    func oracle(_ path: String) throws -> [OracleScalar] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.root.appendingPathComponent("scripts/oracles/yaml_marks.py").path, path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "the PyYAML oracle failed (run ./scripts/setup.sh --tests): \(errorText)")
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let start = try #require(object["start"] as? [Int])
            let end = try #require(object["end"] as? [Int])
            return OracleScalar(style: try #require(object["style"] as? String), value: try #require(object["value"] as? String),
                                start: Mark(line: start[0], column: start[1]), end: Mark(line: end[0], column: end[1]))
        }
    }

    /// Every scalar of the tree in document order (a key, then its value).
    func scalars(_ node: Node) -> [(text: String, range: ByteRange)] {
        switch node.value {
        case .scalar(let scalar): return [(scalar.text, node.range)]
        case .list(let items): return items.flatMap(scalars)
        case .map(let entries):
            return entries.flatMap { entry in
                [(entry.key, entry.keyRange)] + scalars(entry.value)
            }
        }
    }

    func compare(bytes: [UInt8], name: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("profilelint-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let expected = try oracle(path)
        let file = SourceFile(path: name, bytes: bytes)
        let root = try #require(try DocumentLoader.read(file, format: .yaml).root)
        let ours = scalars(root)
        try #require(ours.count == expected.count, "\(name): \(ours.count) scalars, PyYAML has \(expected.count)")
        var compared = 0
        for (mine, theirs) in zip(ours, expected) {
            #expect(mine.text == theirs.value, "\(name)")
            let start = file.position(ofByte: mine.range.lowerBound)
            let end = file.position(ofByte: mine.range.upperBound)
            let theirStartByte = file.byteOffset(line: theirs.start.line, column: theirs.start.column)
            let startsAtProperty = theirStartByte < bytes.count && [UInt8(ascii: "&"), UInt8(ascii: "!")].contains(bytes[theirStartByte])
            if !startsAtProperty {
                #expect(Mark(line: start.line, column: start.column) == theirs.start, "\(name): start of \(theirs.value.debugDescription)")
                compared += 1
            }
            if theirs.style != "|", theirs.style != ">" {
                #expect(Mark(line: end.line, column: end.column) == theirs.end, "\(name): end of \(theirs.value.debugDescription)")
                compared += 1
            }
        }
        #expect(compared > ours.count, "\(name): too few marks compared")
    }

    /// Every segment of every scalar's span map stands verbatim in the source, and
    /// every non-empty scalar has segments (the scanner reproduced libyaml's text).
    @Test(arguments: ["styles.yaml", "complete.yaml", "bad-types.yaml", "complete.json"])
    func spanSegmentsAreVerbatim(fixture: String) throws {
        let url = Self.root.appendingPathComponent("Tests/Fixtures/loading").appendingPathComponent(fixture)
        let file = SourceFile(path: fixture, bytes: Array(try Data(contentsOf: url)))
        let root = try #require(try DocumentLoader.read(file, format: DocumentFormat(path: fixture)).root)
        var checked = 0
        func visit(_ node: Node) {
            switch node.value {
            case .scalar(let scalar):
                let value = Array(scalar.text.utf8)
                if !value.isEmpty {
                    #expect(!scalar.spans.segments.isEmpty, "\(fixture): no segment for \(scalar.text.debugDescription)")
                }
                for segment in scalar.spans.segments {
                    let source = file.bytes[segment.sourceOffset..<segment.sourceOffset + segment.length]
                    #expect(source.elementsEqual(value[segment.valueOffset..<segment.valueOffset + segment.length]))
                    #expect(segment.sourceOffset >= scalar.spans.whole.lowerBound && segment.sourceOffset + segment.length <= scalar.spans.whole.upperBound)
                    checked += 1
                }
            case .list(let items): items.forEach(visit)
            case .map(let entries): entries.forEach { visit($0.value) }
            }
        }
        visit(root)
        #expect(checked > 15)
    }

    @Test(arguments: ["styles.yaml", "complete.yaml", "bad-types.yaml"])
    func scalarRangesMatchPyYAML(fixture: String) throws {
        let url = Self.root.appendingPathComponent("Tests/Fixtures/loading").appendingPathComponent(fixture)
        let bytes = Array(try Data(contentsOf: url))
        try compare(bytes: bytes, name: fixture)
        // The same document with CRLF line ends must give the same lines and columns.
        var crlf: [UInt8] = []
        for byte in bytes {
            if byte == 0x0A { crlf.append(0x0D) }
            crlf.append(byte)
        }
        try compare(bytes: crlf, name: "crlf-" + fixture)
    }
}
