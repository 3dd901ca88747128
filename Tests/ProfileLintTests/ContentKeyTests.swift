import Testing
@testable import ProfileCorpus

/// The de-duplication key folds case and whitespace; its shortcut for scalars without a
/// lowercase mapping must agree with the mapping itself, or keys (and duplicates) would change.
@Suite struct ContentKeyTests {
    @Test func theLowercaseShortcutAgreesWithTheMappingForEveryScalar() {
        var disagreeing: [UInt32] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let differs = scalar.properties.lowercaseMapping != String(Character(scalar))
            if ContentKey.lowercaseDiffers(scalar) != differs { disagreeing.append(value) }
        }
        #expect(disagreeing.isEmpty, "scalars: \(disagreeing.prefix(10).map { String($0, radix: 16) })")
    }

    @Test func keysIgnoreCaseAndWhitespaceButNotWords() {
        func key(_ title: String, _ description: String) -> ContentKey {
            ContentKey(JobPost(title: title, description: description, location: PostLocation(path: "jobs.csv", line: 2)))
        }
        #expect(key("ÉCOLE  Design", "Logo\tand Ｂrand") == key("école design ", "logo and ｂrand "))
        #expect(key("Straße – Shop", "ΣΟΦΙΑ’s menu") == key("straße – shop", "σοφια’s MENU"))
        #expect(key("Logo design", "brand") != key("Logo design", "brands"))
        #expect(key("Logo", "design brand") != key("Logo design", "brand"), "title and description stay apart")
    }
}
