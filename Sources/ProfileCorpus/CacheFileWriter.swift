#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a cache file section by section through a small buffer, straight to a file (or, for
/// tests, to memory), never the whole file in memory: the header is reserved first and
/// written last, once every section's place is known. Sections start on 8 bytes, so a mapped
/// file's columns can be read in place.
package struct CacheFileWriter {
    package struct Failure: Error {
        let reason: String
    }

    /// Where a section lies and how many elements it holds.
    struct Section {
        var offset: Int
        var bytes: Int
        var count: Int
    }

    private enum Sink {
        case file(Int32)
        case memory
    }

    private let sink: Sink
    private var buffer: [UInt8] = []
    /// The bytes written to memory (`Sink.memory`).
    private(set) var memory: [UInt8] = []
    /// The file's size so far, buffer included.
    private(set) var offset: Int
    private(set) var sections: [Section] = []
    private static let bufferBytes = 1 << 20

    /// A writer to the open file `descriptor` (or to memory when nil) whose first
    /// `headerBytes` are left for `finish`.
    init(descriptor: Int32?, headerBytes: Int) {
        sink = descriptor.map(Sink.file) ?? .memory
        offset = 0
        buffer.reserveCapacity(Self.bufferBytes)
        buffer = [UInt8](repeating: 0, count: headerBytes)
        offset = headerBytes
    }

    /// A new file at `path` (it must not exist), open for writing.
    static func create(_ path: String) throws(Failure) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        return descriptor
    }

    /// One section of `count` elements, written by `body`.
    mutating func section(count: Int, _ body: (inout CacheFileWriter) throws(Failure) -> Void) throws(Failure) {
        try withUnsafeBytes(of: UInt64(0)) { (zeros: UnsafeRawBufferPointer) throws(Failure) in
            try append(bytes: UnsafeRawBufferPointer(rebasing: zeros.prefix((8 - offset % 8) % 8)))
        }
        let start = offset
        try body(&self)
        sections.append(Section(offset: start, bytes: offset - start, count: count))
    }

    /// Values as their in-memory bytes: little-endian (the cache is written on little-endian
    /// hosts only).
    mutating func append<T: BitwiseCopyable>(_ values: some Collection<T>) throws(Failure) {
        var failure: Failure?
        let contiguous: Void? = values.withContiguousStorageIfAvailable { storage in
            do throws(Failure) { try append(bytes: UnsafeRawBufferPointer(storage)) } catch { failure = error }
        }
        if let failure { throw failure }
        guard contiguous == nil else { return }
        for value in values {
            withUnsafeBytes(of: value) { buffer.append(contentsOf: $0) }
            offset += MemoryLayout<T>.size
            if buffer.count >= Self.bufferBytes { try flush() }
        }
    }

    /// The UTF-8 bytes of `string`.
    mutating func append(utf8 string: String) throws(Failure) {
        var string = string
        var failure: Failure?
        string.withUTF8 { utf8 in
            do throws(Failure) { try append(bytes: UnsafeRawBufferPointer(utf8)) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    mutating func append(bytes: UnsafeRawBufferPointer) throws(Failure) {
        var rest = bytes
        while !rest.isEmpty {
            let taken = min(rest.count, Self.bufferBytes - buffer.count)
            buffer.append(contentsOf: rest.prefix(taken))
            offset += taken
            rest = UnsafeRawBufferPointer(rebasing: rest.dropFirst(taken))
            if buffer.count >= Self.bufferBytes { try flush() }
        }
    }

    private mutating func flush() throws(Failure) {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard case .file(let descriptor) = sink else {
            memory += buffer
            return
        }
        let start = offset - buffer.count
        if let failure = buffer.withUnsafeBytes({ Self.write($0, to: descriptor, at: start) }) { throw failure }
    }

    /// Flushes the sections and writes `header` at the start (its size as reserved).
    mutating func finish(header: [UInt8]) throws(Failure) {
        try flush()
        guard case .file(let descriptor) = sink else {
            memory.replaceSubrange(0..<header.count, with: header)
            return
        }
        if let failure = header.withUnsafeBytes({ Self.write($0, to: descriptor, at: 0) }) { throw failure }
    }

    /// Writes all of `bytes` at `position`; the failure, if any.
    private static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, at position: Int) -> Failure? {
        var done = 0
        while done < bytes.count, let base = bytes.baseAddress {
            let result = pwrite(descriptor, base + done, bytes.count - done, off_t(position + done))
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return Failure(reason: String(cString: strerror(errno))) }
            done += result
        }
        return nil
    }
}
