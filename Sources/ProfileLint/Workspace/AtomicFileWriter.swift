import Foundation

/// A file that could not be written, with the reason.
public struct FileWriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "profilelint: error: cannot write '\(path)': \(reason)" }
}

/// Replaces a file's contents atomically: the bytes go to a temporary file in the same
/// directory, which is then renamed over the target, so a reader never sees a half-written
/// file. An existing file keeps its permissions; a symbolic link keeps pointing at the
/// (rewritten) file it names.
public enum AtomicFileWriter {
    public static func write(_ bytes: [UInt8], to path: String) throws(FileWriteError) {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let directory = PathText.directory(of: target)
        var permissions: mode_t = 0o644
        var status = stat()
        if stat(target, &status) == 0 { permissions = status.st_mode & 0o7777 }

        let temporary = PathText.join(directory, ".\(URL(fileURLWithPath: target).lastPathComponent).profilelint-\(UUID().uuidString)")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, permissions)
        guard descriptor >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        var failure: String?
        var written = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                written += result
            }
        }
        // `open` applies the umask; set the permissions exactly.
        if failure == nil, fchmod(descriptor, permissions) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil, rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw FileWriteError(path: path, reason: failure)
        }
    }
}
