#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file mapped read-only into memory for as long as this object lives: the cache is
/// used in place (`Column` views keep their file alive), so a warm lint reads only the pages
/// it touches instead of copying the whole file into arrays.
///
/// A mapped file must not shrink while it is mapped (reading past its new end would fault).
/// Cache files are only ever replaced by renaming a new file into place, which leaves the
/// mapped one whole, so only someone truncating a cache file by hand during a run could
/// cause that.
final class MappedFile: @unchecked Sendable {
    /// The file's bytes (read-only; the mapping never changes while the object lives).
    let bytes: UnsafeRawBufferPointer

    /// Maps the file at `path`; nil when it cannot be opened, is not a regular file, is empty,
    /// or cannot be mapped.
    init?(path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
        isMapped = true
    }

    /// Whether `bytes` is a mapping to unmap (else a copy to free).
    private let isMapped: Bool

    /// A copy of `bytes` in aligned memory, read like a mapped file (tests); nil when empty.
    init?(copying source: [UInt8]) {
        guard !source.isEmpty else { return nil }
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: source.count, alignment: 16)
        source.withUnsafeBytes { copy.copyMemory(from: $0) }
        bytes = UnsafeRawBufferPointer(copy)
        isMapped = false
    }

    deinit {
        if isMapped, let address = bytes.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: address), bytes.count)
        } else {
            bytes.deallocate()
        }
    }
}
