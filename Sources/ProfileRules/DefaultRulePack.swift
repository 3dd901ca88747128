import Foundation

/// The rules every session loads before a configuration's `rule_dirs` and `--rules`: the
/// pack compiled into the binary, then the directories `PROFILELINT_RULES` adds.
public struct DefaultRulePack: Sendable, Equatable {
    /// The variable whose directories (separated by ':') add rules to every run.
    public static let directoriesVariable = "PROFILELINT_RULES"
    /// The variable that, set to anything but the empty string, leaves the built-in pack out
    /// (to try a changed copy of the pack, or to run only one's own rules).
    public static let noBuiltInVariable = "PROFILELINT_NO_BUILTIN_RULES"

    /// Whether the pack compiled into the binary is loaded.
    public var includesBuiltIn: Bool
    /// Rule directories loaded after the built-in pack, in order.
    public var directories: [String]

    public init(includesBuiltIn: Bool, directories: [String]) {
        self.includesBuiltIn = includesBuiltIn
        self.directories = directories
    }

    /// The built-in pack alone.
    public static let builtIn = DefaultRulePack(includesBuiltIn: true, directories: [])

    /// The rules of `path` in place of the built-in pack.
    public static func directory(_ path: String) -> DefaultRulePack {
        DefaultRulePack(includesBuiltIn: false, directories: [path])
    }

    /// The built-in pack (unless `PROFILELINT_NO_BUILTIN_RULES` is set and not empty) and the
    /// directories `PROFILELINT_RULES` names (empty entries left out).
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> DefaultRulePack {
        let listed = (environment[directoriesVariable] ?? "").split(separator: ":").map(String.init)
        return DefaultRulePack(includesBuiltIn: (environment[noBuiltInVariable] ?? "").isEmpty, directories: listed)
    }

    /// The packs to load: the built-in one when included, then each of `directories` (which
    /// start with this default's own, as `SessionFactory` lists them).
    public func packs(directories: [String]) throws(RuleFileError) -> [RulePack] {
        (includesBuiltIn ? [RulePack.builtIn] : []) + (try RulePack.directories(directories))
    }
}
