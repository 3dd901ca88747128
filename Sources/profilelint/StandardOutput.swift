import Foundation
import ProfileLint

/// Standard output, written so that a failure (a full disk, a closed descriptor, a reader
/// that went away) is an error with exit status 2, never a crash or silent loss.
enum StandardOutput {
    static func write(_ text: String) throws(CLIError) {
        if let reason = AtomicFileWriter.writeAll(Array(text.utf8), to: STDOUT_FILENO) {
            throw CLIError("cannot write to standard output: \(reason)")
        }
    }

    /// Run first: a closed standard descriptor gets `/dev/null` in its place, so that no file
    /// the tool opens later takes its number (a report or an error message would land in it).
    /// Standard output is opened read-only, so writing to it still fails and is reported.
    /// SIGPIPE is ignored, so a reader that went away is a write error, not a silent death.
    static func prepareStandardDescriptors() {
        for (descriptor, flags) in [(STDIN_FILENO, O_RDONLY), (STDOUT_FILENO, O_RDONLY), (STDERR_FILENO, O_WRONLY)]
        where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", flags)
            if opened >= 0, opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
        signal(SIGPIPE, SIG_IGN)
    }
}
