/// The charts of one profile section in an HTML report, drawn from its `FitPicture`. Bar
/// charts are tables whose rows hold a small SVG bar next to the numbers, so the table is
/// the chart's text alternative; the rate chart is one SVG with a `<title>` and `<desc>`.
struct HTMLCharts {
    /// The section's anchor, to make ids unique in the page.
    var anchor: String
    /// Corpus locations are shown relative to it.
    var workingDirectory: String

    /// Categories shown before the rest are summed into one row.
    static let categoryLimit = 8

    /// "312 of 2,400 posts (13%) fit this section."
    func fitSentence(_ fit: FitPicture) -> String {
        guard fit.fitSize > 0 else {
            return "None of the \(HTMLMarkup.counted(fit.corpusSize, "post")) in the corpus fits this section, so there is nothing to chart."
        }
        return "\(HTMLMarkup.count(fit.fitSize)) of \(HTMLMarkup.counted(fit.corpusSize, "job post")) "
            + "(\(HTMLMarkup.percent(fit.fitSize, of: fit.corpusSize))) fit this section; the charts describe them."
    }

    /// The fitting posts' skill tags: share among them against share in the whole corpus.
    func tags(_ fit: FitPicture) -> String {
        var html = "<figure>\n<figcaption><strong>Skill tags clients use</strong>"
        html += "The most used tags of the \(HTMLMarkup.counted(fit.fitSize, "fitting post")) and your own tags (★), "
        html += "as a share of the fitting posts and of all \(HTMLMarkup.counted(fit.corpusSize, "post")).</figcaption>\n"
        html += "<ul class=\"legend\" aria-hidden=\"true\"><li><span class=\"swatch fit\"></span>fitting posts</li>"
        html += "<li><span class=\"swatch corpus\"></span>all posts</li><li><span class=\"own-mark\">★</span> your tag</li></ul>\n"
        html += "<table class=\"bars\">\n<thead><tr><th scope=\"col\">Tag</th><th scope=\"col\"><span class=\"visually-hidden\">Bars</span></th>"
        html += "<th scope=\"col\" class=\"num\">Fitting</th><th scope=\"col\" class=\"num\">All</th></tr></thead>\n<tbody>\n"
        for tag in fit.tags {
            let fitShare = Self.share(tag.inFit, of: fit.fitSize), corpusShare = Self.share(tag.inCorpus, of: fit.corpusSize)
            html += tag.own ? "<tr class=\"own\"><th scope=\"row\"><span class=\"own-mark\" aria-hidden=\"true\">★</span>&nbsp;<span class=\"visually-hidden\">(your tag) </span>" : "<tr><th scope=\"row\">"
            html += HTMLMarkup.escape(tag.display) + "</th>\n"
            html += "<td class=\"bar\"><svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\">"
            html += "<rect class=\"fit\" x=\"0\" y=\"0\" height=\"5.5\" width=\"\(HTMLMarkup.number(100 * fitShare))\"/>"
            html += "<rect class=\"corpus\" x=\"0\" y=\"6.5\" height=\"3.5\" width=\"\(HTMLMarkup.number(100 * corpusShare))\"/></svg></td>\n"
            html += "<td class=\"num\">\(HTMLMarkup.count(tag.inFit)) · \(Percent.format(fitShare))</td>"
            html += "<td class=\"num\">\(Percent.format(corpusShare))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</figure>\n"
    }

    /// The clients' hourly ranges: how many of them include each rate, the section's rate marked.
    func rate(_ fit: FitPicture) -> String {
        let whose = fit.freelancerRates ? "other freelancers' rates" : "the clients' budgets"
        var html = "<figure>\n<figcaption><strong>Your rate among \(whose)</strong>"
        let ranges = fit.hourlyRanges
        guard !ranges.isEmpty else {
            return html + "None of the fitting posts gives an hourly budget, so the rate cannot be compared.</figcaption>\n</figure>\n"
        }
        let chart = RateChart(ranges: ranges, rate: fit.rate, currency: fit.currency, freelancerRates: fit.freelancerRates)
        html += HTMLMarkup.escape(chart.summary) + "</figcaption>\n"
        html += "<ul class=\"legend\" aria-hidden=\"true\"><li><span class=\"swatch fit\"></span>\(fit.freelancerRates ? "freelancers whose hourly rate is in the bin" : "clients whose hourly range includes the rate")</li>"
        if fit.rate != nil { html += "<li><span class=\"swatch rate\"></span>your rate</li>" }
        html += "</ul>\n"
        return html + chart.svg(id: "\(anchor)-rate") + "</figure>\n"
    }

    /// The fitting posts' categories, and the section's tags that none of them carries.
    func niche(_ fit: FitPicture) -> String {
        var html = "<figure>\n<figcaption><strong>Your niche</strong>"
        let categorized = fit.categories.reduce(0) { $0 + $1.posts }
        if fit.categories.isEmpty {
            html += "The corpus gives no categories for the fitting posts.</figcaption>\n"
        } else {
            html += "The job categories of the \(HTMLMarkup.counted(categorized, "fitting post")) that name one.</figcaption>\n"
            var rows = fit.categories.prefix(Self.categoryLimit).map { ($0.name, $0.posts) }
            let rest = fit.categories.dropFirst(Self.categoryLimit)
            if !rest.isEmpty { rows.append(("\(rest.count) other categories", rest.reduce(0) { $0 + $1.posts })) }
            html += "<table class=\"bars\">\n<thead><tr><th scope=\"col\">Category</th><th scope=\"col\"><span class=\"visually-hidden\">Bars</span></th>"
            html += "<th scope=\"col\" class=\"num\">Posts</th></tr></thead>\n<tbody>\n"
            for (name, posts) in rows {
                let share = Self.share(posts, of: categorized)
                html += "<tr><th scope=\"row\">\(HTMLMarkup.escape(name))</th>\n<td class=\"bar\"><svg class=\"bar\" viewBox=\"0 0 100 10\" "
                html += "preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"fit\" x=\"0\" y=\"1\" height=\"8\" "
                html += "width=\"\(HTMLMarkup.number(100 * share))\"/></svg></td>\n"
                html += "<td class=\"num\">\(HTMLMarkup.count(posts)) · \(Percent.format(share))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        let outside = fit.ownTagsOutside
        guard !outside.isEmpty else {
            return html + "<p class=\"muted\">Every one of your tags is carried by some fitting post.</p>\n</figure>\n"
        }
        html += "<p>Your tags outside this niche (no fitting post carries them):</p>\n<ul class=\"chips\">\n"
        for tag in outside {
            let whereUsed = tag.inCorpus == 0 ? "in no post of the corpus"
                : tag.category.map { "mostly in \($0)" } ?? "in \(HTMLMarkup.counted(tag.inCorpus, "other post"))"
            html += "<li>\(HTMLMarkup.escape(tag.display)) <span class=\"where\">— \(HTMLMarkup.escape(whereUsed))</span></li>\n"
        }
        return html + "</ul>\n</figure>\n"
    }

    /// The best fitting posts, linked when they have a URL.
    func posts(_ fit: FitPicture) -> String {
        var html = "<h4>Posts compared</h4>\n<p class=\"muted\">"
        html += fit.posts.count < fit.fitSize
            ? "The \(fit.posts.count) best fitting of the \(HTMLMarkup.counted(fit.fitSize, "fitting post")), best first, with their relevance scores."
            : "The fitting posts, best first, with their relevance scores."
        html += "</p>\n<ol class=\"posts\">\n"
        for post in fit.posts {
            let title = HTMLMarkup.escape(post.title.isEmpty ? "(untitled post)" : post.title)
            let link = post.url.flatMap { url in Self.isWebLink(url) ? url : nil }
            html += "<li>" + (link.map { "<a href=\"\(HTMLMarkup.escape($0))\">\(title)</a>" } ?? title)
            html += " <span class=\"where\">\(HTMLMarkup.escape(ReportPaths.relative(post.location, to: workingDirectory)))"
            html += " · score \(Format.decimal(post.score))</span></li>\n"
        }
        return html + "</ol>\n"
    }

    /// Only http(s) URLs become links: a corpus could hold `javascript:` or `data:` ones.
    static func isWebLink(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return (lowered.hasPrefix("https://") || lowered.hasPrefix("http://")) && !url.contains(where: \.isWhitespace)
    }

    static func share(_ part: Int, of whole: Int) -> Double {
        whole > 0 ? min(1, Double(part) / Double(whole)) : 0
    }
}
