import Foundation
import ProfileText

/// The built-in pack loaded once per process. A run that loads it alone (no `PROFILELINT_RULES`,
/// `--rules` or `rule_dirs`) takes these rules and aliases, and the command line starts the
/// load on a thread of its own while it parses its arguments (`prefetchBuiltIn`): a warm
/// lint's main thread then finds the pack loaded instead of loading it after parsing.
extension RulePack {
    /// The built-in pack's rules and alias table: a static, so computed once, by whichever
    /// thread asks first, while any other waits for it.
    static let builtInLoaded = Result { () throws(RuleFileError) in try loadFiles([builtIn]) }

    /// Starts loading the built-in pack on a new thread (for a run that will need it), then
    /// ICU's regular-expression engine, which the pack's `pattern` rules and the kinds'
    /// expressions start otherwise on the thread that lints.
    package static func prefetchBuiltIn() {
        Thread.detachNewThread {
            _ = builtInLoaded
            ICUExpression.startEngine()
        }
    }
}
