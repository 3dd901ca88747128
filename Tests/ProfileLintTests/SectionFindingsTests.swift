import Dispatch
import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileModel
@testable import ProfileRules

/// A profile's sections checked on two threads find what one thread finds, and the memos they
/// share compute each value once.
@Suite struct SectionFindingsTests {
    /// What a finding says, comparable (`Finding` holds notes and fixes that are not `Equatable`).
    private static func summary(_ findings: [Finding]) -> [String] {
        findings.map { finding in
            let arguments = finding.arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return "\(finding.fieldPath) \(finding.range) \(finding.failure ?? "") \(arguments) notes \(finding.notes.count) fixes \(finding.fixes.count)"
        }
    }

    @Test(arguments: ["strong-profile.yaml", "weak-profile.yaml", "android-profile.json"])
    func sectionsOnTwoThreadsFindWhatOneThreadFinds(name: String) throws {
        let path = (ExampleCorpus.path as NSString).deletingLastPathComponent + "/" + name
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let profile = try #require(ProfileLoader.load(SourceFile(path: name, text: text)).profile)
        let rules = try RulePack.load([RulePack.builtIn])
        let ruleSet = try RuleSet(rules: rules.rules, skillAliases: rules.skillAliases)
        func found(workers: Int) throws -> [[String]] {
            // A corpus and a context of its own for each run: nothing memoized is shared.
            let corpus = try Corpus.load(paths: [ExampleCorpus.path])
            let context = LintContext(profile: profile, skillAliases: rules.skillAliases, corpus: corpus, fitCriterion: ruleSet.fitCriterion)
            let findings = SectionFindings(entries: ruleSet.entries, sections: profile.sections, context: context, workers: workers)
            return profile.sections.indices.flatMap { section in
                ruleSet.entries.indices.map { Self.summary(findings[section: section, entry: $0]) }.map { $0.joined(separator: "\n") }
            }
        }
        let serial = try found(workers: 1)
        #expect(serial.contains { !$0.isEmpty }, "the profile has findings")
        #expect(try found(workers: 2) == serial)
        if name == "strong-profile.yaml" { #expect(profile.sections.count > 1, "a profile with specialized sections") }
    }

    @Test func aSecondThreadWaitsForTheValueBeingComputed() {
        let inFlight = ComputationsInFlight<Int>()
        let memo = Memo()
        let values = Memo()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let value = inFlight.value(7, lookup: { memo.stored }, make: { () -> Int in
                memo.countMake()
                Thread.sleep(forTimeInterval: 0.05)  // long enough for the other threads to ask meanwhile
                return 42
            }, store: { memo.store($0) })
            values.store(value)
        }
        #expect(memo.makes == 1)
        #expect(values.all == [42, 42, 42, 42])
    }

    @Test func aValueNotKeptIsComputedAgainByTheNextThread() {
        let inFlight = ComputationsInFlight<String>()
        let memo = Memo()
        for _ in 0..<3 {
            _ = inFlight.value("k", lookup: { nil }, make: { memo.countMake(); return 1 }, store: { _ in })
        }
        #expect(memo.makes == 3)
    }

    /// A thread-safe record of calls and values.
    private final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Int?
        private var values: [Int] = []
        private var made = 0
        var stored: Int? { lock.withLock { value } }
        var makes: Int { lock.withLock { made } }
        var all: [Int] { lock.withLock { values } }
        func countMake() { lock.withLock { made += 1 } }
        func store(_ new: Int) { lock.withLock { value = new; values.append(new) } }
    }
}
