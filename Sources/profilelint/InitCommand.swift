import ArgumentParser
import Foundation
import ProfileLint

/// `profilelint init`: a starter `profile.yaml` and `.profilelint.yml`, never over an existing file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write a starter profile.yaml and .profilelint.yml.",
        discussion: """
        Nothing is written when either file exists already (exit 2).

        Examples:
          profilelint init
          profilelint init --directory profiles/
        """)

    @Option(name: .customLong("directory"), help: ArgumentHelp("Where to write them: an existing directory.", valueName: "dir"),
            completion: .directory)
    var directory = "."

    static let profileName = "profile.yaml"

    static let profile = """
    # yaml-language-server: $schema=\(ProfileJSONSchema.url)
    # A starter profile: replace every value with your own, then run `profilelint lint`.
    # The format: docs/profile-format.md. Every key is optional; the rules say what is missing.
    title: Bookkeeper for Independent Online Shops
    overview: |
      I keep the books of small online shops so their owners know where the money goes.
      Last year I moved 12 shops from spreadsheets to cloud accounting and cut their month-end
      close from a week to two days. I reconcile sales platforms, payment processors and bank
      feeds, and send a plain-English summary each month.
    skills: [Bookkeeping, Bank Reconciliation, Xero, QuickBooks Online, Financial Reporting]
    hourly_rate: {amount: 35, currency: USD}
    languages:
      - {name: English, level: Fluent}
    availability: {hours_per_week: 20, badge: true}

    """

    static let settings = """
    # profilelint configuration: every key is explained in docs/configuration.md.
    profiles: [\(profileName)]        # what `profilelint lint` checks when given no files
    # corpus: [jobs/]                 # job posts to compare the profile with (CSV, JSON, JSON Lines, YAML)
    # exclude: [drafts/]              # gitignore-style patterns never linted when walking directories
    # rules:
    #   title-length: {max_characters: 60}
    #   video-suggested: off

    """

    func run() throws {
        guard PathGlob.isDirectory(directory) else { throw CLIError("'\(directory)' is not a directory") }
        let files = [(PathText.join(directory, Self.profileName), Self.profile),
                     (PathText.join(directory, Configuration.fileNames[0]), Self.settings)]
        let existing = files.map(\.0).filter { path in
            (try? FileManager.default.attributesOfItem(atPath: path)) != nil
        }
        guard existing.isEmpty else {
            throw CLIError(existing.map { "'\($0)'" }.joined(separator: " and ") + " already \(existing.count == 1 ? "exists" : "exist"); nothing was written")
        }
        var written: [String] = []
        for (path, text) in files {
            if let reason = Self.create(path, text) {
                for path in written { unlink(path) }  // Leave nothing half done.
                throw CLIError("cannot write '\(path)': \(reason); nothing was written")
            }
            written.append(path)
        }
        try StandardOutput.write("wrote \(written.joined(separator: " and ")); next: edit the profile, then run 'profilelint lint'\n")
    }

    /// Creates `path` only if nothing is there (O_EXCL, so a file that appears meanwhile is not
    /// replaced). Returns why it failed, or nil.
    static func create(_ path: String, _ text: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        let reason = AtomicFileWriter.writeAll(Array(text.utf8), to: descriptor)
        close(descriptor)
        if reason != nil { unlink(path) }
        return reason
    }
}
