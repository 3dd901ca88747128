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
    /// corpus is loaded a group of files at a time). The workers map chunks of posts while this
    /// thread sifts the chunks mapped before, in order (`PostSieve`).
    static func load(_ files: [CorpusFile], mapper: PostFieldMapper, workers: Int = ParallelMap.workers,
                     progress: LoadProgress? = nil, filter: inout DuplicateFilter) -> LoadedPosts {
        var perFile = ParallelMap.map(files, workers: workers) { file in
            defer { progress?.finished(file) }
            // One file alone is read on every thread (see `CSVReader`); several, one per thread.
            var parsed = rawPosts(file, mapper: mapper, workers: files.count == 1 ? workers : 1)
            let columns = FieldColumns(of: parsed.posts, mapper: mapper)
            parsed.issues += columns.issues(path: file.path, mapper: mapper)
            if !columns.readsText { parsed.posts = [] }
            return (parsed: parsed, columns: columns)
        }
        let profiles = zip(files, perFile).compactMap { file, entry in entry.parsed.profileKeys.map { (file.path, $0) } }
        let columns = perFile.map(\.columns), parseIssues = perFile.map(\.parsed.issues)
        let fileOfRaw = perFile.indices.flatMap { Array(repeating: $0, count: perFile[$0].parsed.posts.count) }
        var fileEnds = perFile.map(\.parsed.posts.count)
        for index in fileEnds.indices.dropFirst() { fileEnds[index] += fileEnds[index - 1] }
        let chunks = RawChunk.cut(perFile.flatMap(\.parsed.posts), workers: workers)
        perFile = []
        var sieve = PostSieve()
        var position = 0, filesEnded = 0
        /// Ends the files whose posts all came before `position`.
        func endFiles(before position: Int) {
            while filesEnded < fileEnds.count, fileEnds[filesEnded] <= position {
                sieve.endFile(parseIssues: parseIssues[filesEnded], filter: &filter)
                filesEnded += 1
            }
        }
        ParallelMap.forEachInOrder(chunks, workers: workers) { chunk in
            chunk.take().enumerated().map { offset, raw -> (post: JobPost?, keys: DuplicateFilter.Keys?, issues: [CorpusIssue]) in
                let (post, issues) = mapper.post(from: raw, columns: columns[fileOfRaw[chunk.start + offset]])
                return (post, post.map(DuplicateFilter.Keys.init), issues)
            }
        } consume: { mapped in
            for (post, keys, issues) in mapped {
                endFiles(before: position)
                sieve.add(post, keys: keys, issues: issues, filter: &filter)
                position += 1
            }
        }
        endFiles(before: .max)
        var loaded = sieve.loaded
        if let issue = ProfileFileCheck.issue(profiles) { loaded.issues.append(issue) }
        return loaded
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

/// A chunk of raw posts that its mapping takes, once: held nowhere else, they are freed on the
/// worker that maps them (freeing every post's fields after the map took a tenth of the
/// loading's time on the calling thread).
private final class RawChunk: @unchecked Sendable {
    /// The position of the chunk's first post among all the posts.
    let start: Int
    private var posts: [RawPost]

    private init(start: Int, posts: [RawPost]) {
        self.start = start
        self.posts = posts
    }

    /// `posts` cut as `ParallelMap.chunkRanges` cuts them.
    static func cut(_ posts: consuming [RawPost], workers: Int) -> [RawChunk] {
        let all = posts
        return ParallelMap.chunkRanges(count: all.count, workers: workers).map { RawChunk(start: $0.lowerBound, posts: Array(all[$0])) }
    }

    /// The posts, left to the caller (each chunk is mapped by one worker).
    func take() -> [RawPost] {
        let taken = posts
        posts = []
        return taken
    }
}
