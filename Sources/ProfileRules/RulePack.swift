import Foundation
import ProfileModel
import ProfileText

/// The files of one rule pack: rule files and skill alias files, read from a directory or
/// compiled into the binary (`builtIn`). Loading turns packs into rules and one alias table.
package struct RulePack: Sendable {
    /// Rule files and alias files, in loading order.
    package var files: [SourceFile]
    /// Trees of files parsed ahead of time, by path: the built-in pack's, generated with its
    /// texts, so loading it parses no YAML. Other files are parsed when loaded.
    var parsedTrees: [String: Node] = [:]
    /// Whether this is the pack compiled into the binary: loaded once per process
    /// (`builtInLoaded`), and without the checks that only look for mistakes — tests load it
    /// with and without them and find no mistake and the same rules (`BuiltInRulePackTests`),
    /// so a mistake in rules/ fails the build's tests, never a user's run.
    var isBuiltIn = false

    package init(files: [SourceFile]) {
        self.files = files
    }

    /// The default pack compiled into the binary (generated from `rules/` by
    /// `scripts/generate-rule-pack`), so an installed binary needs no files beside it.
    package static let builtIn: RulePack = {
        var pack = RulePack(files: [])
        pack.isBuiltIn = true
        for entry in BuiltInRulePack.files {
            let file = SourceFile(path: BuiltInRulePack.pathPrefix + entry.name, text: entry.text)
            pack.files.append(file)
            pack.parsedTrees[file.path] = entry.tree
        }
        return pack
    }()

    /// Whether `name` is a rule-pack file name: `*.yml` or `*.yaml`, not hidden (editor lock
    /// links such as `.#rule.yml` and `.profilelint.yml` are not rules).
    static func isPackFileName(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".yml") || name.hasSuffix(".yaml"))
    }

    /// The pack files directly inside `directory`, sorted by name.
    package static func directory(_ directory: String) throws(RuleFileError) -> RulePack {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw RuleFileError(file: SourceFile(path: directory, bytes: []), range: ByteRange(0, 0),
                                message: "cannot read the rule directory")
        }
        var files: [SourceFile] = []
        for name in names.sorted() where isPackFileName(name) {
            let path = (directory as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard case .success(let file) = BoundedRead.sourceFile(path: path) else {
                throw RuleFileError(file: SourceFile(path: path, bytes: []), range: ByteRange(0, 0), message: "cannot read the rule file")
            }
            files.append(file)
        }
        return RulePack(files: files)
    }

    /// The packs of `directories`, in order.
    package static func directories(_ directories: [String]) throws(RuleFileError) -> [RulePack] {
        var packs: [RulePack] = []
        for path in directories { packs.append(try directory(path)) }
        return packs
    }

    /// Whether `file` is a skill alias file rather than a rule.
    static func isAliasFile(_ file: SourceFile) -> Bool {
        // The name after the last '/' (a pack file's path never ends in one), without
        // Foundation's path parsing, which cost more than the rest of telling files apart.
        let name = file.path.lastIndex(of: "/").map { file.path[file.path.index(after: $0)...] } ?? file.path[...]
        return SkillAliasLoader.fileNames.contains(String(name))
    }

    /// The rule files of the pack (alias files left out).
    var ruleFiles: [SourceFile] { files.filter { !Self.isAliasFile($0) } }

    /// The rules of `packs` in order, and the alias table of their alias files (nil: none).
    package static func load(_ packs: [RulePack]) throws(RuleFileError) -> (rules: [Rule], skillAliases: SkillAliases?) {
        if packs.count == 1, packs[0].isBuiltIn { return try builtInLoaded.get() }
        return try loadFiles(packs)
    }

    /// What `load` gives, loaded from the files now.
    static func loadFiles(_ packs: [RulePack]) throws(RuleFileError) -> (rules: [Rule], skillAliases: SkillAliases?) {
        var rules: [Rule] = []
        var aliasFiles: [(file: SourceFile, root: Node?)] = []
        for pack in packs {
            for file in pack.files {
                let root = try pack.root(of: file)
                if isAliasFile(file) {
                    aliasFiles.append((file, root))
                } else {
                    rules.append(try RuleLoader.load(file, root: root, validating: !pack.isBuiltIn))
                }
            }
        }
        return (rules, aliasFiles.isEmpty ? nil : try SkillAliasLoader.load(parsed: aliasFiles))
    }

    /// The tree of one of the pack's files: parsed ahead of time, or now (nil: an empty file).
    func root(of file: SourceFile) throws(RuleFileError) -> Node? {
        if let tree = parsedTrees[file.path] { return tree }
        return try Self.parse(file)
    }

    /// A rule or alias file's tree (nil: nothing but whitespace and comments); a YAML problem
    /// is a located error in the file.
    static func parse(_ file: SourceFile) throws(RuleFileError) -> Node? {
        do {
            return try DocumentLoader.load(file, format: .yaml)
        } catch {
            throw RuleFileError(file: file, range: error.range, message: error.message)
        }
    }
}

/// The default rule pack as compiled in; its `files` are generated into `BuiltInRules/`.
package enum BuiltInRulePack {
    /// What the paths of built-in rule files start with (shown by `explain` and in errors).
    package static let pathPrefix = "<built-in>/"
}
