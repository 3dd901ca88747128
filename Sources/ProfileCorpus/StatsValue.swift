import ProfileModel

/// A value `CorpusStats` stores, as the cache writes it (one section), opens it and compares it.
protocol StatsValue {
    /// Elements, for the length checks.
    var elementCount: Int { get }
    func write(to file: inout CacheFileWriter) throws(CacheFileWriter.Failure)
    /// The value over a section of a mapped cache file; nil when the section does not hold one.
    static func open(_ section: MappedSection) -> Self?
    /// Equality as the statistics mean it (see `ColumnElement.same`).
    func isSame(as other: Self) -> Bool
}

extension Column: StatsValue {
    var elementCount: Int { count }
    func write(to file: inout CacheFileWriter) throws(CacheFileWriter.Failure) { try Element.write(self, to: &file) }
    static func open(_ section: MappedSection) -> Column? { Element.isValid(section) ? Column(section: section) : nil }
    func isSame(as other: Column) -> Bool { self == other }
}

/// A count: a section of one 64-bit value.
extension Int: StatsValue {
    var elementCount: Int { 1 }
    func write(to file: inout CacheFileWriter) throws(CacheFileWriter.Failure) { try UInt64.write([UInt64(self)], to: &file) }
    static func open(_ section: MappedSection) -> Int? {
        guard section.count == 1, UInt64.isValid(section) else { return nil }
        return Int(clamping: UInt64.element(at: 0, in: section))
    }
    func isSame(as other: Int) -> Bool { self == other }
}

/// The loading problems (few): a section of bytes, decoded when the file is opened.
extension Array: StatsValue where Element == CorpusIssue {
    var elementCount: Int { count }

    func write(to file: inout CacheFileWriter) throws(CacheFileWriter.Failure) {
        var writer = BinaryWriter()
        writer.u32(UInt32(count))
        for issue in self {
            writer.string(issue.location.path)
            writer.u32(UInt32(issue.location.line))
            writer.u32(UInt32(issue.location.column))
            writer.string(issue.severity.rawValue)
            writer.string(issue.message)
        }
        try UInt8.write(writer.bytes, to: &file)
    }

    static func open(_ section: MappedSection) -> [CorpusIssue]? {
        guard UInt8.isValid(section) else { return nil }
        var reader = BinaryReader(bytes: section.bytes)
        // Each issue takes at least five 4-byte fields.
        guard let count = reader.count(elementSize: 20) else { return nil }
        var issues: [CorpusIssue] = []
        for _ in 0..<count {
            guard let path = reader.string(), let line = reader.u32(), let column = reader.u32(),
                  let severity = reader.string().flatMap(Severity.init(rawValue:)), let message = reader.string()
            else { return nil }
            issues.append(CorpusIssue(PostLocation(path: path, line: Int(line), column: Int(column)), message, severity: severity))
        }
        return reader.atEnd ? issues : nil
    }

    func isSame(as other: [CorpusIssue]) -> Bool { self == other }
}
