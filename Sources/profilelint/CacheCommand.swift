import ArgumentParser
import Foundation
import ProfileLint

/// `profilelint cache dir|clean`: where the corpus statistics cache lives, and emptying it.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache", abstract: "Show or clear the corpus statistics and lint result cache.",
        discussion: """
        The cache is $PROFILELINT_CACHE_DIR, else $XDG_CACHE_HOME/profilelint, else ~/.cache/profilelint. \
        It holds corpus statistics (the oldest are removed past \(CorpusCache.maxTotalBytes >> 20) MiB) and \
        each linted profile's findings (the oldest removed past \(ResultCache.maxEntries) entries or \
        \(ResultCache.maxTotalBytes >> 20) MiB). Entries are rebuilt when needed; --no-cache skips both.

        Examples:
          profilelint cache dir
          profilelint cache clean
        """,
        subcommands: [Directory.self, Clean.self])

    struct Directory: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "dir", abstract: "Print the cache directory.")

        func run() throws {
            try StandardOutput.write(CorpusCache.defaultDirectory(environment: ProcessEnvironment.variables) + "\n")
        }
    }

    struct Clean: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clean", abstract: "Remove every cache entry (other files in the directory are left alone).")

        func run() throws {
            let directory = CorpusCache.defaultDirectory(environment: ProcessEnvironment.variables)
            let corpus = CorpusCache(directory: directory).clean()
            let results = ResultCache(directory: directory).clean()
            let patterns = HyphenationCache(directory: directory).clean()
            let removed = corpus.removed + results.removed + patterns.removed
            let bytes = corpus.bytes + results.bytes + patterns.bytes
            let size = ByteCountFormatter.string(fromByteCount: Int64(bytes), countStyle: .file)
            try StandardOutput.write("removed \(removed) cache \(removed == 1 ? "entry" : "entries") (\(size)) from \(directory)\n")
            let failures = corpus.failures + results.failures + patterns.failures
            if !failures.isEmpty {
                throw CLIError("cannot remove " + failures.map { "'\($0)'" }.joined(separator: ", "))
            }
        }
    }
}
