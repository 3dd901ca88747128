import Foundation
import PropertyBased
import Testing
import Yams
@testable import ProfileModel

/// `PlainScalarType` types every plain scalar as Yams' default resolver (its regular
/// expressions, which it replaces) does.
@Suite struct PlainScalarTypeTests {
    /// What Yams' `Resolver.default` makes of `text`, in profilelint's types.
    static func resolved(_ text: String) -> Scalar.ScalarType {
        switch Resolver.default.resolveTag(of: Yams.Node(text)) {
        case .null: .null
        case .bool: .boolean
        case .int: .integer
        case .float: .float
        default: .string
        }
    }

    /// Pieces of the numbers, booleans and nulls YAML 1.1 knows, their near misses, and the line
    /// ends after which the expressions' `$` still matches.
    static let pieces = ["0", "1", "5", "6", "7", "8", "9", "_", "+", "-", ".", ":", "e", "E", "b", "o", "x", "a", "F", "f",
                         "inf", "Inf", "nan", "NaN", "NAN", "INF", "true", "False", "yes", "NO", "on", "Off", "null", "Null",
                         "~", "<<", "=", " ", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "é",
                         "2026-11-28", "12:30:05", "0b", "0x", "0o", "1e", ".5", "-."]

    @Test func typesRandomTextsAsYamsDefaultResolverDoes() {
        var generator = Xoshiro(seed: (8, 13, 21, 34))
        var seen: [Scalar.ScalarType: Int] = [:]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let expected = Self.resolved(text)
            seen[expected, default: 0] += 1
            #expect(PlainScalarType.of(text) == expected, "\(text.debugDescription)")
        }
        // The texts reach every type, so each scanner is compared on texts it accepts.
        for type in [Scalar.ScalarType.string, .integer, .float, .boolean, .null] {
            #expect(seen[type, default: 0] >= 20, "only \(seen[type, default: 0]) texts resolve to \(type)")
        }
    }

    @Test func typesEveryShortTextOfNumberCharactersAsYamsDoes() {
        let alphabet = ["0", "1", "6", "9", "_", "+", "-", ".", ":", "e", "x", "b", "o", "\n"]
        var texts = [""]
        for _ in 0..<4 {
            texts = texts.flatMap { text in alphabet.map { text + $0 } }
            for text in texts { #expect(PlainScalarType.of(text) == Self.resolved(text), "\(text.debugDescription)") }
        }
    }

    @Test func typesTheValuesProfilesUse() {
        let cases: [(String, Scalar.ScalarType)] = [
            ("85", .integer), ("-3", .integer), ("0x1F", .integer), ("0o17", .integer), ("017", .integer), ("1_000", .integer),
            ("0b101", .integer), ("1:30", .integer), ("85.5", .float), ("1e3", .float), (".5", .float), ("-.inf", .float),
            (".NaN", .float), ("09", .float), ("1:30.5", .float), ("yes", .boolean), ("Off", .boolean), ("TRUE", .boolean),
            ("null", .null), ("~", .null), ("", .null), ("2026-11-28", .string), ("$85", .string), ("85 USD", .string),
            ("y", .string), ("n", .string), ("+.5", .string), ("1e", .string), ("0x", .string), ("1:60", .string),
        ]
        for (text, type) in cases {
            #expect(PlainScalarType.of(text) == type, "\(text.debugDescription)")
            #expect(Self.resolved(text) == type, "Yams disagrees on \(text.debugDescription)")
        }
    }
}
