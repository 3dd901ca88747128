/// Tells profiles from other YAML and JSON files found while walking directories
/// (`package.json`, `docker-compose.yml`, CI workflows): a profile is a document whose top
/// level is a map with at least one key of the profile format (`title`, `overview`,
/// `skills`, ...). A file that does not parse counts as a profile, so a broken profile is
/// reported rather than skipped; `exclude:` is the way to leave such files out.
package enum ProfileDetector {
    package static func isProfile(_ file: SourceFile) -> Bool {
        let document: LoadedDocument
        do {
            document = try DocumentLoader.read(file, format: DocumentFormat(path: file.path))
        } catch {
            return true
        }
        guard let root = document.root else { return false }  // Empty: nothing to lint.
        guard let entries = root.map else { return false }
        let keys = Set(ProfileSchema.profile.keys)
        return entries.contains { keys.contains($0.key) }
    }
}
