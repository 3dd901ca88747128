import Foundation
import ProfileModel
import ProfileText

/// Reads skill alias files (`skill-aliases.yml` in a rule directory) into ProfileText's
/// `SkillAliases`. The file is a map from each canonical skill tag to a list of the other
/// names it goes by:
///
/// ```yaml
/// React: [React.js, ReactJS]
/// Google Ads: [Google AdWords, AdWords]
/// ```
///
/// Mistakes (not a map, an alias that is not a string, a name claimed by two skills,
/// also across files) are `RuleFileError`s located at the offending key or item.
package enum SkillAliasLoader {
    /// The alias file's name inside a rule directory.
    static let fileName = "skill-aliases.yml"
    /// The names an alias file may have (`.yml` or `.yaml`).
    package static let fileNames: Set<String> = [fileName, "skill-aliases.yaml"]

    /// One file's groups with where each name is written (for locating conflicts).
    struct ParsedFile {
        var file: SourceFile
        var groups: [SkillAliases.Group]
        /// For each group, the ranges of its canonical name and then of each alias.
        var ranges: [[ByteRange]]
    }

    /// The alias table of the alias files in `directories` (those that have one), in order.
    /// Nil when none of them has an alias file.
    package static func load(directories: [String]) throws(RuleFileError) -> SkillAliases? {
        let files = try RulePack.directories(directories).flatMap(\.files).filter(RulePack.isAliasFile)
        return files.isEmpty ? nil : try load(files)
    }

    /// The alias table of one or more alias files; later files add groups to earlier ones.
    package static func load(_ files: [SourceFile]) throws(RuleFileError) -> SkillAliases {
        var trees: [(file: SourceFile, root: Node?)] = []
        for file in files { trees.append((file, try RulePack.parse(file))) }
        return try load(parsed: trees)
    }

    /// The alias table of alias files already parsed (each `root` as `DocumentLoader` reads its file).
    static func load(parsed trees: [(file: SourceFile, root: Node?)]) throws(RuleFileError) -> SkillAliases {
        let files = trees.map(\.file)
        var parsed: [ParsedFile] = []
        for tree in trees { parsed.append(try parse(tree.file, root: tree.root)) }
        let groups = parsed.flatMap(\.groups)
        do {
            return try SkillAliases(groups)
        } catch {
            // Find the file and the place of the later claim.
            var index = error.secondGroup
            for part in parsed {
                if index < part.groups.count {
                    let group = part.groups[index]
                    let names = [group.canonical] + group.aliases
                    let position = names.firstIndex(of: error.name) ?? 0
                    let first = groups[error.firstGroup].canonical
                    throw RuleFileError(file: part.file, range: part.ranges[index][position],
                                        message: "skill name '\(error.name)' already belongs to '\(first)'; a name can be an alias of one skill only")
                }
                index -= part.groups.count
            }
            throw RuleFileError(file: files[0], range: ByteRange(0, 0), message: error.description)
        }
    }

    static func parse(_ file: SourceFile, root parsedRoot: Node?) throws(RuleFileError) -> ParsedFile {
        guard let root = parsedRoot else { return ParsedFile(file: file, groups: [], ranges: []) }
        guard let entries = root.map else {
            throw RuleFileError(file: file, range: root.range, message: "a skill alias file must be a map of canonical skill names to lists of aliases")
        }
        var result = ParsedFile(file: file, groups: [], ranges: [])
        for entry in entries {
            if isBlank(entry.key) {
                throw RuleFileError(file: file, range: entry.keyRange, message: "a canonical skill name must not be empty")
            }
            var aliases: [String] = []
            var ranges = [entry.keyRange]
            let items: [Node]
            if let list = entry.value.list {
                items = list
            } else if entry.value.scalar?.type == .null {
                items = []
            } else {
                throw RuleFileError(file: file, range: entry.value.range,
                                    message: "the aliases of '\(entry.key)' must be a list of names, not \(entry.value.typeDescription)")
            }
            for item in items {
                guard let scalar = item.scalar, scalar.type != .null, !isBlank(scalar.text) else {
                    throw RuleFileError(file: file, range: item.range, message: "an alias of '\(entry.key)' must be a non-empty name, not \(item.typeDescription)")
                }
                aliases.append(scalar.text)
                ranges.append(item.range)
            }
            result.groups.append(SkillAliases.Group(canonical: entry.key, aliases: aliases))
            result.ranges.append(ranges)
        }
        return result
    }

    /// Whether `text` is empty or only tabs and space separators (what `CharacterSet.whitespaces`
    /// holds), without bridging to `NSString` for each of the pack's many names.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }
}
