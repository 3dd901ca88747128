import Foundation
import PropertyBased
import Testing
@testable import ProfileText

/// The byte-based fast paths of `SkillAliases` (ASCII keys folded in one pass, their length
/// and suffix read from bytes, names trimmed only when they need it) against the
/// character-based reading they replaced, kept here as the oracle.
@Suite struct SkillAliasKeyOracleTests {
    /// The key reading before the fast paths.
    enum Reference {
        static func foldedKey(_ name: String) -> String {
            if let lowered = Normalizer.asciiLowercased(name) {
                let kept = lowered.utf8.filter { byte in
                    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                        || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "+")
                }
                return kept.count == lowered.utf8.count ? lowered : String(decoding: kept, as: UTF8.self)
            }
            var scalars = String.UnicodeScalarView()
            for scalar in Normalizer.normalizeTerm(name).unicodeScalars {
                let properties = scalar.properties
                if properties.isAlphabetic || properties.numericType != nil || scalar == "#" || scalar == "+" {
                    scalars.append(scalar)
                }
            }
            return String(scalars)
        }

        static func droppingJSSuffix(_ key: String) -> String {
            key.count > 2 && key.hasSuffix("js") ? String(key.dropLast(2)) : key
        }

        static func isShort(_ key: String) -> Bool {
            key.unicodeScalars.count <= 2 && !key.contains("#") && !key.contains("+")
        }

        static func trimmed(_ name: String) -> String {
            let scalars = name.unicodeScalars
            guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
                  let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
            return String(scalars[first...last])
        }

    }

    /// `SkillAliases.canonical(for:)` over tables built the old way (conflicts ignored: the
    /// tables compared are conflict-free).
    struct ReferenceTable {
        var byKey: [String: String] = [:], shortNames: [String: String] = [:]

        init(_ groups: [SkillAliases.Group]) {
            for group in groups {
                for name in [group.canonical] + group.aliases {
                    let trimmed = Reference.trimmed(name), folded = Reference.foldedKey(trimmed)
                    if folded.isEmpty { continue }
                    if Reference.isShort(folded) {
                        shortNames[trimmed] = shortNames[trimmed] ?? group.canonical
                    } else {
                        let key = Reference.droppingJSSuffix(folded)
                        byKey[key] = byKey[key] ?? group.canonical
                    }
                }
            }
        }

        func canonical(for tag: String) -> String? {
            let trimmed = Reference.trimmed(tag)
            if let canonical = shortNames[trimmed] { return canonical }
            let folded = Reference.foldedKey(trimmed)
            return Reference.isShort(folded) ? nil : byKey[Reference.droppingJSSuffix(folded)]
        }
    }

    /// The shipped alias table, read from `rules/skill-aliases.yml` (`Canonical: [alias, ...]`).
    static func shippedGroups() throws -> [SkillAliases.Group] {
        let text = try String(contentsOf: TestData.packageRoot.appendingPathComponent("rules/skill-aliases.yml"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> SkillAliases.Group? in
            guard !line.hasPrefix("#"), let colon = line.firstIndex(of: ":"), line.hasSuffix("]") else { return nil }
            let list = line[line.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " []"))
            return .init(canonical: String(line[..<colon]), aliases: list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
    }

    /// Pieces that reach every branch: case, `js` endings, `#`, `+`, ASCII and Unicode white
    /// space, accents, fullwidth letters, a prepended letter (U+0D4E) that joins the next
    /// character, combining marks, CR LF, digits of other scripts.
    static let pieces: [String] = [
        "a", "Z", "js", "JS", "j", "s", "#", "+", "c", "go", "R", ".", "-", "/", " ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}",
        "\u{85}", "\u{A0}", "\u{2003}", "\u{1C}", "é", "e\u{301}", "Ｐ", "ß", "\u{0D4E}", "\u{0345}", "\u{20E3}", "٣", "Ⅻ",
        "React", "Node", "Power BI", "C++", "ads", "google",
    ]
    static let names = Gen<String?>.element(of: pieces).array(of: 0...6).map { $0.compactMap { $0 }.joined() }

    @Test func keysEqualTheOldReadingOnRandomNames() async {
        await propertyCheck(count: 20_000, input: Self.names) { name in
            let old = Reference.droppingJSSuffix(Reference.foldedKey(name))
            #expect(SkillAliases.normalizedKey(name) == old, "\(name.debugDescription)")
        }
    }

    @Test func canonicalNamesEqualTheOldReadingOnRandomTags() async throws {
        let groups = try Self.shippedGroups()
        let aliases = try SkillAliases(groups), reference = ReferenceTable(groups)
        await propertyCheck(count: 20_000, input: Self.names) { tag in
            #expect(aliases.canonical(for: tag) == reference.canonical(for: tag), "\(tag.debugDescription)")
        }
    }

    /// Every name of the shipped table and every tag of both real corpora (each line's words
    /// and the line itself, padded and not) reads as before.
    @Test(arguments: ["jobs/four-tracks-2400.csv", "jobs/data-analyst-340.json"])
    func realNamesEqualTheOldReading(path: String) throws {
        let groups = try Self.shippedGroups()
        #expect(groups.count > 50)
        let aliases = try SkillAliases(groups), reference = ReferenceTable(groups)
        let text = try String(contentsOf: TestData.shared(path), encoding: .utf8)
        var names = Set(groups.flatMap { [$0.canonical] + $0.aliases })
        for line in text.split(separator: "\n").prefix(3_000) {
            for part in line.split(whereSeparator: { ",;\"|[]{}".contains($0) }) where part.count < 40 {
                names.insert(String(part))
                names.insert(" \(part)\t")
            }
        }
        #expect(names.count > 1_000)
        let differing = names.filter { name in
            SkillAliases.normalizedKey(name) != Reference.droppingJSSuffix(Reference.foldedKey(name))
                || aliases.canonical(for: name) != reference.canonical(for: name)
        }
        #expect(differing.isEmpty, "\(differing.count) differ: \(differing.prefix(10))")
    }
}
