/// Drops repeated posts: the same id (when the file's ids can be trusted), the same URL, or
/// the same normalized title and description as an earlier post.
struct DuplicateFilter {
    private var seenIDs = Set<String>(), seenURLs = Set<String>(), seenContent = Set<ContentKey>()

    /// Whether `post` repeats an earlier post; records it either way.
    mutating func isDuplicate(_ post: JobPost, content: ContentKey, trustIDs: Bool) -> Bool {
        let id = trustIDs ? post.id : nil
        let url = post.url.map(Self.normalizedURL)
        let isDuplicate = seenContent.contains(content) || id.map(seenIDs.contains) == true
            || url.map(seenURLs.contains) == true
        seenContent.insert(content)
        if let id { seenIDs.insert(id) }
        if let url { seenURLs.insert(url) }
        return isDuplicate
    }

    /// Whether the ids of one file name posts: scraped files sometimes hold truncated ids
    /// (`~01`) shared by different posts. Then the file's ids are not used to find duplicates,
    /// and one warning says so.
    static func idsAreDistinct(_ posts: [(JobPost, ContentKey)], issues: inout [CorpusIssue]) -> Bool {
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

    /// `https://host/path/?query#fragment` → `host/path` (case of the path kept).
    static func normalizedURL(_ url: String) -> String {
        var text = Substring(url.trimmingSpaces)
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<cut] }
        for scheme in ["https://", "http://"] where text.lowercased().hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
        while text.hasSuffix("/") { text = text.dropLast() }
        return text.lowercased().hasPrefix("www.") ? String(text.dropFirst(4)) : String(text)
    }
}
