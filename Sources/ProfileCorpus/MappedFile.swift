#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file mapped read-only into memory for the length of a closure: the cache's
/// bytes are read from the page cache in place instead of being copied into an array first.
///
/// A mapped file must not shrink while it is mapped (reading past its new end would fault).
/// Cache files are only ever replaced by renaming a new file into place, which leaves the
/// mapped one whole, so only someone truncating a cache file by hand during a run could
/// cause that.
enum MappedFile {
    /// `body` of the file's bytes; nil when the file cannot be opened, is not a regular file,
    /// or cannot be mapped.
    static func withBytes<Result>(atPath path: String, _ body: (UnsafeRawBufferPointer) -> Result?) -> Result? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let address = mmap(nil, size, PROT_READ, flags, descriptor, 0), address != MAP_FAILED else { return nil }
        defer { munmap(address, size) }
        return body(UnsafeRawBufferPointer(start: address, count: size))
    }
}
