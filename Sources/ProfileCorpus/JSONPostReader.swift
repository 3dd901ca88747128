import Foundation
import ProfileModel

/// A JSON document: a list of posts, one post, or a wrapper object holding the list.
enum JSONPostReader {
    /// JSON through Foundation's fast parser; posts are located by scanning the bytes for the
    /// start of each top-level item. A syntax error falls back to the located document loader.
    static func posts(_ file: CorpusFile, issues: inout [CorpusIssue]) -> [RawPost] {
        let source = SourceFile(path: file.path, bytes: file.bytes)
        guard let object = try? JSONSerialization.jsonObject(with: Data(file.bytes), options: [.fragmentsAllowed]) else {
            let raws = DocumentPostReader.posts(source, format: .json, issues: &issues)
            if raws.isEmpty && !issues.contains(where: { $0.location.path == file.path }) {
                issues.append(CorpusIssue(PostLocation(path: file.path, line: 1), "file is not valid JSON; no posts read"))
            }
            return raws
        }
        let starts = JSONItemScanner.topLevelItemStarts(file.bytes)
        func location(_ index: Int?) -> PostLocation {
            let offset = index.flatMap { starts.indices.contains($0) ? starts[$0] : nil } ?? 0
            let position = source.position(ofByte: offset)
            return PostLocation(path: file.path, line: position.line, column: position.column)
        }
        let items: [Any]
        if let list = object as? [Any] {
            items = list
        } else if let map = object as? [String: Any], let (key, list) = postList(in: map) {
            // `{"jobs": [...]}`: each post is located at its item of the nested list.
            let nested = JSONItemScanner.itemStarts(file.bytes, underKey: key)
            var raws: [RawPost] = []
            for (index, item) in list.enumerated() {
                let position = source.position(ofByte: nested.indices.contains(index) ? nested[index] : 0)
                let where_ = PostLocation(path: file.path, line: position.line, column: position.column)
                guard let post = item as? [String: Any] else {
                    issues.append(CorpusIssue(where_, "a job post must be an object, not \(jsonTypeName(item)); post skipped"))
                    continue
                }
                raws.append(RawPost(fields: rawFields(post), location: where_))
            }
            return raws
        } else {
            items = [object]
        }
        var raws: [RawPost] = []
        for (index, item) in items.enumerated() {
            let where_ = location(object is [Any] ? index : nil)
            guard let map = item as? [String: Any] else {
                issues.append(CorpusIssue(where_, "a job post must be an object, not \(jsonTypeName(item)); post skipped"))
                continue
            }
            raws.append(RawPost(fields: rawFields(map), location: where_))
        }
        return raws
    }

    /// A list of posts under a conventional key of a wrapper object.
    /// Under a conventional key, else under the only key whose value is a list of objects
    /// (`{"listings": [...], "count": 40}`).
    static func postList(in map: [String: Any]) -> (key: String, list: [Any])? {
        for key in CorpusLoader.postListKeys {
            if let list = map[key] as? [Any] { return (key, list) }
        }
        let lists = map.filter { ($0.value as? [Any])?.first is [String: Any] }
        guard lists.count == 1, let (key, value) = lists.first, let list = value as? [Any] else { return nil }
        return (key, list)
    }

    static func rawFields(_ map: [String: Any]) -> [(key: String, value: RawValue)] {
        map.keys.sorted().map { ($0, rawValue(map[$0] as Any)) }
    }

    static func rawValue(_ value: Any) -> RawValue {
        switch value {
        case let string as String: return .text(string)
        case let number as NSNumber:
            return String(cString: number.objCType) == "c" ? .bool(number.boolValue) : .number(number.doubleValue)
        case let list as [Any]: return .list(list.map(rawValue))
        case let map as [String: Any]: return .map(map.keys.sorted().map { ($0, rawValue(map[$0] as Any)) })
        default: return .null
        }
    }

    static func jsonTypeName(_ value: Any) -> String {
        switch value {
        case is String: "a string"
        case is NSNumber: "a number"
        case is [Any]: "a list"
        case is NSNull: "null"
        default: "a value"
        }
    }
}
