/// Reads little-endian values from bytes it does not own (a cache file's header, its section of
/// loading problems, a lint result entry); every read returns nil past the end instead of trapping.
package struct BinaryReader {
    let bytes: UnsafeRawBufferPointer
    var offset: Int

    package init(bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    package var atEnd: Bool { offset == bytes.count }

    private var remaining: Int { bytes.count - offset }

    /// The next `count` bytes, copied.
    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= remaining else { return nil }
        defer { offset += count }
        return Array(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]))
    }

    package mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
        guard MemoryLayout<T>.size <= remaining else { return nil }
        defer { offset += MemoryLayout<T>.size }
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    package mutating func u8() -> UInt8? { integer(UInt8.self) }
    package mutating func u32() -> UInt32? { integer(UInt32.self) }
    package mutating func u64() -> UInt64? { integer(UInt64.self) }

    package mutating func string() -> String? {
        guard let length = u32().map(Int.init), length <= remaining, let base = bytes.baseAddress else { return nil }
        defer { offset += length }
        let utf8 = UnsafeBufferPointer(start: (base + offset).assumingMemoryBound(to: UInt8.self), count: length)
        return String(decoding: utf8, as: UTF8.self)
    }

    /// An array count, checked against the bytes left so a corrupt count cannot allocate huge arrays.
    package mutating func count(elementSize: Int) -> Int? {
        guard let count = u32().map(Int.init), count * elementSize <= remaining else { return nil }
        return count
    }
}
