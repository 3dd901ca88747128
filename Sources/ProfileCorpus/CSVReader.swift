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
        var scanner = Scanner(bytes: bytes, delimiter: delimiter)
        scanner.run()
        return (scanner.records, scanner.problems)
    }

    /// The reading state: where it is in the bytes, the record being built and what was found.
    private struct Scanner {
        static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        let bytes: [UInt8]
        let delimiter: UInt8
        var records: [Record] = []
        var problems: [Problem] = []
        var index = 0
        var line = 1
        var lineStart = 0
        var fields: [String] = []
        var field: [UInt8] = []
        var recordLine = 1
        var recordHasContent = false

        init(bytes: [UInt8], delimiter: UInt8) {
            self.bytes = bytes
            self.delimiter = delimiter
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        }

        /// Reads every record; a quoted field never closed ends the reading.
        mutating func run() {
            while index < bytes.count {
                if !recordHasContent && fields.isEmpty && field.isEmpty { recordLine = line }
                let byte = bytes[index]
                if byte == Self.quote && field.isEmpty {
                    guard quotedField() else { return }
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
                    index += 1
                    while index < bytes.count, !isSpecial(bytes[index]) { index += 1 }
                    field.append(contentsOf: bytes[start..<index])
                }
            }
            if recordHasContent || !fields.isEmpty || !field.isEmpty { endRecord() }
        }

        /// A byte that ends or starts something outside quotes: a delimiter, a quote, a line break.
        func isSpecial(_ byte: UInt8) -> Bool {
            byte == delimiter || byte == Self.quote || byte == Self.cr || byte == Self.lf
        }

        /// Reads a quoted field from its opening quote at `index`, then any text after the
        /// closing quote. False when the quote is never closed (the record is dropped).
        mutating func quotedField() -> Bool {
            let openLine = line, openColumn = index - lineStart + 1
            recordHasContent = true
            index += 1
            var closed = false
            while index < bytes.count {
                let inner = bytes[index]
                if inner == Self.quote {
                    if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                        field.append(Self.quote)
                        index += 2
                        continue
                    }
                    index += 1
                    closed = true
                    break
                }
                if inner == Self.cr || inner == Self.lf {
                    if inner == Self.cr, index + 1 < bytes.count, bytes[index + 1] == Self.lf {
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
                index += 1
                while index < bytes.count, bytes[index] != Self.quote, bytes[index] != Self.cr, bytes[index] != Self.lf { index += 1 }
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
            guard index < bytes.count, !endsField(bytes[index]) else { return }
            problems.append(Problem(line: line, column: index - lineStart + 1,
                                    message: "text after a closing quote; it is kept as part of the field"))
            while index < bytes.count, !endsField(bytes[index]) {
                field.append(bytes[index])
                index += 1
            }
        }

        mutating func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
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
            if bytes[index] == Self.cr, index + 1 < bytes.count, bytes[index + 1] == Self.lf { index += 1 }
            index += 1
            line += 1
            lineStart = index
        }
    }
}
