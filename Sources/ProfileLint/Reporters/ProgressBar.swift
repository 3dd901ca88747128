/// The determinate progress line drawn on a terminal while a corpus is parsed.
package enum ProgressBar {
    /// `parsing job posts ▕██████▌     ▏ 54%  3/7 files  12.1 of 22.4 MB  4.0 MB/s  3s left`,
    /// or nil before parsing starts or once it is done.
    package static func text(_ snapshot: LoadProgress.Snapshot, elapsed: Double, width: Int = 20) -> String? {
        guard snapshot.bytesTotal > 0, snapshot.filesDone < snapshot.filesTotal else { return nil }
        let share = Double(snapshot.bytesDone) / Double(snapshot.bytesTotal)
        let megabytes = { (bytes: Int) in String(format: "%.1f", Double(bytes) / 1_000_000) }
        var text = "parsing job posts ▕\(ScoreBar.render(share * 100, width: width).replacingOccurrences(of: "░", with: " "))▏ "
        text += "\(Int((share * 100).rounded(.down)))%  \(snapshot.filesDone)/\(snapshot.filesTotal) files  "
        text += "\(megabytes(snapshot.bytesDone)) of \(megabytes(snapshot.bytesTotal)) MB"
        guard elapsed > 0, snapshot.bytesDone > 0 else { return text }
        let rate = Double(snapshot.bytesDone) / elapsed
        let left = Double(snapshot.bytesTotal - snapshot.bytesDone) / rate
        return text + "  \(megabytes(Int(rate))) MB/s  \(Int(left.rounded(.up)))s left"
    }
}
