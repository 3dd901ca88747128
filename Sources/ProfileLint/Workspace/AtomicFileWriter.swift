import Foundation

/// A file that could not be written, with the reason.
package struct FileWriteError: Error, Sendable, CustomStringConvertible {
    package var path: String
    package var reason: String
    package var description: String { "cannot write '\(path)': \(reason)" }
}

/// Writes a file without damaging what is at its path (`OutputTarget` decides how):
/// a regular file is replaced atomically (the bytes go to a temporary file in the same
/// directory, which is then renamed over it, so a reader never sees a half-written file;
/// its permissions and owner are kept); a hard-linked file is rewritten in place, so every
/// name keeps seeing it; a character device, FIFO or `/dev/stdout` is written through;
/// a directory, block device or socket is refused. A symbolic link keeps pointing at the
/// (rewritten) file it names. A signal that ends the process mid-write leaves no
/// temporary file behind (`WriteGuard`).
package enum AtomicFileWriter {
    package static func write(_ bytes: [UInt8], to path: String) throws(FileWriteError) {
        switch try OutputTarget.classify(path) {
        case .descriptor(let descriptor):
            if let reason = writeAll(bytes, to: descriptor) { throw FileWriteError(path: path, reason: reason) }
        case .writeThrough(let target):
            let descriptor = try openWriteThrough(target, reportedAs: path)
            defer { close(descriptor) }
            if let reason = writeAll(bytes, to: descriptor) { throw FileWriteError(path: path, reason: reason) }
        case .rewriteInPlace(let target):
            try WriteGuard.deferringSignals { () throws(FileWriteError) in try rewriteInPlace(bytes, target, reportedAs: path) }
        case .replace(let target, let existing):
            try replace(bytes, target, existing: existing, reportedAs: path)
        }
    }

    /// A character device or FIFO opened for writing. Opened non-blocking first: a FIFO that
    /// no process reads would otherwise wait for a reader forever; it is an error instead
    /// (`ENXIO`). Blocking is restored for the writes.
    private static func openWriteThrough(_ target: String, reportedAs path: String) throws(FileWriteError) -> Int32 {
        let descriptor = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let reason = errno == ENXIO ? "it is a named pipe that no process reads" : String(cString: strerror(errno))
            throw FileWriteError(path: path, reason: reason)
        }
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw FileWriteError(path: path, reason: reason)
        }
        return descriptor
    }

    /// Writes a temporary file next to `target` and renames it over `target`.
    private static func replace(_ bytes: [UInt8], _ target: String, existing: OutputTarget.FileStatus?,
                                reportedAs path: String) throws(FileWriteError) {
        let permissions = existing?.permissions ?? 0o644
        let name = target.split(separator: "/").last.map(String.init) ?? target
        let temporary = PathText.join(PathText.directory(of: target), ".\(name).profilelint-\(UUID().uuidString)")
        try WriteGuard.removingOnSignal(temporary) { () throws(FileWriteError) in
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
            guard descriptor >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
            var failure = writeAll(bytes, to: descriptor)
            // `open` applies the umask; set the permissions exactly. Keep the owner when allowed (root).
            if failure == nil, fchmod(descriptor, permissions) != 0 { failure = String(cString: strerror(errno)) }
            if let existing, getuid() == 0 { _ = fchown(descriptor, existing.owner, existing.group) }
            if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
            close(descriptor)
            if failure == nil, rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
            if let failure {
                unlink(temporary)
                throw FileWriteError(path: path, reason: failure)
            }
        }
    }

    /// Overwrites `target` from its start and cuts it to the new length (every hard link sees it).
    private static func rewriteInPlace(_ bytes: [UInt8], _ target: String, reportedAs path: String) throws(FileWriteError) {
        let descriptor = open(target, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var failure = lseek(descriptor, 0, SEEK_SET) == 0 ? writeAll(bytes, to: descriptor) : String(cString: strerror(errno))
        if failure == nil, ftruncate(descriptor, off_t(bytes.count)) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if let failure { throw FileWriteError(path: path, reason: failure) }
    }

    /// Writes every byte to an open descriptor, retrying short and interrupted writes;
    /// the reason of a failure (nil when all was written).
    package static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            written += result
        }
        return nil
    }
}
