import Foundation
import ProfileLint

/// An error that stops the tool with exit status 2: a usage mistake, a bad rule file,
/// a path that does not exist or cannot be read, an output file that cannot be written.
struct CLIError: Error {
    /// What goes to standard error.
    var text: String

    /// `profilelint: error: MESSAGE`.
    init(_ message: String) {
        text = "profilelint: error: " + message
    }

    /// A located error in a rule (or config) file, printed compiler-style: `PATH:LINE:COL: error: ...`.
    init(_ error: RuleFileError) {
        text = error.description
    }

    /// A run that cannot start: located for a bad configuration, rule or baseline file.
    init(_ error: LintSetupError) {
        text = error.isLocated ? error.description : "profilelint: error: " + error.description
    }
}

/// Lines on standard error.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
