/// Reads little-endian values from bytes it does not own (a cache file's header, or its
/// section of loading problems); every read returns nil past the end instead of trapping.
struct BinaryReader {
    let bytes: UnsafeRawBufferPointer
    var offset: Int

    init(bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var atEnd: Bool { offset == bytes.count }

    private var remaining: Int { bytes.count - offset }

    /// The next `count` bytes, copied.
    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= remaining else { return nil }
        defer { offset += count }
        return Array(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]))
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
        guard MemoryLayout<T>.size <= remaining else { return nil }
        defer { offset += MemoryLayout<T>.size }
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    mutating func u32() -> UInt32? { integer(UInt32.self) }
    mutating func u64() -> UInt64? { integer(UInt64.self) }

    mutating func string() -> String? {
        guard let length = u32().map(Int.init), length <= remaining, let base = bytes.baseAddress else { return nil }
        defer { offset += length }
        let utf8 = UnsafeBufferPointer(start: (base + offset).assumingMemoryBound(to: UInt8.self), count: length)
        return String(decoding: utf8, as: UTF8.self)
    }

    /// An array count, checked against the bytes left so a corrupt count cannot allocate huge arrays.
    mutating func count(elementSize: Int) -> Int? {
        guard let count = u32().map(Int.init), count * elementSize <= remaining else { return nil }
        return count
    }
}
