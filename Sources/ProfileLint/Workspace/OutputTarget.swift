import Foundation

/// What is at a path the tool is asked to write, and so how it may be written without
/// damaging it: a regular file (or nothing) is replaced atomically, a device or FIFO is
/// written through, a descriptor of this process (`/dev/stdout`) is written directly.
enum OutputTarget: Equatable {
    /// A regular file with one link, or no file yet: write a temporary file and rename it.
    /// `existing` is the file's status when there is one (its permissions and owner are kept).
    case replace(path: String, existing: FileStatus?)
    /// A regular file with other hard links: renaming would cut it off from them, so it is
    /// rewritten in place.
    case rewriteInPlace(path: String)
    /// A character device or a FIFO: opened and written, never replaced.
    case writeThrough(path: String)
    /// One of this process's open descriptors, named as `/dev/stdout`, `/dev/fd/N` or `/proc/self/fd/N`.
    case descriptor(Int32)

    /// The parts of `stat` the writer keeps.
    struct FileStatus: Equatable {
        var permissions: mode_t
        var owner: uid_t
        var group: gid_t
    }

    /// At most this many symbolic links are followed (as the kernel's own limit).
    static let maximumLinks = 40

    /// Decides how to write `path`, following symbolic links; a directory, block device or
    /// socket is refused with the reason.
    static func classify(_ path: String) throws(FileWriteError) -> OutputTarget {
        var current = path
        for _ in 0...maximumLinks {
            if let descriptor = descriptorNamed(current) { return .descriptor(descriptor) }
            var status = stat()
            guard lstat(current, &status) == 0 else {
                if errno == ENOENT { return .replace(path: current, existing: nil) }
                throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
            }
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
                    throw FileWriteError(path: path, reason: "cannot read the symbolic link '\(current)'")
                }
                current = destination.hasPrefix("/") ? destination : PathText.join(PathText.directory(of: current), destination)
            case S_IFREG:
                if status.st_nlink > 1 { return .rewriteInPlace(path: current) }
                return .replace(path: current, existing: FileStatus(permissions: status.st_mode & 0o7777,
                                                                    owner: status.st_uid, group: status.st_gid))
            case S_IFCHR, S_IFIFO:
                return .writeThrough(path: current)
            case S_IFDIR:
                throw FileWriteError(path: path, reason: "it is a directory")
            case let type:
                let name = type == S_IFBLK ? "a block device" : type == S_IFSOCK ? "a socket" : "not a regular file"
                throw FileWriteError(path: path, reason: "it is \(name); profilelint writes regular files, character devices and FIFOs only")
            }
        }
        throw FileWriteError(path: path, reason: "more than \(maximumLinks) symbolic links to follow")
    }

    /// The descriptor a path names directly: `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`,
    /// `/proc/self/fd/N` (reopening those would truncate or rewind what the shell set up).
    static func descriptorNamed(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdin": return 0
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }
}
