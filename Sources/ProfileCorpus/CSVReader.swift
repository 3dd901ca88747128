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
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [Record] = []
        var problems: [Problem] = []
        var index = 0
        let count = bytes.count
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        var line = 1
        var lineStart = 0

        var fields: [String] = []
        var field: [UInt8] = []
        var recordLine = 1
        var recordHasContent = false

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            if recordHasContent || fields.count > 1 || !(fields.first ?? "").isEmpty {
                records.append(Record(fields: fields, line: recordLine))
            }
            fields.removeAll(keepingCapacity: true)
            recordHasContent = false
        }
        /// Consumes a line break at `index` (CRLF, LF or CR) and advances the line counter.
        func consumeNewline() {
            if bytes[index] == cr, index + 1 < count, bytes[index + 1] == lf { index += 1 }
            index += 1
            line += 1
            lineStart = index
        }

        while index < count {
            if !recordHasContent && fields.isEmpty && field.isEmpty { recordLine = line }
            let byte = bytes[index]
            if byte == quote && field.isEmpty {
                // A quoted field.
                let openLine = line, openColumn = index - lineStart + 1
                recordHasContent = true
                index += 1
                var closed = false
                while index < count {
                    let inner = bytes[index]
                    if inner == quote {
                        if index + 1 < count, bytes[index + 1] == quote {
                            field.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    if inner == cr || inner == lf {
                        if inner == cr, index + 1 < count, bytes[index + 1] == lf {
                            field.append(cr)
                            index += 1
                        }
                        field.append(bytes[index])
                        index += 1
                        line += 1
                        lineStart = index
                        continue
                    }
                    field.append(inner)
                    index += 1
                }
                if !closed {
                    problems.append(Problem(line: openLine, column: openColumn,
                                            message: "quoted field is never closed; the record starting on line \(recordLine) runs to the end of the file and is skipped"))
                    return (records, problems)
                }
                // After the closing quote: a delimiter, a line break or the end.
                if index < count, bytes[index] != delimiter, bytes[index] != cr, bytes[index] != lf {
                    problems.append(Problem(line: line, column: index - lineStart + 1,
                                            message: "text after a closing quote; it is kept as part of the field"))
                    while index < count, bytes[index] != delimiter, bytes[index] != cr, bytes[index] != lf {
                        field.append(bytes[index])
                        index += 1
                    }
                }
                continue
            }
            if byte == delimiter {
                recordHasContent = true
                endField()
                index += 1
            } else if byte == cr || byte == lf {
                endRecord()
                consumeNewline()
            } else {
                if byte == quote {
                    problems.append(Problem(line: line, column: index - lineStart + 1,
                                            message: "quote inside an unquoted field; it is kept as text"))
                }
                recordHasContent = true
                field.append(byte)
                index += 1
            }
        }
        if recordHasContent || !fields.isEmpty || !field.isEmpty { endRecord() }
        return (records, problems)
    }
}
