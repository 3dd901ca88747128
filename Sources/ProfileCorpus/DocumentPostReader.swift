import ProfileModel

/// YAML (and JSON that Foundation rejected) through the located document loader.
enum DocumentPostReader {
    /// YAML (or JSON that Foundation rejected) through `DocumentLoader`, with node positions.
    static func posts(_ source: SourceFile, format: DocumentFormat, issues: inout [CorpusIssue]) -> [RawPost] {
        func location(_ range: ByteRange) -> PostLocation {
            let position = source.position(ofByte: range.lowerBound)
            return PostLocation(path: source.path, line: position.line, column: position.column)
        }
        let root: Node
        do {
            guard let node = try DocumentLoader.load(source, format: format) else { return [] }
            root = node
        } catch {
            issues.append(CorpusIssue(location(error.range), "\(error.message); no posts read from this file"))
            return []
        }
        var items: [Node]
        if let list = root.list {
            items = list
        } else if root.map != nil {
            items = [root]
            // Under a conventional key, else under the only key whose value is a list of maps.
            let lists = (root.map ?? []).filter { $0.value.list?.first?.map != nil }
            if let key = CorpusLoader.postListKeys.first(where: { root[$0]?.list != nil }), let list = root[key]?.list {
                items = list
            } else if lists.count == 1, let list = lists[0].value.list {
                items = list
            }
        } else {
            issues.append(CorpusIssue(location(root.range), "a corpus document must be a post (a map) or a list of posts, not \(root.typeDescription)"))
            return []
        }
        var raws: [RawPost] = []
        for item in items {
            guard let entries = item.map else {
                issues.append(CorpusIssue(location(item.range), "a job post must be a map, not \(item.typeDescription); post skipped"))
                continue
            }
            raws.append(RawPost(fields: entries.map { ($0.key, rawValue($0.value)) }, location: location(item.range)))
        }
        return raws
    }

    static func rawValue(_ node: Node) -> RawValue {
        switch node.value {
        case .scalar(let scalar):
            switch scalar.type {
            case .null: return .null
            case .integer, .float: return scalar.number.map(RawValue.number) ?? .text(scalar.text)
            case .boolean: return .bool(scalar.bool ?? false)
            case .string: return .text(scalar.text)
            }
        case .list(let items): return .list(items.map(rawValue))
        case .map(let entries): return .map(entries.map { ($0.key, rawValue($0.value)) })
        }
    }
}
