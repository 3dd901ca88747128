/// An RFC 4180 reader for CSV and TSV: quoted fields (with `""` escapes and line breaks
/// inside), CRLF/LF/CR record ends, a leading UTF-8 BOM. Each record keeps the line it
/// starts on, so problems are reported as `path:line:col`.
///
/// Leniency, each reported as an issue but never fatal: a quote inside an unquoted field is
/// kept as text; text after a closing quote is appended to the field; a quoted field still
/// open at the end of the file drops its record (reported at the opening quote).
package struct CSVReader: Sendable {
    /// One record: its fields and the 1-based line it starts on.
    package struct Record: Sendable, Equatable {
        package var fields: [String]
        package var line: Int
    }

    /// A problem at a 1-based line and column (columns in bytes from the line start + 1).
    package struct Problem: Sendable, Equatable {
        package var line: Int
        package var column: Int
        package var message: String
    }

    let delimiter: UInt8

    package init(delimiter: UInt8 = UInt8(ascii: ",")) {
        self.delimiter = delimiter
    }

    /// Splits `bytes` into records. Blank lines between records are skipped.
    func records(_ bytes: [UInt8]) -> (records: [Record], problems: [Problem]) {
        records(bytes, workers: 1)
    }

    /// Splits `bytes` into records, reading only the fields `keeping` asks for after the first
    /// record (given that record's fields; the others are left empty: a table's posts read few
    /// of its columns), on up to `workers` threads for a large input (see `CSVPieces`): the
    /// records and problems are those of one pass.
    func records(_ bytes: [UInt8], workers: Int, keeping: (([String]) -> [Bool])? = nil,
                 piecesFrom minimumBytes: Int = CSVPieces.minimumBytes) -> (records: [Record], problems: [Problem]) {
        var header = Scanner(bytes: bytes, delimiter: delimiter, range: 0..<bytes.count)
        header.run(recordLimit: 1)
        guard !header.unclosed, header.index < bytes.count else {
            header.flush()
            return (header.records, header.problems)
        }
        let keep = header.records.first.map { keeping?($0.fields) ?? [] } ?? []
        let rest = header.index..<bytes.count
        let pieces = CSVPieces.split(bytes, rest, count: rest.count >= minimumBytes ? workers : 1)
        let scanned = ParallelMap.map(pieces, workers: workers) { piece in
            var scanner = Scanner(bytes: bytes, delimiter: delimiter, range: piece, keep: keep)
            scanner.run()
            return scanner
        }
        // A piece other than the last must end where a record ends; else the split guessed
        // wrong (a stray quote) and the rest is read in one pass.
        let clean = scanned.dropLast().allSatisfy { !$0.unclosed && $0.isBetweenRecords }
        var records = header.records, problems = header.problems
        var lineBase = header.line - 1
        for (position, var scanner) in scanned.enumerated() where clean {
            if position == scanned.count - 1 {
                // The last piece's messages name lines: read it again from its true first line
                // when it has one (an unclosed quote), as one pass would have written it.
                if scanner.unclosed {
                    scanner = Scanner(bytes: bytes, delimiter: delimiter, range: pieces[position], keep: keep, line: lineBase + 1)
                    scanner.run()
                    lineBase = 0
                }
                scanner.flush()
            }
            records += scanner.records.map { Record(fields: $0.fields, line: $0.line + lineBase) }
            problems += scanner.problems.map { Problem(line: $0.line + lineBase, column: $0.column, message: $0.message) }
            lineBase += scanner.line - 1
        }
        if !clean {
            var scanner = Scanner(bytes: bytes, delimiter: delimiter, range: rest, keep: keep, line: header.line)
            scanner.run()
            scanner.flush()
            records += scanner.records
            problems += scanner.problems
        }
        return (records, problems)
    }

    /// The reading state: where it is in the bytes, the record being built and what was found.
    private struct Scanner {
        static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        let bytes: [UInt8]
        let delimiter: UInt8
        /// Where the reading stops (the bytes after it are another scanner's).
        let end: Int
        /// Which fields of a record to keep (all when empty); the others are left empty.
        let keep: [Bool]
        var records: [Record] = []
        var problems: [Problem] = []
        var index: Int
        var line: Int
        var lineStart: Int
        var fields: [String] = []
        var field: [UInt8] = []
        var recordLine = 1
        var recordHasContent = false
        /// A quoted field ran to `end` without its closing quote (the reading stopped there).
        var unclosed = false

        /// A scanner of `range`, which starts a record at line `line`.
        init(bytes: [UInt8], delimiter: UInt8, range: Range<Int>, keep: [Bool] = [], line: Int = 1) {
            self.bytes = bytes
            self.delimiter = delimiter
            self.keep = keep
            self.line = line
            (index, lineStart, end) = (range.lowerBound, range.lowerBound, range.upperBound)
            if index == 0, end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        }

        /// Whether no record is half read.
        var isBetweenRecords: Bool { !recordHasContent && fields.isEmpty && field.isEmpty }

        /// Reads records up to `end`, or until `recordLimit` are read; a quoted field never
        /// closed ends the reading. `flush` then ends the record the bytes end in.
        mutating func run(recordLimit: Int = .max) {
            while index < end, records.count < recordLimit {
                if !recordHasContent && fields.isEmpty && field.isEmpty { recordLine = line }
                let byte = bytes[index]
                if byte == Self.quote && field.isEmpty {
                    guard quotedField() else {
                    unclosed = true
                    return
                }
                    continue
                }
                if byte == delimiter {
                    recordHasContent = true
                    endField()
                    index += 1
                } else if byte == Self.cr || byte == Self.lf {
                    endRecord()
                    consumeNewline()
                } else {
                    if byte == Self.quote {
                        problems.append(Problem(line: line, column: index - lineStart + 1,
                                                message: "quote inside an unquoted field; it is kept as text"))
                    }
                    recordHasContent = true
                    // The field's plain bytes up to the next byte that means something, at once.
                    let start = index
                    index = bytes.withUnsafeBytes {
                        ByteSearch.first(delimiter, Self.quote, Self.cr, Self.lf, in: $0, from: start + 1, to: end)
                    }
                    field.append(contentsOf: bytes[start..<index])
                }
            }
        }

        /// Ends the record the bytes end in, if any (at the end of the input, not of a piece).
        mutating func flush() {
            if !unclosed && !isBetweenRecords { endRecord() }
        }

        /// Reads a quoted field from its opening quote at `index`, then any text after the
        /// closing quote. False when the quote is never closed (the record is dropped).
        mutating func quotedField() -> Bool {
            let openLine = line, openColumn = index - lineStart + 1
            recordHasContent = true
            index += 1
            var closed = false
            while index < end {
                let inner = bytes[index]
                if inner == Self.quote {
                    if index + 1 < end, bytes[index + 1] == Self.quote {
                        field.append(Self.quote)
                        index += 2
                        continue
                    }
                    index += 1
                    closed = true
                    break
                }
                if inner == Self.cr || inner == Self.lf {
                    if inner == Self.cr, index + 1 < end, bytes[index + 1] == Self.lf {
                        field.append(Self.cr)
                        index += 1
                    }
                    field.append(bytes[index])
                    index += 1
                    line += 1
                    lineStart = index
                    continue
                }
                let start = index
                index = bytes.withUnsafeBytes { ByteSearch.first(Self.quote, Self.cr, Self.lf, Self.lf, in: $0, from: start + 1, to: end) }
                field.append(contentsOf: bytes[start..<index])
            }
            guard closed else {
                problems.append(Problem(line: openLine, column: openColumn,
                                        message: "quoted field is never closed; the record starting on line \(recordLine) runs to the end of the file and is skipped"))
                return false
            }
            keepTextAfterClosingQuote()
            return true
        }

        /// After a closing quote comes a delimiter, a line break or the end; other text is kept
        /// as part of the field, and reported.
        mutating func keepTextAfterClosingQuote() {
            func endsField(_ byte: UInt8) -> Bool { byte == delimiter || byte == Self.cr || byte == Self.lf }
            guard index < end, !endsField(bytes[index]) else { return }
            problems.append(Problem(line: line, column: index - lineStart + 1,
                                    message: "text after a closing quote; it is kept as part of the field"))
            while index < end, !endsField(bytes[index]) {
                field.append(bytes[index])
                index += 1
            }
        }

        mutating func endField() {
            let kept = keep.isEmpty || (fields.count < keep.count && keep[fields.count])
            fields.append(kept ? String(decoding: field, as: UTF8.self) : "")
            field.removeAll(keepingCapacity: true)
        }

        mutating func endRecord() {
            endField()
            if recordHasContent || fields.count > 1 || !(fields.first ?? "").isEmpty {
                records.append(Record(fields: fields, line: recordLine))
            }
            fields.removeAll(keepingCapacity: true)
            recordHasContent = false
        }

        /// Consumes a line break at `index` (CRLF, LF or CR) and advances the line counter.
        mutating func consumeNewline() {
            if bytes[index] == Self.cr, index + 1 < end, bytes[index + 1] == Self.lf { index += 1 }
            index += 1
            line += 1
            lineStart = index
        }
    }
}
