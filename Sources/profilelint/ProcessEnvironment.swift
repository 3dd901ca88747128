import Foundation

/// The process's environment variables, read once: `ProcessInfo.environment` builds a new
/// dictionary of every variable on each call (about 0.36 M instructions), and a plain lint
/// asked seven times. The command line never changes its own environment.
enum ProcessEnvironment {
    static let variables = ProcessInfo.processInfo.environment
}
