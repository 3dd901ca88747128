import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// The four-track corpus rewritten, at test time, in the shapes other scrapers export: columns
/// renamed (`job_title`, `Skills`, `description_html`, `Label`, `hourly_min`/`budget`) and
/// reordered, a JSON wrapper with camelCase keys, JSON Lines, one Markdown file per post, an
/// API export with the fields nested under `job` and skills as objects, and a job-board CSV
/// (`job_title`, `jobDescription`, `skills_required`, budgets as `Hourly: $20.00 - $45.00`). The
/// same posts must load and the same posts must fit each track's profile, whatever the shape.
@Suite(.serialized) struct RealCorpusShapesTests {
    /// The posts of the original file, as loaded.
    static let posts = (try? RealData.loadPosts(RealData.fourTracks).posts) ?? []

    /// A directory with one variant of the corpus; removed by the caller.
    struct Variant {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shapes-\(UUID().uuidString)")
        func write(_ name: String, _ text: String) throws {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        func remove() { try? FileManager.default.removeItem(at: url) }
    }

    static func csvField(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    static func json(_ value: Any) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])) ?? Data(), as: UTF8.self)
    }

    /// A post's amounts as scraped text: hourly ends with a `$`, a fixed price as `budget`.
    static func amounts(_ post: JobPost) -> (min: String, max: String, budget: String) {
        func money(_ value: Double?) -> String { value.map { "$\(Int($0))" } ?? "" }
        return (money(post.budget.hourlyMin), money(post.budget.hourlyMax), post.budget.fixed.map { "\(Int($0)) USD" } ?? "")
    }

    static func renamedCSV(_ variant: Variant) throws {
        var lines = ["description_html,Skills,Label,job_title,Job URL,hourly_min,Hourly Max,budget"]
        for post in posts {
            let money = amounts(post)
            lines.append([csvField(post.description), csvField(post.skills.joined(separator: "; ")), post.category ?? "",
                          csvField(post.title), post.url ?? "", money.min, money.max, money.budget].joined(separator: ","))
        }
        try variant.write("renamed.csv", lines.joined(separator: "\r\n") + "\r\n")
    }

    static func camelJSON(_ variant: Variant) throws {
        let items: [[String: Any]] = posts.map { post in
            var item: [String: Any] = ["jobTitle": post.title, "jobDescriptionHtml": post.description, "skillNames": post.skills,
                                       "searchQuery": post.category ?? "", "jobUrl": post.url ?? ""]
            if let min = post.budget.hourlyMin { item["hourlyMin"] = min }
            if let max = post.budget.hourlyMax { item["hourlyMax"] = max }
            if let fixed = post.budget.fixed { item["fixedPrice"] = fixed }
            return item
        }
        try variant.write("export.json", json(["results": items]))
    }

    static func jsonLines(_ variant: Variant) throws {
        try variant.write("feed.jsonl", posts.map { post in
            json(["headline": post.title, "Body (text)": post.description, "Tags List": post.skills.joined(separator: " | "),
                  "category_name": post.category ?? "", "link": post.url ?? ""])
        }.joined(separator: "\n") + "\n")
    }

    static func markdown(_ variant: Variant) throws {
        for (index, post) in posts.enumerated() {
            let front = ["skills: \(json(post.skills))", "category: \(json(post.category ?? ""))", "url: \(json(post.url ?? ""))"]
            try variant.write("md/post-\(index).md", "---\n\(front.joined(separator: "\n"))\n---\n# \(post.title)\n\n\(post.description)\n")
        }
    }

    /// A post's amounts as one budget string, as job boards print it: `Hourly: $20.00 - $45.00`,
    /// `from $20/hr`, `up to $45/hr`, or a fixed `$500`.
    static func budgetText(_ post: JobPost) -> String {
        switch (post.budget.hourlyMin, post.budget.hourlyMax) {
        case let (min?, max?): return String(format: "Hourly: $%.2f - $%.2f", min, max)
        case let (min?, nil): return "from $\(Int(min))/hr"
        case let (nil, max?): return "up to $\(Int(max))/hr"
        default: return post.budget.fixed.map { "$\(Int($0))" } ?? ""
        }
    }

    /// An API-style export: the post's own fields grouped under `job`, skills as objects.
    static func nestedJSON(_ variant: Variant) throws {
        let items: [[String: Any]] = posts.map { post in
            ["job": ["title": post.title, "jobDescription": post.description, "url": post.url ?? ""],
             "skills": post.skills.map { ["name": $0] }, "category": post.category ?? "", "budget": budgetText(post)]
        }
        try variant.write("api.json", json(items))
    }

    /// A developer-jobs CSV: `job_title`, `jobDescription`, `skills_required`, one `budget` text.
    static func jobBoardCSV(_ variant: Variant) throws {
        var lines = ["job_title,jobDescription,skills_required,category,budget,link"]
        for post in posts {
            lines.append([csvField(post.title), csvField(post.description), csvField(post.skills.joined(separator: " | ")),
                          post.category ?? "", csvField(budgetText(post)), post.url ?? ""].joined(separator: ","))
        }
        try variant.write("board.csv", lines.joined(separator: "\n") + "\n")
    }

    /// Titles of the posts that fit each track profile, and the hourly ranges among them.
    static func fits(_ corpus: Corpus) throws -> [String: (titles: [String], hourly: Int)] {
        var result: [String: (titles: [String], hourly: Int)] = [:]
        for (name, text) in [("android", TrackProfiles.android), ("ai", TrackProfiles.ai), ("data", TrackProfiles.dataAnalyst), ("js", TrackProfiles.javascript)] {
            let profile = try TrackProfiles.profile(text)
            let fit = corpus.fit(ProfileQuery(section: profile.general, corpus: corpus))
            result[name] = (fit.posts.map { corpus.stats.titles[$0] }.sorted(), HourlyRanges(fit.posts, stats: corpus.stats).count)
        }
        return result
    }

    @Test(arguments: ["renamed", "json", "jsonl", "markdown", "nested", "board"])
    func everyShapeLoadsTheSamePostsAndFitsTheSame(shape: String) throws {
        try #require(Self.posts.count == 2350)
        let variant = Variant()
        defer { variant.remove() }
        switch shape {
        case "renamed": try Self.renamedCSV(variant)
        case "json": try Self.camelJSON(variant)
        case "jsonl": try Self.jsonLines(variant)
        case "nested": try Self.nestedJSON(variant)
        case "board": try Self.jobBoardCSV(variant)
        default: try Self.markdown(variant)
        }
        let corpus = try Corpus.load(paths: [variant.url.path])
        #expect(corpus.issues.isEmpty, "\(corpus.issues.prefix(3))")
        #expect(corpus.stats.postCount == 2350)
        #expect(Set(corpus.stats.categories) == Set(RealData.fourTracksCorpus.stats.categories))
        let expected = try Self.fits(RealData.fourTracksCorpus)
        let found = try Self.fits(corpus)
        for track in expected.keys.sorted() {
            let want = try #require(expected[track]), got = try #require(found[track])
            #expect(want.titles.count >= 10, "\(track): the profile must fit posts, or the comparison proves nothing")
            #expect(got.titles == want.titles, "\(shape) \(track): \(got.titles.count) fitting posts, \(want.titles.count) in the original")
            if shape != "jsonl" && shape != "markdown" { #expect(got.hourly == want.hourly, "\(shape) \(track): hourly ranges") }
        }
    }
}
