/// A row of ids read as `IDRow` reads it (the same places, each id clamped to the last valid
/// one), but through the column's storage: valid only inside `Column.withRows`. A fit reads
/// the tag rows of tens of thousands of judged posts, and making an `IDRow` for each retained
/// and released the column's storage per post (about 4% of a warm lint of a large corpus).
struct UnsafeIDRow: RandomAccessCollection {
    let ids: UnsafeBufferPointer<UInt32>
    let limit: UInt32

    var startIndex: Int { 0 }
    var endIndex: Int { ids.count }
    subscript(index: Int) -> UInt32 { Swift.min(ids[index], limit) }

    /// Calls `body` with each id of the row in order, clamped.
    func forEachID(_ body: (UInt32) -> Void) {
        for id in ids { body(Swift.min(id, limit)) }
    }

    /// The rows of a column, each read in place (`Column.withRows`).
    struct Rows {
        let ids: UnsafeBufferPointer<UInt32>
        let starts: UnsafeBufferPointer<UInt32>
        let bound: Int

        /// Row `row`, at the places `IDRow` reads it from (a start past the column reads 0, as a
        /// mapped column does).
        subscript(row: Int) -> UnsafeIDRow {
            func start(_ index: Int) -> UInt32 { index >= 0 && index < starts.count ? starts[index] : 0 }
            let range = IDRow.range(from: start(row), to: start(row + 1), count: ids.count, bound: bound)
            return UnsafeIDRow(ids: UnsafeBufferPointer(rebasing: ids[range]), limit: IDRow.limit(bound: bound))
        }
    }
}

extension Column<UInt32> {
    /// Calls `body` with the rows that `start` delimits in this column (ids below `bound` valid),
    /// read in place: for loops over many rows, without retaining the columns per row.
    func withRows<Result>(start: Column<UInt32>, bound: Int, _ body: (UnsafeIDRow.Rows) -> Result) -> Result {
        withUnsafeElements(0..<count) { ids in
            start.withUnsafeElements(0..<start.count) { starts in
                body(UnsafeIDRow.Rows(ids: ids, starts: starts, bound: bound))
            }
        }
    }
}
