/// A stored column of `CorpusStats` or `BM25`: the Swift array the builder fills, or a section
/// of a mapped cache file read in place (a warm lint decodes only the elements it reads).
///
/// Reading a mapped column never traps: an index past its end reads `Element.zero`, so a
/// corrupt cache file gives wrong numbers, never a crash or a read out of bounds (its header
/// and section table are validated when it is opened). Writing to a mapped column first
/// copies it into an array.
package struct Column<Element: ColumnElement>: Sendable {
    // Internal for inlining: the rules loop over every post's row.
    @usableFromInline var array: [Element]
    @usableFromInline var section: MappedSection?

    package init(_ array: [Element]) {
        self.array = array
        section = nil
    }

    /// A column over `section` (its layout already validated by `Element.isValid`).
    init(section: MappedSection) {
        array = []
        self.section = section
    }

    /// The mapped section, nil for an array.
    var mappedSection: MappedSection? { section }

    /// Makes the column an array (before a write).
    private mutating func detach() {
        guard let section else { return }
        array = (0..<section.count).map { Element.element(at: $0, in: section) }
        self.section = nil
    }
}

extension Column: RandomAccessCollection, MutableCollection, RangeReplaceableCollection, ExpressibleByArrayLiteral {
    package init() { self.init([]) }
    package init(arrayLiteral elements: Element...) { self.init(elements) }

    @inlinable package var startIndex: Int { 0 }
    @inlinable package var endIndex: Int { section?.count ?? array.count }

    @inlinable package subscript(index: Int) -> Element {
        get {
            guard let section else { return array[index] }
            return index >= 0 && index < section.count ? Element.element(at: index, in: section) : Element.zero
        }
        set {
            detach()
            array[index] = newValue
        }
    }

    package mutating func replaceSubrange<C: Collection>(_ range: Range<Int>, with elements: C) where C.Element == Element {
        detach()
        array.replaceSubrange(range, with: elements)
    }

    package mutating func reserveCapacity(_ capacity: Int) {
        detach()
        array.reserveCapacity(capacity)
    }

    package mutating func append(_ element: Element) {
        detach()
        array.append(element)
    }

    package mutating func append<S: Sequence>(contentsOf elements: S) where S.Element == Element {
        detach()
        array.append(contentsOf: elements)
    }

    package func withContiguousStorageIfAvailable<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result? {
        section == nil ? try array.withUnsafeBufferPointer(body) : nil
    }
}

extension Column: Equatable {
    /// Element by element, as `Element.same` compares (a NaN budget equals a NaN budget).
    package static func == (lhs: Column, rhs: Column) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy(Element.same)
    }
}

extension Column where Element: FixedWidthColumnElement {
    /// Calls `body` with the elements at `range` (within the column) in place: the mapped
    /// bytes (native little-endian, sections aligned, as `element(at:in:)` reads them) or the
    /// array's storage, so a loop over many rows reads them without a check per element.
    @inlinable func withUnsafeElements<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<Element>) -> Result) -> Result {
        guard let section else { return array.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) } }
        let start = section.bytes.baseAddress.map { ($0 + range.lowerBound * MemoryLayout<Element>.stride).assumingMemoryBound(to: Element.self) }
        return body(UnsafeBufferPointer(start: range.isEmpty ? nil : start, count: range.count))
    }
}

/// A row of ids in a column (a post's terms or tags), each read as at most `limit` (the last
/// valid id): ids from a corrupt cache file still index the columns they name.
package struct IDRow: RandomAccessCollection, Sendable {
    @usableFromInline let ids: Slice<Column<UInt32>>
    @usableFromInline let limit: UInt32

    /// The row of `column` from `start[row]` to `start[row + 1]`, clamped to the column.
    @inlinable init(_ column: Column<UInt32>, start: Column<UInt32>, row: Int, bound: Int) {
        ids = column[Self.range(from: start[row], to: start[row + 1], count: column.count, bound: bound)]
        limit = Self.limit(bound: bound)
    }

    /// The places of a row stored from `low` to `high` in a column of `count` ids of which
    /// `bound` are valid, clamped to the column.
    @inlinable static func range(from low: UInt32, to high: UInt32, count: Int, bound: Int) -> Range<Int> {
        let low = Swift.min(Int(low), count)
        // No valid id (a corrupt file with rows but no terms or tags): an empty row.
        return low..<(bound > 0 ? Swift.min(Swift.max(Int(high), low), count) : low)
    }

    /// The last valid id, which every id read is clamped to.
    @inlinable static func limit(bound: Int) -> UInt32 { UInt32(clamping: Swift.max(bound - 1, 0)) }

    @inlinable package var startIndex: Int { ids.startIndex }
    @inlinable package var endIndex: Int { ids.endIndex }
    @inlinable package subscript(index: Int) -> UInt32 { Swift.min(ids[index], limit) }

    /// Calls `body` with each id of the row in order (clamped as the subscript clamps them),
    /// read in place: for loops over many rows, without the generic collection's checks.
    @inlinable package func forEachID(_ body: (UInt32) -> Void) {
        ids.base.withUnsafeElements(ids.startIndex..<ids.endIndex) { row in
            for id in row { body(Swift.min(id, limit)) }
        }
    }
}
