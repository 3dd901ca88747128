import Foundation
@testable import ProfileCorpus

/// A small corpus written in a test: posts in the order added, the n-th at line n + 1 of
/// `jobs.csv` with the id `p<n>` (and, given a URL base, the URL `<base><n>`).
struct TestCorpus {
    private(set) var posts: [JobPost] = []
    var urlBase: String?

    init(urlBase: String? = nil) {
        self.urlBase = urlBase
    }

    mutating func add(_ title: String, _ description: String, _ skills: [String]) {
        let number = posts.count + 1
        posts.append(JobPost(id: "p\(number)", title: title, description: description, skills: skills,
                             url: urlBase.map { "\($0)\(number)" }, location: PostLocation(path: "jobs.csv", line: number + 1)))
    }

    /// The analysed corpus, tags canonicalized by `canonicalizer`.
    func corpus(canonicalizer: TagCanonicalizer = TagCanonicalizer()) -> Corpus {
        Corpus(stats: CorpusStats.build(LoadedPosts(posts: posts, issues: [], duplicates: 0), canonicalizer: canonicalizer),
               canonicalizer: canonicalizer)
    }
}
