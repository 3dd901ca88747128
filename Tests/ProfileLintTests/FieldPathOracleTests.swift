import Foundation
import Testing
@testable import ProfileModel

/// `FieldPath(_:)` looks for stray brackets character by character; Foundation's
/// `contains("[")`, which it used before, is the oracle.
@Suite struct FieldPathOracleTests {
    static let pieces = ["a", "skills", ".", ".", "[", "]", "[]", "[\u{301}", "]\u{301}", "\u{301}", "é", "e\u{301}", "x", " ", "_", "2"]

    /// The path as the Foundation search read it: nil when malformed, else its components.
    static func reference(_ text: String) -> [FieldPath.Component]? {
        var components: [FieldPath.Component] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var key = Substring(part)
            var eachItem = false
            if key.hasSuffix("[]") {
                key = key.dropLast(2)
                eachItem = true
            }
            guard !key.isEmpty, !key.contains("["), !key.contains("]") else { return nil }
            components.append(FieldPath.Component(key: String(key), eachItem: eachItem))
        }
        return components
    }

    @Test func parsesAsTheFoundationSearchDid() {
        var random = RandomCorpus.Generator(state: 77)  // seeded: a failing path can be replayed
        var parsed = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let expected = Self.reference(text)
            #expect(FieldPath(text)?.components == expected, "\(text.debugDescription)")
            parsed += expected == nil ? 0 : 1
        }
        #expect(parsed > 2_000)
        #expect(FieldPath("a[\u{301}") != nil && FieldPath("a[b") == nil && FieldPath("skills[]")?.components.first?.eachItem == true)
    }
}
