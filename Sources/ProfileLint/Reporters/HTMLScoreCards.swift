/// The score cards of an HTML report: each score as a ring with its rounded number, a word
/// for it, what it measures and how to raise it.
enum HTMLScoreCards {
    static func cards(_ scores: [String: Double]) -> String {
        let names = ScoreGuide.ordered(scores)
        guard !names.isEmpty else {
            return "<p class=\"none\">No scores: the rules that compute them do not apply to this section.</p>\n"
        }
        var html = "<div class=\"cards\">\n"
        for name in names {
            guard let score = scores[name] else { continue }
            html += card(ScoreGuide.named(name), score: score)
        }
        return html + "</div>\n"
    }

    /// One card. The ring's circle has a circumference of 100, so the dash length is the score.
    static func card(_ guide: ScoreGuide, score: Double) -> String {
        let value = max(0, min(100, score.isFinite ? score : 0))
        let shown = Int(value.rounded())
        let rating = ScoreGuide.rating(value)
        let label = "\(guide.title): \(shown) of 100, \(rating)"
        return """
        <div class="card">
        <svg class="ring" viewBox="0 0 36 36" role="img" aria-label="\(HTMLMarkup.escape(label))">
        <circle class="track" cx="18" cy="18" r="15.9155" fill="none" stroke-width="3.5"/>
        <circle class="value" cx="18" cy="18" r="15.9155" fill="none" stroke-width="3.5" stroke-dasharray="\(HTMLMarkup.number(value)) 100" transform="rotate(-90 18 18)"/>
        <text x="18" y="22" text-anchor="middle" font-size="11">\(shown)</text>
        </svg>
        <div>
        <p class="card-title"><strong>\(HTMLMarkup.escape(guide.title))</strong> <span class="rating">· \(rating)</span></p>
        <p>\(HTMLMarkup.escape(guide.meaning))</p>
        <p><strong>To raise it:</strong> \(HTMLMarkup.escape(guide.advice))</p>
        </div>
        </div>

        """
    }
}
