import ProfileModel

/// A value `CorpusStats` stores, as the cache writes, reads and compares it.
protocol StatsValue {
    /// Elements, for the length checks.
    var elementCount: Int { get }
    func write(to writer: inout BinaryWriter)
    static func read(from reader: inout BinaryReader) -> Self?
    /// Equality as the statistics mean it (a NaN budget means "none", so NaN equals NaN).
    func isSame(as other: Self) -> Bool
}

/// An element of a stored array: how a whole array of it is coded and compared.
protocol StatsElement {
    static func write(_ values: [Self], to writer: inout BinaryWriter)
    static func read(from reader: inout BinaryReader) -> [Self]?
    static func areSame(_ lhs: [Self], _ rhs: [Self]) -> Bool
}

extension StatsElement where Self: Equatable {
    static func areSame(_ lhs: [Self], _ rhs: [Self]) -> Bool { lhs == rhs }
}

extension Array: StatsValue where Element: StatsElement {
    var elementCount: Int { count }
    func write(to writer: inout BinaryWriter) { Element.write(self, to: &writer) }
    static func read(from reader: inout BinaryReader) -> [Element]? { Element.read(from: &reader) }
    func isSame(as other: [Element]) -> Bool { Element.areSame(self, other) }
}

extension Int: StatsValue {
    var elementCount: Int { 1 }
    func write(to writer: inout BinaryWriter) { writer.u32(UInt32(self)) }
    static func read(from reader: inout BinaryReader) -> Int? { reader.u32().map(Int.init) }
    func isSame(as other: Int) -> Bool { self == other }
}

extension String: StatsElement {
    static func write(_ values: [String], to writer: inout BinaryWriter) { writer.strings(values) }
    static func read(from reader: inout BinaryReader) -> [String]? { reader.strings() }
}

extension UInt8: StatsElement {
    static func write(_ values: [UInt8], to writer: inout BinaryWriter) { writer.u8s(values) }
    static func read(from reader: inout BinaryReader) -> [UInt8]? { reader.u8s() }
}

extension UInt16: StatsElement {
    static func write(_ values: [UInt16], to writer: inout BinaryWriter) { writer.u16s(values) }
    static func read(from reader: inout BinaryReader) -> [UInt16]? { reader.u16s() }
}

extension UInt32: StatsElement {
    static func write(_ values: [UInt32], to writer: inout BinaryWriter) { writer.u32s(values) }
    static func read(from reader: inout BinaryReader) -> [UInt32]? { reader.u32s() }
}

extension UInt64: StatsElement {
    static func write(_ values: [UInt64], to writer: inout BinaryWriter) { writer.u64s(values) }
    static func read(from reader: inout BinaryReader) -> [UInt64]? { reader.u64s() }
}

extension Int32: StatsElement {
    static func write(_ values: [Int32], to writer: inout BinaryWriter) { writer.u32s(values.map { UInt32(bitPattern: $0) }) }
    static func read(from reader: inout BinaryReader) -> [Int32]? { reader.u32s()?.map { Int32(bitPattern: $0) } }
}

extension Double: StatsElement {
    static func write(_ values: [Double], to writer: inout BinaryWriter) { writer.u64s(values.map(\.bitPattern)) }
    static func read(from reader: inout BinaryReader) -> [Double]? { reader.u64s()?.map(Double.init(bitPattern:)) }
    static func areSame(_ lhs: [Double], _ rhs: [Double]) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }
}

extension CorpusIssue: StatsElement {
    static func write(_ values: [CorpusIssue], to writer: inout BinaryWriter) {
        writer.u32(UInt32(values.count))
        for issue in values {
            writer.string(issue.location.path)
            writer.u32(UInt32(issue.location.line))
            writer.u32(UInt32(issue.location.column))
            writer.string(issue.severity.rawValue)
            writer.string(issue.message)
        }
    }

    static func read(from reader: inout BinaryReader) -> [CorpusIssue]? {
        // Each issue takes at least five 4-byte fields.
        guard let count = reader.count(elementSize: 20) else { return nil }
        var issues: [CorpusIssue] = []
        for _ in 0..<count {
            guard let path = reader.string(), let line = reader.u32(), let column = reader.u32(),
                  let severity = reader.string().flatMap(Severity.init(rawValue:)), let message = reader.string()
            else { return nil }
            issues.append(CorpusIssue(PostLocation(path: path, line: Int(line), column: Int(column)), message, severity: severity))
        }
        return issues
    }
}
