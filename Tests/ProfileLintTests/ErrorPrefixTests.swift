import Testing
@testable import ProfileCorpus
@testable import ProfileLint

/// Library errors carry their message alone; only the command line prefixes
/// `profilelint: error:`, so the editor does not show the prefix twice.
@Suite struct ErrorPrefixTests {
    @Test func libraryErrorsCarryNoCommandLinePrefix() {
        #expect(throws: CorpusError.self) { try CorpusLoader.filePaths(["/no/such/corpus"]) }
        do {
            _ = try CorpusLoader.filePaths(["/no/such/corpus"])
        } catch {
            #expect(error.description == "corpus path '/no/such/corpus' does not exist")
            #expect(LintSetupError.corpus(error).description == error.description)
            #expect(!LintSetupError.corpus(error).isLocated)
        }
        #expect(LintSetupError.usage("no profiles").description == "no profiles")
        #expect(FileWriteError(path: "out.txt", reason: "disk full").description == "cannot write 'out.txt': disk full")
    }
}
