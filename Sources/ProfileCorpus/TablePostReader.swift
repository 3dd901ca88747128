import ProfileModel

/// CSV and TSV: a header row names the fields of every following row.
enum TablePostReader {
    /// The rows as posts; a column no field reads is left unread (`.null`). A large file is
    /// read on up to `workers` threads.
    static func posts(_ file: CorpusFile, delimiter: UInt8, mapper: PostFieldMapper, workers: Int = 1,
                      issues: inout [CorpusIssue]) -> [RawPost] {
        var read: [Bool] = []
        let reader = CSVReader(delimiter: sniffedDelimiter(file.bytes, default: delimiter))
        let (records, problems) = reader.records(file.bytes, workers: workers) { header in
            read = FieldColumns(header: header.map(\.trimmingSpaces), mapper: mapper).layoutColumnsRead
            return read
        }
        issues += problems.map { CorpusIssue(PostLocation(path: file.path, line: $0.line, column: $0.column), $0.message) }
        guard let header = records.first else { return [] }
        let keys = header.fields.map { $0.trimmingSpaces }, columnsRead = read
        // Rows made posts on every thread, as the scan: on one, they were a tenth of the loading.
        let parts = ParallelMap.chunks(count: records.count - 1, workers: workers) { rows in
            var raws: [RawPost] = [], issues: [CorpusIssue] = []
            raws.reserveCapacity(rows.count)
            for record in records[(rows.lowerBound + 1)..<(rows.upperBound + 1)] {
                let location = PostLocation(path: file.path, line: record.line)
                guard record.fields.count == keys.count else {
                    issues.append(CorpusIssue(location, "row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s") but the header has \(keys.count); row skipped"))
                    continue
                }
                // Labelled as `RawPost` holds them: an unlabelled array was converted element by
                // element with dynamic casts.
                let fields = zip(keys, record.fields).enumerated().map { position, field -> (key: String, value: RawValue) in
                    (field.0, position < columnsRead.count && !columnsRead[position] ? RawValue.null : .text(field.1))
                }
                raws.append(RawPost(fields: fields, location: location))
            }
            return (raws: raws, issues: issues)
        }
        issues += parts.flatMap(\.issues)
        return parts.flatMap(\.raws)
    }

    /// The delimiter of the header row: `default` when the header has it, else the one of `;`,
    /// tab and `|` it has most (spreadsheets in many locales save "CSV" with `;`).
    static func sniffedDelimiter(_ bytes: [UInt8], default delimiter: UInt8) -> UInt8 {
        var counts: [UInt8: Int] = [:]
        var quoted = false
        for byte in bytes.prefix(65_536) {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if byte == 0x0A || byte == 0x0D { break }
            if byte == delimiter || byte == UInt8(ascii: ";") || byte == 0x09 || byte == UInt8(ascii: "|") { counts[byte, default: 0] += 1 }
        }
        guard counts[delimiter] == nil, let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return delimiter }
        return best.key
    }
}
