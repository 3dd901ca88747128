import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// The profile loader: schema checks, the cleaned profile, and file-level problems.
@Suite struct LoadingProfileTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/loading")

    func fixture(_ name: String) throws -> SourceFile {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
        return SourceFile(path: name, bytes: Array(data))
    }

    func load(_ text: String, path: String = "p.yaml") -> (SourceFile, ProfileLoader.Outcome) {
        let file = SourceFile(path: path, text: text)
        return (file, ProfileLoader.load(file))
    }

    /// A canonical dump of a tree (keys, scalar types and texts), to compare YAML with JSON.
    func dump(_ node: Node) -> String {
        switch node.value {
        case .scalar(let scalar): "\(scalar.type):\(scalar.text.debugDescription)"
        case .list(let items): "[" + items.map(dump).joined(separator: ", ") + "]"
        case .map(let entries): "{" + entries.map { "\($0.key)=\(dump($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    @Test func completeProfileLoadsCleanInBothFormats() throws {
        let yaml = ProfileLoader.load(try fixture("complete.yaml"))
        let json = ProfileLoader.load(try fixture("complete.json"))
        #expect(yaml.diagnostics.isEmpty)
        #expect(json.diagnostics.isEmpty)
        let yamlProfile = try #require(yaml.profile)
        let jsonProfile = try #require(json.profile)
        #expect(dump(yamlProfile.root) == dump(jsonProfile.root))
        #expect(yamlProfile.root.map?.count == ProfileSchema.profile.fields.count)
        #expect(yamlProfile.sections.map(\.displayName) == ["profile", "specialized profile 1"])
        let skills = yamlProfile.general.values(at: try #require(FieldPath("skills[]")))
        #expect(skills.map { $0.node.string ?? "" } == ["Power BI", "SQL", "Python", "Financial Modeling", "Data Visualization"])
        #expect(skills.map(\.path) == ["skills[0]", "skills[1]", "skills[2]", "skills[3]", "skills[4]"])
    }

    @Test func wrongTypesAreReportedAndDropped() throws {
        let file = try fixture("bad-types.yaml")
        let outcome = ProfileLoader.load(file)
        let found = outcome.diagnostics.map { "\(file.start($0.range)) \($0.severity) [\($0.ruleID)] \($0.fieldPath): \($0.message)" }
        let expected = [
            "1:8 error [invalid-type] title: title must be text; found a list",
            "2:1 warning [unknown-key] overveiw: unknown key 'overveiw' in profile; did you mean 'overview'?",
            "6:5 error [invalid-type] skills[2]: skills must be a list of strings; item 3 is a map",
            "8:14 error [invalid-type] hourly_rate: hourly_rate must be a number or a map {amount, currency}; found a string (\"$45\"); write 45 without quotes or currency sign",
            "11:13 error [invalid-type] portfolio[0].skills: portfolio item 1: skills must be a list of strings; found a string; write the items as a list, such as [Power BI, Excel]",
            "12:5 warning [unknown-key] portfolio[0].colour: unknown key 'colour' in portfolio item 1 (known keys: title, description, role, skills, url, media)",
            "13:5 error [invalid-type] portfolio[1]: portfolio must be a list of maps; item 2 is a string",
            "14:32 error [invalid-type] availability.hours_per_week: availability: hours_per_week must be a number; found a string",
            "15:13 error [invalid-type] languages[0]: languages must be a list of maps or strings; item 1 is a list",
            "18:18 error [invalid-type] specialized_profiles[0].hourly_rate: specialized profile 1: hourly_rate must have an amount (a number)",
        ]
        #expect(found == expected)
        let rateFix = try #require(outcome.diagnostics.first { $0.fieldPath == "hourly_rate" }?.fixes.first)
        #expect(rateFix.edits.map { file.text($0.range) } == ["\"$45\""])
        #expect(rateFix.edits.map(\.replacement) == ["45"])
        // Rules see only the well-typed values.
        let profile = try #require(outcome.profile)
        #expect(dump(profile.root) == #"{skills=[a string:"SQL", a string:"Excel", a string:"Python"], portfolio=[{title=a string:"Sales dashboard"}], availability={badge=a boolean:"yes"}, languages=[], specialized_profiles=[{title=a string:"Excel Expert"}], video=null:""}"#)
        #expect(profile.sections.count == 2)
    }

    @Test func unknownKeysOfferARenameWhenItCannotCollide() throws {
        let (file, outcome) = load("overveiw: a\n\"skils\": [A]\ntitel: x\ntitle: y\n")
        let fixes = outcome.diagnostics.map { diagnostic in
            diagnostic.fixes.flatMap(\.edits).map { "\(file.text($0.range))->\($0.replacement)" }
        }
        #expect(fixes == [["overveiw->overview"], ["skils->skills"], []])
        #expect(outcome.diagnostics.first?.fixes.first?.description == "rename 'overveiw' to 'overview'")
    }

    @Test func jsonWrongTypes() throws {
        let (file, outcome) = load("{\n  \"skills\": \"SQL\",\n  \"availability\": {\"badge\": \"yes\"},\n  \"tittle\": \"x\"\n}", path: "p.json")
        let found = outcome.diagnostics.map { "\(file.start($0.range)) [\($0.ruleID)] \($0.message)" }
        #expect(found == [
            "2:13 [invalid-type] skills must be a list of strings; found a string",
            "3:29 [invalid-type] availability: badge must be true or false; found a string",
            "4:3 [unknown-key] unknown key 'tittle' in profile; did you mean 'title'?",
        ])
    }

    @Test func numericForms() throws {
        let (_, accepted) = load("hourly_rate: 85\nproject_catalog:\n  - price: 120.5\n  - price: {amount: 99, currency: EUR}\n")
        #expect(accepted.diagnostics.isEmpty)
        let (file, rejected) = load("hourly_rate: '85'\nspecialized_profiles:\n  - hourly_rate: 85 dollars\n")
        #expect(rejected.diagnostics.map { "\(file.start($0.range)) \($0.message)" } == [
            "1:14 hourly_rate must be a number or a map {amount, currency}; found a string (\"85\"); write 85 without quotes or currency sign",
            "3:18 specialized profile 1: hourly_rate must be a number or a map {amount, currency}; found a string",
        ])
    }

    @Test func parseProblemsBecomeParseErrors() {
        let cases: [(String, [UInt8], String)] = [
            ("p.yaml", [], "1:1 the file is empty; expected a map of profile fields"),
            ("p.json", Array("  \n".utf8), "1:1 the file is empty; expected a map of profile fields"),
            ("p.yaml", [0xEF, 0xBB, 0xBF], "1:1 the file is empty; expected a map of profile fields"),
            ("p.yaml", Array("# title: x\n".utf8), "1:1 the file holds only comments; expected a map of profile fields"),
            ("p.yaml", Array("title: x\nskills: [a\n".utf8), "3:1 syntax error: did not find expected ',' or ']' (while parsing a flow sequence at 2:9)"),
            ("p.yaml", Array("title: ok\n".utf8) + [0xC0, 0xAF], "2:1 invalid UTF-8: byte 0xC0 never occurs in UTF-8"),
        ]
        for (path, bytes, expected) in cases {
            let file = SourceFile(path: path, bytes: bytes)
            let outcome = ProfileLoader.load(file)
            #expect(outcome.profile == nil)
            #expect(outcome.diagnostics.map { "\(file.start($0.range)) \($0.message)" } == [expected])
            #expect(outcome.diagnostics.map(\.ruleID) == ["parse-error"])
            #expect(outcome.diagnostics.map(\.severity) == [.error])
        }
    }

    @Test func sizeLimitIsAParameter() {
        let file = SourceFile(path: "p.yaml", text: "title: " + String(repeating: "x", count: 200) + "\n")
        let outcome = ProfileLoader.load(file, limits: LoadLimits(maxBytes: 100))
        #expect(outcome.diagnostics.map(\.message) == ["the file is 208 bytes; the limit is 100 bytes"])
        #expect(outcome.diagnostics.map(\.ruleID) == ["parse-error"])
        #expect(ProfileLoader.load(file).diagnostics.isEmpty)
    }

    @Test func rootMustBeAMap() {
        let (file, outcome) = load("- title: x\n")
        #expect(outcome.profile == nil)
        #expect(outcome.diagnostics.map { "\(file.start($0.range)) [\($0.ruleID)] \($0.message)" } == ["1:1 [invalid-type] a profile must be a map of fields, not a list"])
    }

    @Test func duplicateKeysKeepTheFirstAndStillLoad() throws {
        let (file, outcome) = load("title: First\nskills: [A]\ntitle: Second\n")
        #expect(outcome.diagnostics.map { "\(file.start($0.range)) [\($0.ruleID)] \($0.message)" } == ["3:1 [duplicate-key] duplicate key 'title' (first defined at 1:1)"])
        #expect(outcome.diagnostics.first?.notes.first.map { file.start($0.range ?? ByteRange(0, 0)) } == "1:1")
        #expect(outcome.diagnostics.first?.fieldPath == "title")
        let (nestedFile, nested) = load("portfolio:\n  - title: a\n  - title: b\n    url: x\n    title: c\n")
        #expect(nested.diagnostics.map { "\(nestedFile.start($0.range)) \($0.fieldPath)" } == ["5:5 portfolio[1].title"])
        let profile = try #require(outcome.profile)
        #expect(profile.root["title"]?.string == "First")
        #expect(profile.root.map?.count == 2)
    }

    @Test func listItemsOfEitherShapeAreNamedByTheirRecord() {
        let (file, outcome) = load("languages:\n  - English\n  - {name: [French], level: Native, dialect: x}\n")
        #expect(outcome.diagnostics.map { "\(file.start($0.range)) [\($0.ruleID)] \($0.fieldPath): \($0.message)" } == [
            "3:12 [invalid-type] languages[1].name: language 2: name must be text; found a list",
            "3:37 [unknown-key] languages[1].dialect: unknown key 'dialect' in language 2 (known keys: name, level)",
        ])
        #expect(outcome.profile?.root["languages"]?.list?.count == 2)
    }

    @Test func mergeKeysAndComplexKeys() {
        let (file, merged) = load("base: &base {title: X}\n<<: *base\n")
        #expect(merged.diagnostics.map { "\(file.start($0.range)) [\($0.ruleID)] \($0.message)" }.last
            == "2:1 [unknown-key] unknown key '<<' in profile (known keys: title, overview, skills, hourly_rate, portfolio, employment, education, certifications, languages, availability, video, photo, project_catalog, specialized_profiles)")
        let (complexFile, complex) = load("? [a, b]\n: x\n")
        #expect(complex.diagnostics.map { "\(complexFile.start($0.range)) [\($0.ruleID)] \($0.message)" } == ["1:1 [parse-error] a map key must be text; lists, maps and aliases cannot be keys"])
    }

    @Test func nullValuesAreNotTypeErrors() throws {
        let (_, outcome) = load("title:\nvideo: ~\nskills: [A]\navailability: {badge: null}\n")
        #expect(outcome.diagnostics.isEmpty)
        let root = try #require(outcome.profile?.root)
        #expect(root.map?.map(\.key) == ["title", "video", "skills", "availability"])
        #expect(root["title"]?.scalar?.type == .null)
        #expect(root["availability"]?["badge"]?.scalar?.type == .null)
    }
}

/// Numbers that hold no amount are located errors, not values rules compare silently.
@Suite struct LoadingNonFiniteNumberTests {
    @Test func nanInfinityAndOverlongNumbersAreReported() throws {
        let digits = String(repeating: "9", count: 400)
        let text = "hourly_rate: .nan\navailability: {hours_per_week: .inf}\nspecialized_profiles:\n  - title: A\n    hourly_rate: {amount: \(digits)}\n"
        let outcome = ProfileLoader.load(SourceFile(path: "p.yaml", text: text))
        let found = outcome.diagnostics.map { "\($0.ruleID) \($0.fieldPath): \($0.message)" }
        #expect(found == [
            "invalid-type hourly_rate: hourly_rate must be a finite number; found .nan",
            "invalid-type availability.hours_per_week: availability: hours_per_week must be a finite number; found .inf",
            "invalid-type specialized_profiles[0].hourly_rate.amount: specialized profile 1: hourly_rate: amount must be a finite number; found 99999999999999999999… (400 characters)",
            "invalid-type specialized_profiles[0].hourly_rate: specialized profile 1: hourly_rate must have an amount (a number)",
        ])
    }

    @Test func schemaShapesByValuePath() {
        #expect(ProfileSchema.shape(atValuePath: "employment[0].from").map { "\($0)" } == "date")
        #expect(ProfileSchema.shape(atValuePath: "specialized_profiles[1].hourly_rate.amount").map { "\($0)" } == "number")
        #expect(ProfileSchema.shape(atValuePath: "languages[0].name").map { "\($0)" } == "text")
        #expect(ProfileSchema.shape(atValuePath: "skills[3]").map { "\($0)" } == "text")
        #expect(ProfileSchema.shape(atValuePath: "employment[0].colour") == nil)
        #expect(ProfileSchema.shape(atValuePath: "title[0]") == nil)
    }
}
