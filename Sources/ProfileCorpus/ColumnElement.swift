/// A section of a mapped cache file that holds one column of `count` elements, laid out as its
/// element type says; it keeps the file mapped.
package struct MappedSection: @unchecked Sendable {
    @usableFromInline let bytes: UnsafeRawBufferPointer
    @usableFromInline let count: Int
    let file: MappedFile
}

/// A value a `Column` holds: how a section of it is laid out in the cache file, checked when
/// the file is opened, read in place, and written.
package protocol ColumnElement: Sendable {
    /// What an index past the end of a mapped column reads.
    static var zero: Self { get }
    /// Whether `section` has the layout of `section.count` elements (cheap: not a scan).
    static func isValid(_ section: MappedSection) -> Bool
    /// Element `index` (less than `section.count`) of a valid section.
    static func element(at index: Int, in section: MappedSection) -> Self
    /// Equality as the statistics mean it (a NaN budget means "none", so NaN equals NaN).
    static func same(_ lhs: Self, _ rhs: Self) -> Bool
    /// Writes `values` as one section.
    static func write(_ values: some Collection<Self>, to file: inout CacheFileWriter) throws(CacheFileWriter.Failure)
}

/// Integers and doubles: little-endian, `MemoryLayout.stride` bytes each, aligned (sections
/// start on 8 bytes).
package protocol FixedWidthColumnElement: ColumnElement, BitwiseCopyable {}

extension FixedWidthColumnElement {
    package static func isValid(_ section: MappedSection) -> Bool {
        section.bytes.count == section.count * MemoryLayout<Self>.stride
            && Int(bitPattern: section.bytes.baseAddress) % MemoryLayout<Self>.alignment == 0
    }

    @inlinable
    package static func element(at index: Int, in section: MappedSection) -> Self {
        section.bytes.load(fromByteOffset: index * MemoryLayout<Self>.stride, as: Self.self)
    }

    package static func write(_ values: some Collection<Self>, to file: inout CacheFileWriter) throws(CacheFileWriter.Failure) {
        try file.section(count: values.count) { (file: inout CacheFileWriter) throws(CacheFileWriter.Failure) in
            try file.append(values)
        }
    }
}

extension FixedWidthColumnElement where Self: Equatable {
    package static func same(_ lhs: Self, _ rhs: Self) -> Bool { lhs == rhs }
}

extension UInt8: FixedWidthColumnElement { package static var zero: UInt8 { 0 } }
extension UInt16: FixedWidthColumnElement { package static var zero: UInt16 { 0 } }
extension UInt32: FixedWidthColumnElement { package static var zero: UInt32 { 0 } }
extension UInt64: FixedWidthColumnElement { package static var zero: UInt64 { 0 } }
extension Int32: FixedWidthColumnElement { package static var zero: Int32 { 0 } }

extension Double: FixedWidthColumnElement {
    package static var zero: Double { 0 }
    package static func same(_ lhs: Double, _ rhs: Double) -> Bool { lhs == rhs || (lhs.isNaN && rhs.isNaN) }
}

/// Strings: `count + 1` little-endian 64-bit offsets into the UTF-8 bytes that follow them;
/// string `i` is the bytes from offset `i` to offset `i + 1` (clamped to the bytes, so a
/// corrupt offset reads a wrong string, never outside the section).
extension String: ColumnElement {
    package static var zero: String { "" }

    package static func isValid(_ section: MappedSection) -> Bool {
        let table = (section.count + 1) * 8
        guard section.bytes.count >= table, Int(bitPattern: section.bytes.baseAddress) % 8 == 0 else { return false }
        return offset(0, in: section) == 0 && offset(section.count, in: section) == UInt64(section.bytes.count - table)
    }

    private static func offset(_ index: Int, in section: MappedSection) -> UInt64 {
        section.bytes.load(fromByteOffset: index * 8, as: UInt64.self)
    }

    /// The UTF-8 bytes of string `index`.
    static func utf8(at index: Int, in section: MappedSection) -> UnsafeRawBufferPointer {
        let table = (section.count + 1) * 8
        let size = UInt64(section.bytes.count - table)
        let low = Swift.min(offset(index, in: section), size)
        let high = Swift.min(Swift.max(offset(index + 1, in: section), low), size)
        return UnsafeRawBufferPointer(rebasing: section.bytes[(table + Int(low))..<(table + Int(high))])
    }

    package static func element(at index: Int, in section: MappedSection) -> String {
        String(decoding: utf8(at: index, in: section), as: UTF8.self)
    }

    package static func same(_ lhs: String, _ rhs: String) -> Bool { lhs == rhs }

    /// Reads the strings from their storage when they have one (a column built in memory):
    /// this function is reached through the protocol, unspecialized, and iterating a column
    /// there went through its index witnesses, about 2,600 instructions a string (411 M of
    /// the 490 M that writing the cache of a 2,400-post corpus took, on the thread that waits).
    package static func write(_ values: some Collection<String>, to file: inout CacheFileWriter) throws(CacheFileWriter.Failure) {
        var failure: CacheFileWriter.Failure?
        let written: Void? = values.withContiguousStorageIfAvailable { strings in
            do throws(CacheFileWriter.Failure) { try writeSection(strings, to: &file) } catch { failure = error }
        }
        if let failure { throw failure }
        if written == nil { try writeSection(Array(values), to: &file) }
    }

    /// The section of `strings`: their offsets, then their bytes.
    private static func writeSection(_ strings: some RandomAccessCollection<String>,
                                     to file: inout CacheFileWriter) throws(CacheFileWriter.Failure) {
        var offsets: [UInt64] = [0]
        offsets.reserveCapacity(strings.count + 1)
        for string in strings { offsets.append((offsets.last ?? 0) + UInt64(string.utf8.count)) }
        try file.section(count: strings.count) { (file: inout CacheFileWriter) throws(CacheFileWriter.Failure) in
            try file.append(offsets)
            for string in strings { try file.append(utf8: string) }
        }
    }
}

extension Column where Element == String {
    /// Whether string `index` is `key`, compared by bytes (no `String` made for a mapped one).
    func equals(_ key: String, at index: Int) -> Bool {
        guard index >= 0, index < count else { return false }
        guard let section = mappedSection else { return self[index] == key }
        let bytes = String.utf8(at: index, in: section)
        return bytes.count == key.utf8.count && bytes.elementsEqual(key.utf8)
    }
}
