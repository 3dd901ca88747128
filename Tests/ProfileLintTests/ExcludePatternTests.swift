import Foundation
import Testing
@testable import ProfileLint
@testable import ProfileModel

@Suite struct ExcludePatternTests {
    func excluded(_ patterns: [String], _ path: String, directory: Bool = false) throws -> Bool {
        ExcludeRules(base: "/base", patterns: try patterns.map { try ExcludePattern($0) })
            .excludes("/base/" + path, isDirectory: directory)
    }

    @Test func nameWithoutSlashMatchesAtAnyDepth() throws {
        #expect(try excluded(["draft-*.yaml"], "draft-1.yaml"))
        #expect(try excluded(["draft-*.yaml"], "a/b/draft-2.yaml"))
        #expect(try !excluded(["draft-*.yaml"], "final.yaml"))
        #expect(try excluded(["node_modules"], "web/node_modules/x/p.yaml"))
    }

    @Test func slashAnchorsAtTheBase() throws {
        #expect(try excluded(["/old.yaml"], "old.yaml"))
        #expect(try !excluded(["/old.yaml"], "sub/old.yaml"))
        #expect(try excluded(["docs/*.yml"], "docs/a.yml"))
        #expect(try !excluded(["docs/*.yml"], "x/docs/a.yml"))
        #expect(try !excluded(["docs/*.yml"], "docs/sub/a.yml"))  // `*` stays within a component
    }

    @Test func doubleStarSpansDirectories() throws {
        #expect(try excluded(["**/drafts"], "drafts/a.yaml"))
        #expect(try excluded(["**/drafts"], "x/y/drafts/a.yaml"))
        #expect(try excluded(["archive/**"], "archive/2020/a.yaml"))
        #expect(try !excluded(["archive/**"], "other/archive.yaml"))
        #expect(try excluded(["a/**/b.yaml"], "a/b.yaml"))
        #expect(try excluded(["a/**/b.yaml"], "a/x/y/b.yaml"))
    }

    @Test func trailingSlashMatchesDirectoriesOnly() throws {
        #expect(try excluded(["drafts/"], "drafts/a.yaml"))
        #expect(try excluded(["drafts/"], "drafts", directory: true))
        #expect(try !excluded(["drafts/"], "drafts"))  // a file named drafts
    }

    @Test func negationIncludesAgainButNotInsideAnExcludedDirectory() throws {
        #expect(try !excluded(["*.yaml", "!keep.yaml"], "keep.yaml"))
        #expect(try excluded(["*.yaml", "!keep.yaml"], "other.yaml"))
        #expect(try excluded(["drafts/", "!drafts/keep.yaml"], "drafts/keep.yaml"))
    }

    @Test func characterSetsAndEscapes() throws {
        #expect(try excluded(["v[0-9].yaml"], "v1.yaml"))
        #expect(try !excluded(["v[!0-9].yaml"], "v1.yaml"))
        #expect(try excluded(["v[!0-9].yaml"], "vx.yaml"))
        #expect(try excluded(["\\*.yaml"], "*.yaml"))
        #expect(try !excluded(["\\*.yaml"], "a.yaml"))
    }

    @Test func pathsOutsideTheBaseAreNeverExcluded() throws {
        let rules = ExcludeRules(base: "/base", patterns: [try ExcludePattern("*.yaml")])
        #expect(!rules.excludes("/elsewhere/a.yaml", isDirectory: false))
        #expect(!rules.excludes("/basement/a.yaml", isDirectory: false))
    }

    @Test func invalidPatternsSayWhy() {
        for (pattern, reason) in [("[abc", "not closed"), ("a**b", "whole path component"), ("", "must name"),
                                  ("!", "must name"), ("a//b", "'//'"), ("a\\", "end with")] {
            #expect {
                try ExcludePattern(pattern)
            } throws: { error in
                (error as? ExcludePattern.Invalid)?.reason.contains(reason) == true
            }
        }
    }

    @Test func configurationExcludeIsLocatedWhenInvalid() throws {
        let file = SourceFile(path: ".profilelint.yml", text: "exclude:\n  - drafts/\n  - \"[x\"\n")
        #expect {
            try ConfigLoader.load(file)
        } throws: { error in
            let error = error as! RuleFileError
            return error.description.hasPrefix(".profilelint.yml:3:5: error: exclude pattern '[x' is not valid")
        }
        let valid = try ConfigLoader.load(SourceFile(path: "cfg/.profilelint.yml", text: "exclude: drafts/\n"))
        #expect(valid.exclude.map(\.written) == ["drafts/"])
        #expect(valid.excludeRules.excludes("cfg/drafts/a.yaml", isDirectory: false))
    }
}

@Suite struct ProfileDetectorTests {
    func isProfile(_ path: String, _ text: String) -> Bool {
        ProfileDetector.isProfile(SourceFile(path: path, text: text))
    }

    @Test func aMapWithAProfileKeyIsAProfile() {
        #expect(isProfile("p.yaml", "title: Data Analyst\n"))
        #expect(isProfile("p.json", #"{"skills": ["SQL"], "extra": 1}"#))
        #expect(isProfile("p.yaml", "overview: text\nunknown_key: 1\n"))
    }

    @Test func otherYAMLAndJSONAreNot() {
        #expect(!isProfile("package.json", #"{"name": "x", "version": "1.0.0", "scripts": {}}"#))
        #expect(!isProfile("docker-compose.yml", "services:\n  web:\n    image: nginx\n"))
        #expect(!isProfile("ci.yml", "name: ci\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n"))
        #expect(!isProfile("list.yaml", "- title\n- overview\n"))
        #expect(!isProfile("empty.yaml", "# nothing\n"))
    }

    @Test func aFileThatDoesNotParseIsLintedSoItsErrorIsSeen() {
        #expect(isProfile("broken.yaml", "title: [unclosed\n"))
    }

    /// Documents whose first lines look like a profile key to a quick scan but may not be.
    static let lookalikes: [(String, String)] = [
        ("p.yaml", "title: Data Analyst\n"), ("p.yaml", "# a comment\n\ntitle:\n  nested: 1\n"),
        ("p.yaml", "skills:\r\n- SQL\r\n"), ("p.yaml", "  title: indented\n"), ("p.yaml", "---\ntitle: x\n"),
        ("p.yaml", "--- |\ntitle: a block scalar\n"), ("p.yaml", "\"quoted\ntitle: x\"\n"), ("p.yaml", "[\ntitle: x\n]\n"),
        ("p.yaml", "# c\r\"multi\ntitle: x\"\n"), ("p.yaml", "# c\u{2028}\"multi\ntitle: x\"\n"),
        ("p.yaml", "title:x\n"), ("p.yaml", "title : x\n"), ("p.yaml", "\u{FEFF}title: x\n"), ("p.yaml", "name: x\ntitle: y\n"),
        ("p.yaml", "title: [unclosed\n"), ("p.yaml", "%YAML 1.1\n---\ntitle: x\n"), ("p.yaml", "\ttitle: x\n"),
        ("p.json", #"{"title": "x"}"#), ("p.json", #" { "skills" : [] , "name": 1}"#), ("p.json", #"{"ti\u0074le": "x"}"#),
        ("p.json", #"["title", {"title": 1}]"#), ("p.json", #"{"name": {"title": 1}}"#), ("p.json", #"{"title" "x"}"#),
        ("p.json", #"{"title": "#),
    ]

    /// The quick scan answers only when it is sure: wherever it says "profile", parsing says
    /// so too, on the lookalikes and on random cuts and byte changes of them.
    @Test func theQuickScanNeverContradictsTheParse() {
        var generator = SystemRandomNumberGenerator()
        var documents = Self.lookalikes.map { ($0.0, Array($0.1.utf8)) }
        for (path, bytes) in documents {
            for _ in 0..<40 {
                var changed = bytes
                if Bool.random(using: &generator), !changed.isEmpty {
                    changed.removeSubrange(Int.random(in: 0..<changed.count, using: &generator)...)
                } else if !changed.isEmpty {
                    changed[Int.random(in: 0..<changed.count, using: &generator)] = [UInt8]("\n\r#:\" \t-{[".utf8).randomElement(using: &generator)!
                }
                documents.append((path, changed))
            }
        }
        var sure = 0
        for (path, bytes) in documents {
            let file = SourceFile(path: path, bytes: bytes)
            guard ProfileDetector.opensWithProfileKey(bytes, format: DocumentFormat(path: path)) else { continue }
            sure += 1
            #expect(ProfileDetector.parsesAsProfile(file), "\(path): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
        #expect(sure > 20, "the quick scan answers for the plain profiles")
        #expect(ProfileDetector.opensWithProfileKey(Array("# c\n\ntitle: x\n".utf8), format: .yaml))
        #expect(!ProfileDetector.opensWithProfileKey(Array("--- |\ntitle: x\n".utf8), format: .yaml))
        #expect(!ProfileDetector.opensWithProfileKey(Array("# c\r\"multi\ntitle: x\"\n".utf8), format: .yaml))
    }
}
