import Foundation
import ProfileModel

/// JSON Lines: one post object per line.
enum JSONLinesPostReader {
    static func posts(_ file: CorpusFile, issues: inout [CorpusIssue]) -> [RawPost] {
        let source = SourceFile(path: file.path, bytes: file.bytes)
        var raws: [RawPost] = []
        for lineIndex in 0..<source.lineCount {
            let range = source.lineContentRange(lineIndex)
            let slice = file.bytes[range.lowerBound..<range.upperBound]
            guard slice.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            let location = PostLocation(path: file.path, line: lineIndex + 1)
            guard let object = try? JSONSerialization.jsonObject(with: Data(slice), options: [.fragmentsAllowed]) else {
                issues.append(CorpusIssue(location, "line is not valid JSON; post skipped"))
                continue
            }
            guard let map = object as? [String: Any] else {
                issues.append(CorpusIssue(location, "a JSON Lines post must be an object, not \(JSONPostReader.jsonTypeName(object)); post skipped"))
                continue
            }
            raws.append(RawPost(fields: JSONPostReader.rawFields(map), location: location))
        }
        return raws
    }
}
