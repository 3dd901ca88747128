#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file as the file system identifies it without reading it: size, modification and
/// status-change times to the nanosecond, device and inode. Any write, copy, `touch` or
/// checkout changes it (the status-change time cannot be set back from user space), so the
/// corpus stamp and the lint result cache key large inputs they do not read (corpus files,
/// the hyphenation dictionary, the binary itself) on it, with the trade-off `CorpusStamp` describes.
package struct FileIdentity: Sendable, Equatable {
    package let fields: [Int64]

    /// The identity of what `path` names (symbolic links followed); nil when it cannot be examined.
    package init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    private init(_ info: stat) {
        #if canImport(Darwin)
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        fields = [Int64(info.st_size), Int64(modified.tv_sec), Int64(modified.tv_nsec), Int64(changed.tv_sec),
                  Int64(changed.tv_nsec), Int64(bitPattern: UInt64(info.st_dev)), Int64(bitPattern: UInt64(info.st_ino))]
    }

    /// The identity of `path` and, for a directory, of every entry under it that is not hidden
    /// (names starting with `.`), by path, in name order: a superset of the corpus files a
    /// directory holds (`CorpusLoader.filePaths`), read with one `stat` per entry. A directory
    /// reached twice (a symbolic link loop) is listed once. Nil when something cannot be read.
    package static func tree(_ path: String) -> [(path: String, identity: FileIdentity)]? {
        var found: [(path: String, identity: FileIdentity)] = []
        var visited = Set<[Int64]>()
        func walk(_ path: String) -> Bool {
            var info = stat()
            guard stat(path, &info) == 0 else { return false }
            found.append((path, FileIdentity(info)))
            guard (info.st_mode & S_IFMT) == S_IFDIR else { return true }
            guard visited.insert([Int64(bitPattern: UInt64(info.st_dev)), Int64(bitPattern: UInt64(info.st_ino))]).inserted else {
                return true
            }
            guard let directory = opendir(path) else { return false }
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if !name.hasPrefix(".") { names.append(name) }
            }
            closedir(directory)
            for name in names.sorted() where !walk(path.hasSuffix("/") ? path + name : path + "/" + name) { return false }
            return true
        }
        return walk(path) ? found : nil
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
