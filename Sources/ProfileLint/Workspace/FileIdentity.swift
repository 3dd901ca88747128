#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file as the file system identifies it without reading it: size, modification and
/// status-change times to the nanosecond, device and inode. Any write, copy, `touch` or
/// checkout changes it (the status-change time cannot be set back from user space), so the
/// lint result cache keys large inputs it does not read (corpus files, the hyphenation
/// dictionary, the binary itself) on it, with the trade-off `CorpusStamp` describes.
package struct FileIdentity: Sendable, Equatable {
    package let fields: [Int64]

    /// The identity of what `path` names (symbolic links followed); nil when it cannot be examined.
    package init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        fields = [Int64(info.st_size), Int64(modified.tv_sec), Int64(modified.tv_nsec), Int64(changed.tv_sec),
                  Int64(changed.tv_nsec), Int64(bitPattern: UInt64(info.st_dev)), Int64(bitPattern: UInt64(info.st_ino))]
    }

    /// The running executable's identity: a rebuilt or reinstalled binary has another one.
    package static let executable: FileIdentity? = {
        #if os(Linux)
        FileIdentity(path: "/proc/self/exe")
        #else
        Bundle.main.executablePath.flatMap { FileIdentity(path: $0) }
        #endif
    }()
}
