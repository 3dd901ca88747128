import ProfileModel

/// CSV and TSV: a header row names the fields of every following row.
enum TablePostReader {
    static func posts(_ file: CorpusFile, delimiter: UInt8, issues: inout [CorpusIssue]) -> [RawPost] {
        let (records, problems) = CSVReader(delimiter: delimiter).records(file.bytes)
        issues += problems.map { CorpusIssue(PostLocation(path: file.path, line: $0.line, column: $0.column), $0.message) }
        guard let header = records.first else { return [] }
        let keys = header.fields.map { $0.trimmingSpaces }
        var raws: [RawPost] = []
        raws.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            let location = PostLocation(path: file.path, line: record.line)
            guard record.fields.count == keys.count else {
                issues.append(CorpusIssue(location, "row has \(record.fields.count) fields but the header has \(keys.count); row skipped"))
                continue
            }
            raws.append(RawPost(fields: zip(keys, record.fields).map { ($0, RawValue.text($1)) }, location: location))
        }
        return raws
    }
}
