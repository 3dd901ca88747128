import ProfileCorpus
import ProfileModel

/// The lint result cache's binary form of what reports show besides findings: each section's
/// scores and fit picture (`SectionInsight`) and its fitting posts (`FitReport`).
extension SectionInsight: ResultCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(section)
        writer.write(fieldPath)
        writer.write(scores)
        writer.write(fit)
    }
    init?(reading reader: inout BinaryReader) {
        guard let section = reader.read(String.self), let fieldPath = reader.read(String.self),
              let scores = reader.read([String: Double].self), let fit = reader.read(FitPicture?.self) else { return nil }
        self.init(section: section, fieldPath: fieldPath, scores: scores, fit: fit)
    }
}

extension FitPicture: ResultCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(fitSize)
        writer.write(corpusSize)
        writer.write(tags)
        writer.write(rate)
        writer.write(hourlyRanges)
        writer.write(currency)
        writer.write(freelancerRates)
        writer.write(categories)
        writer.write(posts)
    }
    init?(reading reader: inout BinaryReader) {
        guard let fitSize = reader.read(Int.self), let corpusSize = reader.read(Int.self), let tags = reader.read([Tag].self),
              let rate = reader.read(Double?.self), let hourlyRanges = reader.read([HourlyRange].self),
              let currency = reader.read(String?.self), let freelancerRates = reader.read(Bool.self),
              let categories = reader.read([Category].self),
              let posts = reader.read([Post].self) else { return nil }
        self.init(fitSize: fitSize, corpusSize: corpusSize, tags: tags, rate: rate, hourlyRanges: hourlyRanges,
                  currency: currency, freelancerRates: freelancerRates, categories: categories, posts: posts)
    }
}

extension FitPicture.Tag: ResultCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(display)
        writer.write(inFit)
        writer.write(inCorpus)
        writer.write(own)
        writer.write(category)
    }
    init?(reading reader: inout BinaryReader) {
        guard let display = reader.read(String.self), let inFit = reader.read(Int.self), let inCorpus = reader.read(Int.self),
              let own = reader.read(Bool.self), let category = reader.read(String?.self) else { return nil }
        self.init(display: display, inFit: inFit, inCorpus: inCorpus, own: own, category: category)
    }
}

extension FitPicture.HourlyRange: ResultCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(low)
        writer.write(high)
    }
    init?(reading reader: inout BinaryReader) {
        guard let low = reader.read(Double.self), let high = reader.read(Double.self) else { return nil }
        self.init(low: low, high: high)
    }
}

extension FitPicture.Category: ResultCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(name)
        writer.write(posts)
    }
    init?(reading reader: inout BinaryReader) {
        guard let name = reader.read(String.self), let posts = reader.read(Int.self) else { return nil }
        self.init(name: name, posts: posts)
    }
}

extension FitPicture.Post: ResultCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(title)
        writer.write(location)
        writer.write(url)
        writer.write(score)
    }
    init?(reading reader: inout BinaryReader) {
        guard let title = reader.read(String.self), let location = reader.read(String.self),
              let url = reader.read(String?.self), let score = reader.read(Double.self) else { return nil }
        self.init(title: title, location: location, url: url, score: score)
    }
}

extension FitReport: ResultCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(section)
        writer.write(fitting)
        writer.write(corpusPosts)
        writer.write(share)
        writer.write(enough)
        writer.write(minimum)
        writer.write(criterion)
        writer.write(posts)
        writer.write(truncated)
    }
    init?(reading reader: inout BinaryReader) {
        guard let section = reader.read(String.self), let fitting = reader.read(Int.self),
              let corpusPosts = reader.read(Int.self), let share = reader.read(Double.self),
              let enough = reader.read(Bool.self), let minimum = reader.read(Int.self),
              let criterion = reader.read(String.self), let posts = reader.read([Post].self),
              let truncated = reader.read(Bool.self) else { return nil }
        self.init(section: section, fitting: fitting, corpusPosts: corpusPosts, enough: enough, minimum: minimum,
                  criterion: criterion, posts: posts)
        (self.share, self.truncated) = (share, truncated)  // as stored, not recomputed
    }
}

extension FitReport.Post: ResultCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(path)
        writer.write(line)
        writer.write(id)
        writer.write(url)
        writer.write(title)
        writer.write(score)
        writer.write(tagShare)
        writer.write(wordScore)
    }
    init?(reading reader: inout BinaryReader) {
        guard let path = reader.read(String.self), let line = reader.read(Int.self), let id = reader.read(String?.self),
              let url = reader.read(String?.self), let title = reader.read(String.self), let score = reader.read(Double.self),
              let tagShare = reader.read(Double?.self), let wordScore = reader.read(Double.self) else { return nil }
        self.init(path: path, line: line, id: id, url: url, title: title, score: score, tagShare: tagShare, wordScore: wordScore)
    }
}
