import ProfileModel

extension Corpus {
    /// The picture of the posts that fit `section`: their tags against the corpus (the
    /// section's own tags marked), their hourly ranges, categories and best posts.
    package func picture(of section: ProfileSection, criterion: FitCriterion = FitCriterion()) -> FitPicture {
        let query = ProfileQuery(section: section, corpus: self)
        return picture(query: query, fit: fit(query, criterion: criterion))
    }

    /// The picture of a section whose query and fit are already built.
    package func picture(query: ProfileQuery, fit: Fit) -> FitPicture {
        let ranges = HourlyRanges(fit.posts, stats: stats, currency: query.hourlyCurrency)
        return FitPicture(fitSize: fit.count, corpusSize: stats.postCount, tags: pictureTags(query, fit: fit),
                          rate: query.hourlyRate?.amount, hourlyRanges: chartRanges(ranges), currency: ranges.currency,
                          freelancerRates: ranges.areFreelancerRates,
                          categories: categoryCounts(fit.posts).map { FitPicture.Category(name: $0.category, posts: $0.count) },
                          posts: zip(fit.posts, fit.scores).prefix(FitPicture.postLimit).map { post, score in
                              FitPicture.Post(title: stats.titles[post], location: stats.location(ofPost: post),
                                                  url: stats.postURLs[post].isEmpty ? nil : stats.postURLs[post], score: score)
                          })
    }

    /// The fitting posts' most used tags, then the section's own tags they lack, each once.
    private func pictureTags(_ query: ProfileQuery, fit: Fit) -> [FitPicture.Tag] {
        let fitTags = fit.count > 0 ? self.fitTags(fit) : []
        let inFit = Dictionary(fitTags.map { ($0.key, $0.inFit) }, uniquingKeysWith: { first, _ in first })
        var own: [String: String] = [:]
        var ownOrder: [String] = []
        for skill in query.skills {
            let key = canonicalizer.key(skill.text)
            guard own[key] == nil else { continue }
            own[key] = skill.text
            ownOrder.append(key)
        }
        var tags = fitTags.prefix(FitPicture.tagLimit).map { tag in
            FitPicture.Tag(display: tag.display, inFit: tag.inFit, inCorpus: tag.inCorpus, own: own[tag.key] != nil,
                           category: own[tag.key] != nil ? mainCategory(ofTag: tag.id) : nil)
        }
        let shown = Set(fitTags.prefix(FitPicture.tagLimit).map(\.key))
        for key in ownOrder where !shown.contains(key) {
            let id = stats.tagIndex[key]
            tags.append(FitPicture.Tag(display: own[key] ?? key, inFit: inFit[key] ?? 0,
                                       inCorpus: id.map { Int(stats.tagFrequency[Int($0)]) } ?? 0, own: true,
                                       category: id.flatMap(mainCategory(ofTag:))))
        }
        return tags.enumerated().sorted { ($0.element.inFit, $1.offset) > ($1.element.inFit, $0.offset) }.map(\.element)
    }

    /// The ranges `corpus-rate-range` compares (one currency), by lower end then upper end; a
    /// range with one end is drawn as that one amount.
    func chartRanges(_ ranges: HourlyRanges) -> [FitPicture.HourlyRange] {
        ranges.ranges.compactMap { range -> FitPicture.HourlyRange? in
            guard let low = range.min ?? range.max, let high = range.max ?? range.min else { return nil }
            return FitPicture.HourlyRange(low: low, high: high)
        }.sorted { ($0.low, $0.high) < ($1.low, $1.high) }
    }

    /// The category most corpus posts carrying `tag` belong to (ties: the first category).
    func mainCategory(ofTag tag: UInt32) -> String? {
        guard let best = tagCategories(tag).max(by: { ($0.posts, $1.category) < ($1.posts, $0.category) }) else { return nil }
        return stats.categories[Int(best.category)]
    }
}
