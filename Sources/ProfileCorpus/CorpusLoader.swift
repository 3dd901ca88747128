import Foundation
import ProfileModel

/// The posts of a corpus after de-duplication, and the problems met while reading it.
package struct LoadedPosts: Sendable {
    package var posts: [JobPost]
    package var issues: [CorpusIssue]
    /// Posts dropped as duplicates of an earlier post.
    package var duplicates: Int
}

/// Finds corpus files, reads every format into `JobPost`s (in parallel, deterministically),
/// and drops duplicates: same id, same url, or same normalized title + description.
package enum CorpusLoader {
    /// Parses every file (in parallel), maps the posts to fields and content keys (in parallel
    /// chunks) and drops duplicates, in file order. Issues are sorted by file order, then line.
    package static func load(_ files: [CorpusFile], mapper: PostFieldMapper, workers: Int = ParallelMap.workers,
                            progress: LoadProgress? = nil) -> LoadedPosts {
        var filter = DuplicateFilter()
        return load(files, mapper: mapper, workers: workers, progress: progress, filter: &filter)
    }

    /// `load`, dropping duplicates of the posts `filter` has seen (files loaded before, when a
    /// corpus is loaded a group of files at a time).
    static func load(_ files: [CorpusFile], mapper: PostFieldMapper, workers: Int = ParallelMap.workers,
                     progress: LoadProgress? = nil, filter: inout DuplicateFilter) -> LoadedPosts {
        let perFile = ParallelMap.map(files, workers: workers) { file in
            defer { progress?.finished(file) }
            // One file alone is read on every thread (see `CSVReader`); several, one per thread.
            var parsed = rawPosts(file, mapper: mapper, workers: files.count == 1 ? workers : 1)
            let columns = FieldColumns(of: parsed.posts, mapper: mapper)
            parsed.issues += columns.issues(path: file.path, mapper: mapper)
            if !columns.readsText { parsed.posts = [] }
            return (parsed: parsed, columns: columns)
        }
        let profiles = zip(files, perFile).compactMap { file, entry in entry.parsed.profileKeys.map { (file.path, $0) } }
        let raws = perFile.flatMap(\.parsed.posts)
        let fileOfRaw = perFile.indices.flatMap { Array(repeating: $0, count: perFile[$0].parsed.posts.count) }
        let mapped = ParallelMap.chunks(count: raws.count, workers: workers) { range in
            range.map { index -> (post: JobPost?, key: ContentKey?, issues: [CorpusIssue]) in
                let (post, issues) = mapper.post(from: raws[index], columns: perFile[fileOfRaw[index]].columns)
                return (post, post.map(ContentKey.init), issues)
            }
        }.flatMap { $0 }
        var posts: [JobPost] = []
        var issues: [CorpusIssue] = []
        var duplicates = 0
        var next = 0
        for (parsed, _) in perFile {
            let range = next..<(next + parsed.posts.count)
            next = range.upperBound
            var fileIssues = AmbiguousAmount.oncePerFile(parsed.issues + mapped[range].flatMap(\.issues))
            let filePosts = mapped[range].compactMap { entry in entry.post.flatMap { post in entry.key.map { (post, $0) } } }
            let trustIDs = DuplicateFilter.idsAreDistinct(filePosts, issues: &fileIssues)
            issues += fileIssues.enumerated().sorted {
                ($0.element.location.line, $0.element.location.column, $0.offset) < ($1.element.location.line, $1.element.location.column, $1.offset)
            }.map(\.element)
            for (post, content) in filePosts {
                if filter.isDuplicate(post, content: content, trustIDs: trustIDs) {
                    duplicates += 1
                } else {
                    posts.append(post)
                }
            }
        }
        if let issue = ProfileFileCheck.issue(profiles) { issues.append(issue) }
        return LoadedPosts(posts: posts, issues: issues, duplicates: duplicates)
    }

    // MARK: - Formats

    /// The keys under which a wrapper object (`{"jobs": [...]}`) holds its list of posts.
    static let postListKeys = ["posts", "jobs", "items", "data", "results"]

    struct Parsed: Sendable {
        var posts: [RawPost] = []
        var issues: [CorpusIssue] = []
        /// The profile-only keys of a file that is a freelancer profile (its posts are then empty).
        var profileKeys: [String]?
    }

    /// The raw posts of one file, before field mapping (a table's columns that `mapper` does not
    /// read are left unread).
    static func rawPosts(_ file: CorpusFile, mapper: PostFieldMapper, workers: Int = 1) -> Parsed {
        guard let format = CorpusFormat(path: file.path) else { return Parsed() }
        var parsed = Parsed()
        let (file, encodingIssue) = TextEncoding.utf8(file)
        if let encodingIssue { parsed.issues.append(encodingIssue) }
        if file.bytes.isEmpty || file.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            parsed.issues.append(CorpusIssue(PostLocation(path: file.path, line: 1), "corpus file is empty; no posts read"))
            return parsed
        }
        let raws: [RawPost]
        switch format {
        case .csv: raws = TablePostReader.posts(file, delimiter: UInt8(ascii: ","), mapper: mapper, workers: workers,
                                                issues: &parsed.issues)
        case .tsv: raws = TablePostReader.posts(file, delimiter: UInt8(ascii: "\t"), mapper: mapper, workers: workers,
                                                issues: &parsed.issues)
        case .jsonl: raws = JSONLinesPostReader.posts(file, issues: &parsed.issues)
        case .json: raws = JSONPostReader.posts(file, issues: &parsed.issues)
        case .yaml: raws = DocumentPostReader.posts(SourceFile(path: file.path, bytes: file.bytes), format: .yaml, issues: &parsed.issues)
        case .markdown: raws = MarkdownPostReader.posts(file, issues: &parsed.issues)
        }
        if format == .yaml || format == .json, let keys = ProfileFileCheck.profileKeys(raws) {
            parsed.profileKeys = keys
            return parsed
        }
        parsed.posts = raws
        return parsed
    }
}
