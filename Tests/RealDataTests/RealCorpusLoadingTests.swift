import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint
@testable import ProfileModel
@testable import ProfileRules

/// Paths of the real data, relative to the package root (`../shared/data`).
enum RealData {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let jobs = root.appendingPathComponent("../shared/data/jobs").standardizedFileURL.path
    static let fourTracks = (jobs as NSString).appendingPathComponent("four-tracks-2400.csv")
    static let dataAnalyst = (jobs as NSString).appendingPathComponent("data-analyst-340.json")

    /// Each real corpus loaded once (no cache) for the tests of this target.
    static let fourTracksCorpus: Corpus = load(fourTracks)
    static let dataAnalystCorpus: Corpus = load(dataAnalyst)

    static func load(_ path: String) -> Corpus {
        do { return try Corpus.load(paths: [path]) } catch { fatalError("\(error)") }
    }

    static func loadPosts(_ path: String) throws -> LoadedPosts {
        let files = try CorpusLoader.read([path])
        return CorpusLoader.load(files, mapper: try PostFieldMapper())
    }
}

@Suite struct RealCorpusLoadingTests {
    @Test func fourTracksLoadsEveryPostOnce() throws {
        let loaded = try RealData.loadPosts(RealData.fourTracks)
        // 2,400 rows; 34 repeat a URL and 16 more repeat a title + description under
        // another URL slug: 2,350 distinct posts. No row is malformed.
        #expect(loaded.posts.count == 2350)
        #expect(loaded.duplicates == 50)
        #expect(loaded.issues.isEmpty, "\(loaded.issues.prefix(3))")
        let first = try #require(loaded.posts.first)
        #expect(first.title == "Create simple Web App for taxi business for customers to book trips online using escrow payment")
        #expect(first.category == "android_developer")
        #expect(first.skills.count == 10)
        #expect(first.skills.first == "Web Application")
        #expect(first.skills.contains("C#"))
        #expect(first.description.contains("\n"))
        #expect(first.budget.fixed == 50)
        #expect(first.country == "Australia")
        #expect(first.location.line == 2)
        // The third row is hourly: its average_budget is an hourly rate.
        let categories = Set(loaded.posts.compactMap(\.category))
        #expect(categories == ["android_developer", "artificial_intelligence", "data_analyst", "javascript_developer"])
        #expect(loaded.posts.filter { $0.budget.hourlyMin != nil }.count > 1000)
    }

    @Test func dataAnalystLoadsEveryPostOnce() throws {
        let loaded = try RealData.loadPosts(RealData.dataAnalyst)
        // 340 posts, 8 of them repeated verbatim. The file's job_id values are truncated
        // ("~01" names 129 different posts), so they are not used for de-duplication: one warning.
        #expect(loaded.posts.count == 332)
        #expect(loaded.duplicates == 8)
        #expect(loaded.issues.count == 1)
        #expect(loaded.issues.first?.message.contains("not used to find duplicates") == true)
        let first = try #require(loaded.posts.first)
        #expect(first.title == "Dashboard Builder (Data Analyst)")
        #expect(first.budget.hourlyMin == 10 && first.budget.hourlyMax == 40)
        #expect(first.skills.contains("Tableau"))
        #expect(first.experienceLevel == "Intermediate")
        #expect(first.location.line == 2)
        let fixed = loaded.posts.filter { $0.budget.fixed != nil }
        #expect(!fixed.isEmpty)
    }
}
