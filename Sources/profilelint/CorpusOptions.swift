import ArgumentParser
import Foundation
import ProfileLint
import ProfileText

/// The job-post corpus options shared by `lint` and `suggest`.
struct CorpusOptions: ParsableArguments {
    @Option(name: .customLong("corpus"), help: ArgumentHelp("A job-post file or directory (repeatable).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .customLong("column"),
            help: ArgumentHelp("Read a post field from another column, as FIELD=COLUMN (repeatable; like the config's column_map).",
                               valueName: "field=column"))
    var columns: [String] = []

    @Flag(name: .customLong("no-cache"), help: "Do not read or write the corpus statistics cache.")
    var noCache = false

    /// The `--column` pairs as a map; a malformed pair is a usage error.
    func columnMap() throws -> [String: String] {
        var map: [String: String] = [:]
        for pair in columns {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--column expects FIELD=COLUMN, got '\(pair)'")
            }
            map[parts[0]] = parts[1]
        }
        return map
    }
}
