/// A 0-100 score drawn with block characters for a terminal: full blocks, one partial block
/// in eighths, then light shade to the bar's width, so bars of different scores line up.
package enum ScoreBar {
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    package static func render(_ score: Double, width: Int) -> String {
        let clamped = max(0, min(100, score.isFinite ? score : 0))
        let units = Int((clamped / 100 * Double(width * 8)).rounded())
        let full = units / 8, partial = units % 8
        let shade = width - full - (partial > 0 ? 1 : 0)
        return String(repeating: "█", count: full) + eighths[partial] + String(repeating: "░", count: max(0, shade))
    }

    /// A score as a whole number: `63`.
    package static func rounded(_ score: Double) -> String {
        score.isFinite ? String(Int(max(-1e9, min(1e9, score)).rounded())) : "–"
    }

    /// A change as a signed whole number: `+13`, `-5`, `0`.
    static func change(_ before: Double, _ after: Double) -> String {
        let delta = Int((max(-1e9, min(1e9, after)) - max(-1e9, min(1e9, before))).rounded())
        return delta > 0 ? "+\(delta)" : "\(delta)"
    }
}
