import Foundation
import ProfileLint

/// Finds and reads the profiles named on the command line.
///
/// A file argument is linted whatever its extension and content (with `onlyProfiles`, it is
/// selected like a file found in a directory). A directory argument is searched recursively
/// for `*.yaml`, `*.yml` and `*.json`, in name order, skipping hidden entries (dot-files such
/// as `.profilelint.yml`, dot-directories such as `.git`), directories named `jobs` (the
/// job-post corpus conventionally lives there), symbolic links to directories (no loops),
/// what `ProfileSelection` excludes, and files that are not profiles (`ProfileDetector`).
/// A path that does not exist or cannot be read, or a directory holding no profile, is an
/// error (exit 2). A file named twice is linted once. Found paths are the
/// directory argument joined with the relative path (`.` adds no prefix).
enum ProfileFiles {
    static let extensions: Set<String> = ["yaml", "yml", "json"]
    static let skippedDirectoryNames: Set<String> = ["jobs"]

    static func collect(_ arguments: [String], selection: ProfileSelection,
                        onlyProfiles: Bool = false) throws(CLIError) -> [String] {
        var paths: [String] = []
        var seen = Set<String>()
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw CLIError("'\(argument)' does not exist" + commandHint(argument))
            }
            var found = [argument]
            if isDirectory.boolValue {
                var others = 0
                found = try search(argument, selection: selection, others: &others)
                if found.isEmpty { throw CLIError("no profile files (*.yaml, *.yml, *.json) in '\(argument)'" + othersHint(others)) }
            } else if onlyProfiles {
                if isSkippedByWalks(argument) {
                    found = []
                } else if try !selection.selects(read([argument])[0]) {
                    found = []
                }
            }
            for path in found where seen.insert(identity(path)).inserted {
                paths.append(path)
            }
        }
        return paths
    }

    /// Whether a directory walk would never reach `path`: it lies in a hidden directory or a
    /// `jobs` directory, or is a hidden file.
    private static func isSkippedByWalks(_ path: String) -> Bool {
        let components = path.split(separator: "/")
        let directories = components.dropLast()
        return components.contains { $0.hasPrefix(".") && $0 != "." && $0 != ".." }
            || directories.contains { skippedDirectoryNames.contains(String($0)) }
    }

    /// For a bare word such as `lnit` (the default command read it as a file): the commands there are.
    private static func commandHint(_ argument: String) -> String {
        guard !argument.contains("/"), !argument.contains(".") else { return "" }
        let names = ProfileLintCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
        return " and is not a command (" + names.joined(separator: ", ") + ")"
    }

    /// The absolute, symlink-free path: two spellings of one file share it.
    private static func identity(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Why a directory with YAML or JSON files still holds no profile.
    private static func othersHint(_ others: Int) -> String {
        guard others > 0 else { return "" }
        let files = others == 1 ? "the one YAML or JSON file there is" : "none of the \(others) YAML or JSON files there is"
        return "; \(files) a profile (a map with a profile key such as 'title', 'overview' or 'skills')"
    }

    /// The profiles under `directory`; `others` counts the YAML and JSON files that are not.
    private static func search(_ directory: String, selection: ProfileSelection, others: inout Int) throws(CLIError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw CLIError("cannot read directory '\(directory)'")
        }
        var found: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory == "." ? name : directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
                if isLink || skippedDirectoryNames.contains(name) { continue }
                if try selection.excludes(path, isDirectory: true) { continue }
                found += try search(path, selection: selection, others: &others)
            } else if extensions.contains((name as NSString).pathExtension.lowercased()),
                      try !selection.excludes(path, isDirectory: false) {
                if ProfileDetector.isProfile(try read([path])[0]) { found.append(path) } else { others += 1 }
            }
        }
        return found
    }

    /// The name standard input gets without `--stdin-filename`.
    static let standardInputName = "<stdin>"

    /// Standard input as the file `path` (default `<stdin>`), read up to the profile size
    /// limit; a read error or a larger input is an error.
    static func readStandardInput(as path: String?) throws(CLIError) -> SourceFile {
        let read = BoundedRead.read(descriptor: STDIN_FILENO, limit: LoadLimits.default.maxBytes)
        switch BoundedRead.sourceFile(named: path ?? standardInputName, read) {
        case .success(let file): return file
        case .failure(let failure): throw CLIError("cannot read standard input: \(failure.message)")
        }
    }

    /// The bytes of each path; a file over the profile size limit is left unread (the loader
    /// reports it); an unreadable file is an error.
    static func read(_ paths: [String]) throws(CLIError) -> [SourceFile] {
        var files: [SourceFile] = []
        for path in paths {
            switch BoundedRead.sourceFile(path: path) {
            case .success(let file): files.append(file)
            case .failure(let failure): throw CLIError("cannot read '\(path)': \(failure.message)")
            }
        }
        return files
    }
}
