import ProfileModel

/// Freelancer profiles found among corpus files (`lint --corpus .` in a directory that holds
/// the profiles too): read as job posts, a profile's title and skills would fit itself. A YAML
/// or JSON file whose document is one map with keys only a profile has (`overview`,
/// `portfolio`, `specialized_profiles`, ...) and no description column is skipped, and the
/// corpus's load issues say so once per group of files read (as ruff names what it skips).
enum ProfileFileCheck {
    /// The keys of the profile format that no post field is read from.
    static let profileOnlyKeys: Set<String> = {
        let postColumns = Set(PostFieldMapper.aliases.values.joined())
        return Set(ProfileSchema.profile.keys.filter { !postColumns.contains($0) })
    }()

    /// The profile-only keys of a file whose raw posts are `raws`, when it is a profile; nil
    /// when it is job posts.
    static func profileKeys(_ raws: [RawPost]) -> [String]? {
        guard raws.count == 1 else { return nil }
        let keys = Set(raws[0].fields.map { PostFieldMapper.normalizeKey($0.key) })
        let descriptions = Set(PostFieldMapper.aliases["description"] ?? [])
        let own = keys.intersection(profileOnlyKeys)
        guard !own.isEmpty, keys.isDisjoint(with: descriptions) else { return nil }
        return own.sorted()
    }

    /// One warning, at the first of `paths` (the profile files of a load, in file order).
    static func issue(_ paths: [(path: String, keys: [String])]) -> CorpusIssue? {
        guard let first = paths.first else { return nil }
        let keys = first.keys.prefix(2).map { "'\($0)'" }.joined(separator: " and ")
        let others = paths.count == 1 ? "" : " (and \((paths.count - 1).grouped) more profile \(paths.count == 2 ? "file" : "files"): "
            + paths.dropFirst().prefix(3).map { "'\($0.path)'" }.joined(separator: ", ") + (paths.count > 4 ? ", ..." : "") + ")"
        return CorpusIssue(PostLocation(path: first.path, line: 1),
                           "this is a freelancer profile (it has \(keys)), not job posts; skipped\(others). "
                               + "Give --corpus the job posts only (a directory or files of posts)")
    }
}
