import ArgumentParser
import ProfileLint

/// Tells a profile given to `--corpus` by mistake (`lint p.yaml --corpus p.yaml`): read as
/// one job post it would only give "no column is read as 'description'" and a one-post fit.
/// A file counts as a profile when its top level is a map with two or more keys that only a
/// profile has (`overview`, `portfolio`, `employment`, ...: profile keys no post field reads).
/// A list of profiles, or a table of freelancers, is a corpus like any other.
enum CorpusProfileCheck {
    /// Profile keys that name no post field.
    static let profileOnlyKeys = Set(ProfileSchema.profile.keys).subtracting(PostFieldMapper.fieldNames)

    /// The profile-only keys of `path` in file order when it is a YAML or JSON profile
    /// (at most the size a profile may have), else nil.
    static func profileKeys(of path: String) -> [String]? {
        guard ["yaml", "yml", "json"].contains(path.split(separator: ".").last.map { $0.lowercased() } ?? ""),
              case .success(.whole(let bytes)) = BoundedRead.read(path: path, limit: LoadLimits.default.maxBytes),
              let root = try? DocumentLoader.load(SourceFile(path: path, bytes: bytes), format: DocumentFormat(path: path)),
              let entries = root.map else { return nil }
        let keys = entries.map(\.key).filter(profileOnlyKeys.contains)
        return keys.count >= 2 ? keys : nil
    }

    /// Throws (a usage error) for the first of `paths` that is a profile, naming the keys that tell.
    static func refuseProfiles(_ paths: [String]) throws(ValidationError) {
        for path in paths {
            guard let keys = profileKeys(of: path) else { continue }
            let shown = keys.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
            throw ValidationError("--corpus '\(path)' is a profile (it has \(shown)), not job posts; give the profile as the file "
                + "to check and --corpus the job posts to compare it with (CSV, TSV, JSON, JSON Lines, YAML, Markdown or text files, or a directory of them)")
        }
    }
}
