import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileModel

/// Loading sifts the posts for duplicates while later posts are still mapped (`PostSieve`);
/// these tests check it against the loading it replaced (every file mapped, then each file's
/// ids checked and its posts filtered in order), written out here, on the real corpora and on
/// random groups of files whose ids, URLs and texts repeat within and across files.
@Suite struct PostSieveTests {
    /// The loading as it was: whole files, then the filter post by post.
    static func referenceLoad(_ files: [CorpusFile], mapper: PostFieldMapper) -> LoadedPosts {
        var seenIDs = Set<String>(), seenURLs = Set<String>(), seenContent = Set<ContentKey>()
        var result = LoadedPosts(posts: [], issues: [], duplicates: 0)
        var profiles: [(String, [String])] = []
        for file in files {
            var parsed = CorpusLoader.rawPosts(file, mapper: mapper)
            if let keys = parsed.profileKeys { profiles.append((file.path, keys)) }
            let columns = FieldColumns(of: parsed.posts, mapper: mapper)
            parsed.issues += columns.issues(path: file.path, mapper: mapper)
            if !columns.readsText { parsed.posts = [] }
            var fileIssues = parsed.issues
            var posts: [(JobPost, ContentKey, String?)] = []
            for raw in parsed.posts {
                let (post, issues) = mapper.post(from: raw, columns: columns)
                fileIssues += issues
                if let post { posts.append((post, ContentKey(post), post.url.map(DuplicateFilter.normalizedURL))) }
            }
            fileIssues = AmbiguousAmount.oncePerFile(fileIssues)
            let trustIDs = referenceIDsAreDistinct(posts.map { ($0.0, $0.1) }, issues: &fileIssues)
            result.issues += fileIssues.enumerated().sorted {
                ($0.element.location.line, $0.element.location.column, $0.offset) < ($1.element.location.line, $1.element.location.column, $1.offset)
            }.map(\.element)
            for (post, content, url) in posts {
                let id = trustIDs ? post.id : nil
                let repeated = seenContent.contains(content) || id.map(seenIDs.contains) == true || url.map(seenURLs.contains) == true
                seenContent.insert(content)
                if let id { seenIDs.insert(id) }
                if let url { seenURLs.insert(url) }
                if repeated { result.duplicates += 1 } else { result.posts.append(post) }
            }
        }
        if let issue = ProfileFileCheck.issue(profiles) { result.issues.append(issue) }
        return result
    }

    static func referenceIDsAreDistinct(_ posts: [(JobPost, ContentKey)], issues: inout [CorpusIssue]) -> Bool {
        var contentByID: [String: ContentKey] = [:]
        var sharing: [String: Int] = [:]
        var firstConflict: JobPost?
        for (post, content) in posts {
            guard let id = post.id else { continue }
            if let known = contentByID[id] {
                if known != content {
                    sharing[id, default: 1] += 1
                    if firstConflict == nil { firstConflict = post }
                }
            } else {
                contentByID[id] = content
            }
        }
        guard let conflict = firstConflict, let worst = sharing.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return true }
        issues.append(CorpusIssue(conflict.location,
            "id '\(conflict.id ?? "")' is shared by posts with different text (id '\(worst.key)' by \(worst.value) posts); ids in this file are not used to find duplicates"))
        return false
    }

    static func expectSame(_ ours: LoadedPosts, _ theirs: LoadedPosts, _ comment: String) {
        #expect(ours.posts == theirs.posts, "\(comment): posts")
        #expect(ours.issues == theirs.issues, "\(comment): issues")
        #expect(ours.duplicates == theirs.duplicates, "\(comment): duplicates")
    }

    @Test func realCorporaLoadAsBefore() throws {
        let directory = URL(fileURLWithPath: CorpusDeterminismTests.fourTracks).deletingLastPathComponent()
        let mapper = try PostFieldMapper()
        let fourTracks = try CorpusLoader.read([CorpusDeterminismTests.fourTracks])
        let analyst = try CorpusLoader.read([directory.appendingPathComponent("data-analyst-340.json").path])
        for files in [fourTracks, analyst, analyst + fourTracks + analyst] {
            let theirs = Self.referenceLoad(files, mapper: mapper)
            #expect(theirs.duplicates > 0)
            for workers in [1, 2, 3] {
                Self.expectSame(CorpusLoader.load(files, mapper: mapper, workers: workers), theirs, "\(files.count) files, \(workers) workers")
            }
        }
    }

    /// A random file: rows whose id, URL, title and description come from small pools, so that
    /// posts repeat by each key, ids are shared by different texts (the file's ids are then not
    /// trusted) or only across files; some rows lack a title or a description.
    static func randomFile(_ number: Int, random: inout RandomCorpus.Generator) -> CorpusFile {
        func pick(_ bound: UInt64) -> Int { Int(random.next() % bound) }
        let distinctIDs = pick(3) == 0
        var lines = ["id,title,description,url"]
        for row in 0..<pick(25) {
            // Distinct ids in a file are trusted; the next file repeats them for other posts.
            let id = distinctIDs ? "t\(row)" : (pick(4) == 0 ? "" : "id\(pick(12))")
            let title = pick(8) == 0 ? "" : "Title \(pick(10))"
            let description = pick(8) == 0 ? "" : "Some text \(pick(6))"
            let url = pick(3) == 0 ? "" : "https://example.com/job/\(pick(15))"
            lines.append([id, title, description, url].joined(separator: ","))
        }
        // Now and then a file no field can be read from, or an empty one.
        if pick(10) == 0 { lines[0] = "a,b,c,d" }
        if pick(12) == 0 { lines = [] }
        return CorpusFile(path: "file\(number).csv", bytes: Array(lines.joined(separator: "\n").utf8))
    }

    @Test func randomGroupsOfFilesLoadAsBefore() throws {
        let mapper = try PostFieldMapper()
        var random = RandomCorpus.Generator(state: 0x5851_F42D_4C95_7F2D)
        var untrusted = 0, dropped = 0
        for round in 0..<300 {
            let files = (0..<(1 + Int(random.next() % 5))).map { Self.randomFile($0, random: &random) }
            let theirs = Self.referenceLoad(files, mapper: mapper)
            untrusted += theirs.issues.count(where: { $0.message.contains("ids in this file are not used") })
            dropped += theirs.duplicates
            for workers in [1, 2, 3] {
                Self.expectSame(CorpusLoader.load(files, mapper: mapper, workers: workers), theirs, "round \(round), \(workers) workers")
            }
        }
        #expect(untrusted > 50 && dropped > 500, "the rounds should exercise both kinds of file")
    }
}
