import Foundation
import Testing
@testable import ProfileText

@Suite struct SyllableTests {
    @Test(arguments: [
        ("the", 1), ("cat", 1), ("table", 2), ("simple", 2), ("created", 3), ("hoped", 1), ("data", 2),
        ("developer", 4), ("experience", 4), ("management", 3), ("reliable", 3), ("about", 1),
        ("2024", 1), ("Python", 2), ("SCALABLE", 2), ("timeline", 2), ("various", 3), ("react", 2),
    ])
    func countsSyllables(word: String, expected: Int) {
        #expect(Syllables.count(word) == expected)
    }
}

@Suite struct ReadabilityTests {
    @Test func countsWordsAndSentencesLikeTextstat() {
        #expect(Readability.wordChunks("Node.js — C++ e-mail 50% !!") == ["Nodejs", "C", "email", "50"])
        #expect(Readability.sentenceCount("I use it every day. It is fast!") == 2)
        // textstat also ends a sentence inside `Node.js`: `I use Node.` has three words and counts.
        #expect(Readability.sentenceCount("I use Node.js every day. It is fast!") == 3)
        #expect(Readability.sentenceCount("Hi. Ok. This one counts.") == 1)
        #expect(Readability.sentenceCount("") == 0)
    }

    @Test func easyTextScoresHigherThanDenseText() throws {
        let easy = try #require(Readability.fleschReadingEase(
            "I fix bugs. I ship fast. You get a note each day.", hyphenator: nil))
        let dense = try #require(Readability.fleschReadingEase(
            "Comprehensive organizational transformation necessitates interdisciplinary collaboration.",
            hyphenator: nil))
        #expect(easy > 90)
        #expect(dense < 0)
        #expect(Readability.fleschReadingEase("") == nil)
        #expect(Readability.fleschReadingEase(" -- !! ") == nil)
        #expect(Readability.textstatRounded(1.0625, digits: 1) == 1.1)
        // textstat floors value + copysign(0.5, value): -804.6 - 0.5 floors to -806.
        #expect(Readability.textstatRounded(-8.046, digits: 2) == -8.06)
    }

    private struct OracleOutput: Decodable {
        var scores: [Double]
        var dictionary: String
    }

    /// The fixture texts and textstat 0.7.3's scores for them (run through the Python oracle).
    private func textstatScores() throws -> (texts: [String], output: OracleOutput) {
        let textsURL = TestData.local("oracles/readability-texts.json")
        let texts = try JSONDecoder().decode([String].self, from: Data(contentsOf: textsURL))
        let oracle = try runOracle("oracles/textstat_flesch.py", input: Data(contentsOf: textsURL))
        let output = try JSONDecoder().decode(OracleOutput.self, from: oracle)
        try #require(output.scores.count == texts.count)
        return (texts, output)
    }

    /// With the same hyphenation dictionary as textstat (pyphen's en_US), Flesch reading ease
    /// agrees with PyPI textstat 0.7.3 within 5 points on every fixture text.
    @Test func agreesWithTextstat() throws {
        let (texts, output) = try textstatScores()
        #expect(texts.count >= 10)
        let hyphenator = try Hyphenator(contentsOf: output.dictionary)
        var deltas: [Double] = []
        for (text, reference) in zip(texts, output.scores) {
            let score = try #require(Readability.fleschReadingEase(text, hyphenator: hyphenator))
            deltas.append(abs(score - reference))
            #expect(abs(score - reference) <= 5, "ours \(score), textstat \(reference): \(text.prefix(60))")
        }
        print("readability (dictionary) vs textstat: max Δ \(deltas.max() ?? 0), mean Δ \(mean(deltas))")
    }

    /// Without a dictionary the syllable heuristic estimates textstat's counts. Its error depends on
    /// which words a text uses (hyphenation patterns leave some common words whole, such as
    /// `project` or `python`), so this guards the measured accuracy rather than promising 5 points
    /// per text: mean Δ at most 4, each Δ at most 11 (measured: mean 3.6, max 10.4).
    @Test func heuristicStaysCloseToTextstat() throws {
        let (texts, output) = try textstatScores()
        var deltas: [Double] = []
        for (text, reference) in zip(texts, output.scores) {
            let score = try #require(Readability.fleschReadingEase(text, hyphenator: nil))
            deltas.append(abs(score - reference))
            #expect(abs(score - reference) <= 11, "ours \(score), textstat \(reference): \(text.prefix(60))")
        }
        #expect(mean(deltas) <= 4)
        print("readability (heuristic) vs textstat: max Δ \(deltas.max() ?? 0), mean Δ \(mean(deltas))")
    }

    private func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    private func runOracle(_ script: String, input: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestData.local(script).path]
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0,
                     "oracle failed (run ./scripts/setup.sh --tests): \(String(decoding: errors, as: UTF8.self))")
        return output
    }
}
