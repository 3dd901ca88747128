import PropertyBased
import Testing
@testable import ProfileText

@Suite struct NormalizerTests {
    @Test func foldsWidthAndCase() {
        #expect(Normalizer.caseFold("Ｓｗｉｆｔ") == "swift")
        #expect(Normalizer.caseFold("SWIFT") == "swift")
        #expect(Normalizer.caseFold("ﬁle") == "file")
        #expect(Normalizer.caseFold("Straße") == "strasse")
        #expect(Normalizer.caseFold("") == "")
    }

    @Test func foldsAccentsAndKeepsCase() {
        #expect(Normalizer.foldAccents("résumé") == "resume")
        #expect(Normalizer.foldAccents("Ångström") == "Angstrom")
        #expect(Normalizer.foldAccents("naïve café") == "naive cafe")
        #expect(Normalizer.foldAccents("plain") == "plain")
        #expect(Normalizer.foldAccents("日本語") == "日本語")
    }

    /// Expected values are what ICU's transliterator "NFD; [:Nonspacing Mark:] Remove; NFC"
    /// gives, which the fold replaced: only nonspacing marks go, precomposed letters without a
    /// mark in their decomposition (Ø, Ł) and Hangul syllables stay, spacing marks stay.
    @Test func foldsAccentsAsTheTransliteratorDid() {
        #expect(Normalizer.foldAccents("Ø Łódź") == "Ø Łodz")
        #expect(Normalizer.foldAccents("Tiếng Việt") == "Tieng Viet")
        #expect(Normalizer.foldAccents("한국어") == "한국어")
        #expect(Normalizer.foldAccents("\u{939}\u{93F}\u{902}\u{926}\u{940}") == "\u{939}\u{93F}\u{926}\u{940}")
        #expect(Normalizer.foldAccents("\u{301}x") == "x")
        #expect(Normalizer.foldAccents("e\u{301}\u{327}") == "e")
        #expect(Normalizer.foldAccents("ﬁ Ⅸ") == "ﬁ Ⅸ")
        let long = String(repeating: "Crème brûlée, ", count: 200)
        #expect(Normalizer.foldAccents(long) == String(repeating: "Creme brulee, ", count: 200))
    }

    @Test func normalizesTerms() {
        #expect(Normalizer.normalizeTerm("Résumé") == "resume")
        #expect(Normalizer.normalizeTerm("RÉSUMÉ") == "resume")
        #expect(Normalizer.normalizeTerm("Ｒｅｓｕｍé") == "resume")
        #expect(Normalizer.normalizeTerm("client’s") == "client's")
        #expect(Normalizer.normalizeTerm("Node.JS") == "node.js")
        #expect(Normalizer.normalizeTerm("ﬁne-tuning") == "fine-tuning")
    }

    /// The ASCII shortcut of `caseFold` and `normalizeTerm` (lowercasing the bytes) gives what
    /// ICU's NFKC_Casefold gives: every ASCII character alone, and random ASCII texts.
    @Test func asciiShortcutEqualsICUCaseFolding() async {
        for byte in UInt8(0)..<0x80 {
            let text = String(UnicodeScalar(byte))
            #expect(Normalizer.asciiLowercased(text) == Normalizer.icuCaseFold(text), "byte \(byte)")
        }
        await propertyCheck(count: 2000, input: Gen<Character>.ascii.string(of: 0...40)) { text in
            let shortcut = Normalizer.asciiLowercased(text)
            #expect(shortcut != nil)
            #expect(shortcut == Normalizer.icuCaseFold(text), "\(text.debugDescription)")
            #expect(Normalizer.normalizeTerm(text) == Normalizer.icuCaseFold(text), "\(text.debugDescription)")
        }
    }

    @Test func isSafeFromManyThreads() async {
        let inputs = ["Résumé", "Ｓｗｉｆｔ", "naïve", "ÉCOLE", "Crème Brûlée"]
        let expected = inputs.map(Normalizer.normalizeTerm)
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<500).allSatisfy { index in
                        Normalizer.normalizeTerm(inputs[index % inputs.count]) == expected[index % inputs.count]
                    }
                }
            }
            for await allMatched in group { #expect(allMatched) }
        }
        #expect(expected == ["resume", "swift", "naive", "ecole", "creme brulee"])
    }
}
