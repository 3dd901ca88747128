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

    @Test func normalizesTerms() {
        #expect(Normalizer.normalizeTerm("Résumé") == "resume")
        #expect(Normalizer.normalizeTerm("RÉSUMÉ") == "resume")
        #expect(Normalizer.normalizeTerm("Ｒｅｓｕｍé") == "resume")
        #expect(Normalizer.normalizeTerm("client’s") == "client's")
        #expect(Normalizer.normalizeTerm("Node.JS") == "node.js")
        #expect(Normalizer.normalizeTerm("ﬁne-tuning") == "fine-tuning")
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
