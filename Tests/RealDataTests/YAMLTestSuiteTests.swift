import Foundation
import Testing
@testable import ProfileModel

/// Every case of the official YAML test suite (`../shared/data/yaml-test-suite`, one
/// directory per case, `ID/in.yaml` or `ID/NN/in.yaml`, with an `error` file when the
/// document is invalid) run through the document loader.
@Suite struct YAMLTestSuiteTests {
    static let root = RealData.root.appendingPathComponent("../shared/data/yaml-test-suite").standardizedFileURL.path

    /// A case's id (`ID` or `ID/NN`), its bytes, and whether the suite calls it invalid.
    struct Case { var id: String; var bytes: [UInt8]; var invalid: Bool }

    static func cases() throws -> [Case] {
        let manager = FileManager.default
        var cases: [Case] = []
        for name in try manager.contentsOfDirectory(atPath: root).sorted() {
            let directory = (root as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let subcases = manager.fileExists(atPath: directory + "/in.yaml") ? [name]
                : try manager.contentsOfDirectory(atPath: directory).sorted().map { name + "/" + $0 }
            for id in subcases {
                let path = (root as NSString).appendingPathComponent(id)
                guard let data = manager.contents(atPath: path + "/in.yaml") else { continue }
                cases.append(Case(id: id, bytes: [UInt8](data), invalid: manager.fileExists(atPath: path + "/error")))
            }
        }
        return cases
    }

    /// Invalid documents the loader still accepts: none. libyaml lets 12 through (a `#`
    /// right after a token, lines of a quoted scalar or flow collection not indented past
    /// their key, `-` alone inside `[ ]`, a block scalar's leading empty lines with more
    /// spaces than its text); `YAMLPreScan` refuses them (`LoadingPreScanTests`).
    static let acceptedInvalid: Set<String> = []

    /// Valid documents libyaml refuses with a syntax error (its own deviations from the
    /// YAML 1.2 grammar: tabs as separation, `%YAML 1.1`-era directives, flow keys and
    /// empty keys it does not support). Every message is libyaml's, and libyaml alone
    /// (PyYAML 6.0.3's `CSafeLoader`, composing every document of the file) refuses each
    /// of them too: none is caused by the pre-scan or the converter. A new one fails the test.
    static let refusedValid: Set<String> = [
        "2JQS", "2LFX", "2SXE", "4ABK", "4MUZ/00", "4MUZ/01", "4MUZ/02", "58MP", "5MUD", "5T43",
        "6BCT", "6CA3", "6LVF", "6M2F", "7Z25", "8XYN", "96NN/00", "96NN/01", "9SA2", "A2M4",
        "BEC7", "CFD4", "DBG4", "DK3J", "DK95/00", "DK95/03", "DK95/04", "FP8R", "FRK4", "HM87/00",
        "HWV9", "K3WX", "M2N8/00", "M7A3", "MUS6/05", "MUS6/06", "NHX8", "NJ66", "NKF9", "Q5MG",
        "QT73", "R4YG", "S3PD", "SM9W/01", "UKK6/00", "UT92", "VJP3/01", "W4TN", "W5VH", "Y79Y/001",
        "Y79Y/010",
    ]

    /// Refusals of valid YAML that are profilelint's own policy: one document per file,
    /// and map keys that are text.
    static let policyMessages = [
        "a second YAML document starts here",
        "a map key must be text",
    ]

    @Test(.enabled(if: FileManager.default.fileExists(atPath: root), "the YAML test suite is not at ../shared/data/yaml-test-suite"))
    func everyCaseIsParsedOrRejectedWithALocation() throws {
        let cases = try Self.cases()
        #expect(cases.count == 402)
        #expect(cases.filter(\.invalid).count == 94)
        var accepted: Set<String> = []
        var refused: Set<String> = []
        for testCase in cases {
            let file = SourceFile(path: testCase.id + "/in.yaml", bytes: testCase.bytes)
            do {
                _ = try DocumentLoader.read(file, format: .yaml)
                if testCase.invalid { accepted.insert(testCase.id) }
            } catch {
                #expect(error.range.lowerBound >= 0 && error.range.upperBound <= testCase.bytes.count, "\(testCase.id)")
                #expect(!error.message.isEmpty, "\(testCase.id)")
                if !testCase.invalid, !Self.policyMessages.contains(where: error.message.contains) {
                    refused.insert(testCase.id)
                }
            }
        }
        #expect(accepted == Self.acceptedInvalid, "accepted invalid: \(accepted.sorted())")
        #expect(refused == Self.refusedValid, "refused valid: \(refused.sorted())")
    }
}
