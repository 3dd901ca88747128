import Foundation

/// Reads a file only when it is within a size limit, so an oversized file is rejected from
/// its `stat` size without being read; a pipe or FIFO (no size) is read to at most
/// `limit + 1` bytes and then abandoned.
package enum BoundedRead {
    /// What was read.
    package enum Outcome: Sendable, Equatable {
        /// The whole file, within the limit.
        case whole([UInt8])
        /// Over the limit: the size from `stat`, or nil for a pipe known only to exceed it.
        case tooLarge(size: Int?)
    }

    /// The file at `path`, or a message saying why it cannot be read.
    package static func read(path: String, limit: Int) -> Result<Outcome, ReadFailure> {
        // Opened non-blocking: a FIFO no process writes to would otherwise wait for a writer
        // forever. It then reads as empty; blocking is restored for the reads, so a pipe with a
        // writer (`<(command)`) is read whole.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(ReadFailure(errno: errno)) }
        defer { close(descriptor) }
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) == 0 else { return .failure(ReadFailure(errno: errno)) }
        return read(descriptor: descriptor, limit: limit)
    }

    /// The document at `path` as a `SourceFile`; one over `limit` is left unread and marked
    /// oversized, for `DocumentLoader` to report as a located size error.
    package static func sourceFile(path: String, limit: Int = LoadLimits.default.maxBytes) -> Result<SourceFile, ReadFailure> {
        sourceFile(named: path, read(path: path, limit: limit))
    }

    /// `outcome` as the `SourceFile` called `name`.
    package static func sourceFile(named name: String, _ outcome: Result<Outcome, ReadFailure>) -> Result<SourceFile, ReadFailure> {
        outcome.map { read in
            switch read {
            case .whole(let bytes): SourceFile(path: name, bytes: bytes)
            case .tooLarge(let size): SourceFile(oversized: name, size: size)
            }
        }
    }

    /// The rest of an open descriptor (such as standard input), within `limit`.
    package static func read(descriptor: Int32, limit: Int) -> Result<Outcome, ReadFailure> {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(ReadFailure(errno: errno)) }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(ReadFailure(message: "is a directory, not a file")) }
        let isRegular = info.st_mode & S_IFMT == S_IFREG
        if isRegular, Int(info.st_size) > limit { return .success(.tooLarge(size: Int(info.st_size))) }
        var bytes: [UInt8] = []
        if isRegular {
            // Straight into the array, one byte past the size to see whether the file grew.
            let wanted = Int(info.st_size) + 1
            var failure: Int32 = 0
            bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, count in
                count = readFully(descriptor, into: UnsafeMutableRawBufferPointer(buffer), failure: &failure)
            }
            if failure != 0 { return .failure(ReadFailure(errno: failure)) }
            if bytes.count < wanted { return .success(.whole(bytes)) }
        }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while bytes.count <= limit {
            let wanted = min(buffer.count, limit + 1 - bytes.count)
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(errno: errno))
            }
            if count == 0 { return .success(.whole(bytes)) }
            bytes += buffer[..<count]
        }
        // A regular file that grew after `stat`, or a pipe: its size is only known to exceed the limit.
        return .success(.tooLarge(size: nil))
    }

    /// Reads into `buffer` until it is full or the input ends; the count read (an error's
    /// `errno` in `failure`, and what was read before it).
    private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, failure: inout Int32) -> Int {
        var count = 0
        while count < buffer.count {
            let read = Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            if read < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            if read == 0 { break }
            count += read
        }
        return count
    }

    /// "the file is 1.5 MiB; the limit is 1 MiB", in exact bytes when the rounded sizes
    /// would read the same; for a pipe, only that it exceeds the limit.
    package static func sizeMessage(size: Int?, limit: Int) -> String {
        guard let size else { return "the input is larger than the limit of \(byteCountDescription(limit))" }
        var (shown, allowed) = (byteCountDescription(size), byteCountDescription(limit))
        if shown == allowed { (shown, allowed) = (exactBytes(size), exactBytes(limit)) }
        return "the file is \(shown); the limit is \(allowed)"
    }

    /// "1 MiB", "1.5 MiB", "300 KiB", "12 bytes".
    static func byteCountDescription(_ count: Int) -> String {
        func format(_ value: Double, _ unit: String) -> String {
            let rounded = (value * 10).rounded() / 10
            let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
            return "\(text) \(unit)"
        }
        if count >= 1 << 30 { return format(Double(count) / Double(1 << 30), "GiB") }
        if count >= 1 << 20 { return format(Double(count) / Double(1 << 20), "MiB") }
        if count >= 1 << 10 { return format(Double(count) / Double(1 << 10), "KiB") }
        return exactBytes(count)
    }

    static func exactBytes(_ count: Int) -> String {
        count == 1 ? "1 byte" : "\(count.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) bytes"
    }
}

/// Why a file could not be read.
package struct ReadFailure: Error, Sendable, Equatable {
    package var message: String
    package init(message: String) { self.message = message }
    init(errno code: Int32) { message = String(cString: strerror(code)) }
}
