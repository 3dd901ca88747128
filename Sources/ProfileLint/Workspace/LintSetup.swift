import Foundation

/// Something that stops a lint run before it starts (exit status 2).
public enum LintSetupError: Error, Sendable, CustomStringConvertible {
    /// A configuration, rule or baseline file is invalid (located).
    case invalidFile(RuleFileError)
    /// The command line cannot be satisfied.
    case usage(String)
    /// The corpus cannot be loaded (a path cannot be read, a bad column map).
    case corpus(CorpusError)

    /// The located error (`PATH:LINE:COL: error: ...`) or the message alone; a front end adds
    /// its own prefix to an unlocated one (`isLocated`).
    public var description: String {
        switch self {
        case .invalidFile(let error): error.description
        case .usage(let message): message
        case .corpus(let error): error.description
        }
    }

    /// Whether the description already names a file and position.
    public var isLocated: Bool {
        if case .invalidFile = self { return true }
        return false
    }
}

/// Profiles to lint with the session (configuration) that governs them.
public struct LintTarget: Sendable {
    public var session: LintSession
    public var files: [String]
}

/// Decides which configuration governs which profile; `SessionFactory` builds a session per configuration.
public enum LintSetup {
    /// The targets for `files`, every session built (see `LintPlan` for which configuration
    /// governs which file, and for building them only when needed).
    public static func plan(files: [String], options: SessionFactory.Options) throws(LintSetupError) -> [LintTarget] {
        var plan = try LintPlan(files: files, options: options)
        var targets: [LintTarget] = []
        for (index, target) in plan.targets.enumerated() {
            targets.append(LintTarget(session: try plan.session(index), files: target.files))
        }
        return targets
    }
}
