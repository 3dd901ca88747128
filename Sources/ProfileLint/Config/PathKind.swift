import Foundation

/// What is at a path that should be a directory, in words for an error message.
package enum PathKind {
    /// "does not exist", "is a file, not a directory", "is not a directory" (a device, FIFO
    /// or socket), or why it cannot be looked at.
    package static func notADirectory(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            return code == ENOENT || code == ENOTDIR ? "does not exist" : "cannot be read: \(String(cString: strerror(code)))"
        }
        return info.st_mode & S_IFMT == S_IFREG ? "is a file, not a directory" : "is not a directory"
    }
}
