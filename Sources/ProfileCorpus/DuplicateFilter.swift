/// Drops repeated posts: the same id (when the file's ids can be trusted), the same URL, or
/// the same normalized title and description as an earlier post.
struct DuplicateFilter {
    private var seenIDs = Set<String>(), seenURLs = Set<String>(), seenContent = Set<ContentKey>()

    /// What a post is compared by, computed beside its field mapping (on all cores) so that
    /// the filter, which runs in post order on one thread, only looks keys up.
    struct Keys: Sendable {
        var content: ContentKey
        var url: String?

        init(_ post: JobPost) {
            content = ContentKey(post)
            url = post.url.map(DuplicateFilter.normalizedURL)
        }
    }

    /// Whether `post` repeats an earlier post; records it either way.
    mutating func isDuplicate(_ post: JobPost, keys: Keys, trustIDs: Bool) -> Bool {
        let id = trustIDs ? post.id : nil
        let (content, url) = (keys.content, keys.url)
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
    static func idsAreDistinct(_ posts: [(JobPost, Keys)], issues: inout [CorpusIssue]) -> Bool {
        var contentByID: [String: ContentKey] = [:]
        var sharing: [String: Int] = [:]
        var firstConflict: JobPost?
        for (post, keys) in posts {
            guard let id = post.id else { continue }
            let content = keys.content
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
        url.utf8.allSatisfy { $0 < 0x80 } ? asciiNormalizedURL(url) : unicodeNormalizedURL(url)
    }

    /// `normalizedURL` by characters, for any text.
    static func unicodeNormalizedURL(_ url: String) -> String {
        var text = Substring(url.trimmingSpaces)
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<cut] }
        for scheme in ["https://", "http://"] where text.lowercased().hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
        while text.hasSuffix("/") { text = text.dropLast() }
        return text.lowercased().hasPrefix("www.") ? String(text.dropFirst(4)) : String(text)
    }

    /// `normalizedURL` of an ASCII URL (nearly every one), on its bytes: the same steps without
    /// lowercasing copies of the whole URL.
    static func asciiNormalizedURL(_ url: String) -> String {
        let bytes = Array(url.utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var start = bytes.firstIndex { !isSpace($0) } ?? bytes.endIndex
        var end = (bytes.lastIndex { !isSpace($0) }).map { $0 + 1 } ?? start
        if let cut = bytes[start..<end].firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) { end = cut }
        func hasPrefix(_ prefix: String) -> Bool {
            end - start >= prefix.utf8.count
                && zip(bytes[start...], prefix.utf8).allSatisfy { ((0x41...0x5A).contains($0) ? $0 + 0x20 : $0) == $1 }
        }
        for scheme in ["https://", "http://"] where hasPrefix(scheme) { start += scheme.utf8.count }
        while end > start, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        if hasPrefix("www.") { start += 4 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
