import Foundation
import ProfileModel

/// Finding corpus files and reading their bytes.
extension CorpusLoader {
    /// The corpus files under `paths`, sorted: a file is taken as is (its extension must be a
    /// corpus format); a directory is searched recursively for corpus files, skipping hidden
    /// entries (such as `.profilelint-cache`).
    package static func filePaths(_ paths: [String]) throws(CorpusError) -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CorpusError("corpus path '\(path)' does not exist")
            }
            if !isDirectory.boolValue {
                guard CorpusFormat(path: path) != nil else {
                    throw CorpusError("corpus file '\(path)' has an unsupported extension (use .yaml, .yml, .json, .jsonl, .ndjson, .csv, .tsv, .md or .txt)")
                }
                result.append(path)
                continue
            }
            switch DirectoryWalk.regularFiles(under: path, accept: { CorpusFormat(path: $0) != nil }) {
            case .unreadable(let directory): throw CorpusError("cannot read the corpus directory '\(directory)'")
            // Keep the user's spelling of the directory in reported paths.
            case .files(let found): result += found.map { (path as NSString).appendingPathComponent($0) }.sorted()
            }
        }
        return result
    }

    /// The size of the file at `path` in bytes (0 when it cannot be read: `read` reports that).
    static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Reads the files' bytes (in order); an unreadable file, or one over `maxFileBytes`
    /// (checked from its size before reading), is an error.
    package static func read(_ paths: [String], maxFileBytes: Int = CorpusFile.defaultMaxBytes) throws(CorpusError) -> [CorpusFile] {
        var files: [CorpusFile] = []
        for path in paths {
            switch BoundedRead.read(path: path, limit: maxFileBytes) {
            case .failure(let failure): throw CorpusError("cannot read corpus file '\(path)': \(failure.message)")
            case .success(.whole(let bytes)): files.append(CorpusFile(path: path, bytes: bytes))
            case .success(.tooLarge(let size)):
                throw CorpusError("corpus file '\(path)' is too large: \(BoundedRead.sizeMessage(size: size, limit: maxFileBytes))"
                                  + " (raise it with --corpus-max-file-mb)")
            }
        }
        return files
    }
}
