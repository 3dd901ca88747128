import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Broken input never crashes the loader: deterministic random edits of the
/// fixtures must load or fail with an error inside the file, and every range and
/// span segment must stay within the file and verbatim.
@Suite struct LoadingRobustnessTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/loading")

    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((value ^ (value >> 31)) % UInt64(bound))
        }
    }

    func checkTree(_ node: Node, file: SourceFile) {
        #expect(node.range.upperBound <= file.bytes.count)
        switch node.value {
        case .scalar(let scalar):
            let value = Array(scalar.text.utf8)
            for segment in scalar.spans.segments {
                #expect(segment.sourceOffset + segment.length <= file.bytes.count)
                #expect(segment.valueOffset + segment.length <= value.count)
                #expect(file.bytes[segment.sourceOffset..<segment.sourceOffset + segment.length]
                    .elementsEqual(value[segment.valueOffset..<segment.valueOffset + segment.length]))
            }
        case .list(let items): items.forEach { checkTree($0, file: file) }
        case .map(let entries):
            for entry in entries {
                #expect(entry.keyRange.upperBound <= file.bytes.count)
                checkTree(entry.value, file: file)
            }
        }
    }

    @Test(arguments: ["styles.yaml", "complete.yaml", "complete.json"])
    func randomEditsNeverCrash(fixture: String) throws {
        let original = Array(try Data(contentsOf: Self.fixtures.appendingPathComponent(fixture)))
        let inserts: [[UInt8]] = [":", " ", "  ", "\n", "\r\n", "\t", "-", "[", "]", "{", "}", "\"", "'", "\\", "#",
                                  "&a ", "*a", "|", ">", "|2", ">-", ",", "é", "😀", "\u{2028}"].map { Array($0.utf8) }
        var generator = Generator(state: UInt64(fixture.utf8.count))
        var loaded = 0
        var failed = 0
        var unscanned = 0
        for _ in 0..<200 {
            var bytes = original
            for _ in 0..<(1 + generator.next(3)) {
                let at = generator.next(bytes.count)
                switch generator.next(3) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(contentsOf: inserts[generator.next(inserts.count)], at: at)
                default: bytes[at] = inserts[generator.next(inserts.count)].first ?? 0x20
                }
            }
            let file = SourceFile(path: fixture, bytes: bytes)
            do {
                let document = try DocumentLoader.read(file, format: DocumentFormat(path: fixture))
                if let root = document.root { checkTree(root, file: file) }
                unscanned += document.unscannedScalars
                for problem in document.problems { #expect(problem.range.upperBound <= bytes.count) }
                loaded += 1
            } catch {
                #expect(error.range.upperBound <= bytes.count)
                #expect(!error.message.isEmpty)
                failed += 1
            }
            let outcome = ProfileLoader.load(file)
            #expect(outcome.profile != nil || outcome.diagnostics.contains { $0.severity == .error })
        }
        // The range scanner reproduced libyaml's text for every scalar of every variant.
        #expect(unscanned == 0)
        // The edits exercise both paths.
        #expect(loaded > 0)
        #expect(failed > 0)
    }
}
