import ArgumentParser
import Foundation
import ProfileLint

/// `profilelint cache dir|clean`: where the corpus statistics cache lives, and emptying it.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache", abstract: "Show or clear the corpus statistics cache.",
        discussion: """
        The cache is $PROFILELINT_CACHE_DIR, else $XDG_CACHE_HOME/profilelint, else ~/.cache/profilelint. \
        Entries are rebuilt when needed; the oldest are removed when the cache passes \
        \(CorpusCache.maxTotalBytes >> 20) MiB.
        """,
        subcommands: [Directory.self, Clean.self])

    struct Directory: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "dir", abstract: "Print the cache directory.")

        func run() throws {
            try StandardOutput.write(CorpusCache.defaultDirectory() + "\n")
        }
    }

    struct Clean: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clean", abstract: "Remove every cache entry (other files in the directory are left alone).")

        func run() throws {
            let cache = CorpusCache(directory: CorpusCache.defaultDirectory())
            let outcome = cache.clean()
            let size = ByteCountFormatter.string(fromByteCount: Int64(outcome.bytes), countStyle: .file)
            try StandardOutput.write("removed \(outcome.removed) cache \(outcome.removed == 1 ? "entry" : "entries") (\(size)) from \(cache.directory)\n")
            if !outcome.failures.isEmpty {
                throw CLIError("cannot remove " + outcome.failures.map { "'\($0)'" }.joined(separator: ", "))
            }
        }
    }
}
