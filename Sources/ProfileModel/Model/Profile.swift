/// Which part of a profile document a rule looks at.
package enum SectionKind: String, Sendable, Codable, CaseIterable {
    /// The general profile (the document's top level).
    case profile
    /// One entry of `specialized_profiles`.
    case specialized
}

/// A loaded, schema-checked profile document.
package struct Profile: Sendable {
    package var file: SourceFile
    /// The top-level map.
    package var root: Node
    /// The general profile first, then each specialized profile.
    package var sections: [ProfileSection]

    package init(file: SourceFile, root: Node) {
        self.file = file
        self.root = root
        var sections = [ProfileSection(kind: .profile, node: root, pathPrefix: "", index: nil)]
        for (index, item) in (root["specialized_profiles"]?.list ?? []).enumerated() where item.map != nil {
            sections.append(ProfileSection(kind: .specialized, node: item,
                                           pathPrefix: "specialized_profiles[\(index)]", index: index))
        }
        self.sections = sections
    }

    /// The general profile section.
    package var general: ProfileSection { sections[0] }
}

/// The general profile or one specialized profile: a map node and its place.
package struct ProfileSection: Sendable {
    package var kind: SectionKind
    package var node: Node
    /// The field path of the section itself (`""` or `specialized_profiles[1]`).
    package var pathPrefix: String
    /// The index among the specialized profiles.
    package var index: Int?

    package init(kind: SectionKind, node: Node, pathPrefix: String, index: Int?) {
        self.kind = kind
        self.node = node
        self.pathPrefix = pathPrefix
        self.index = index
    }

    /// A name for messages: "profile" or "specialized profile 2".
    package var displayName: String {
        if let index { return "specialized profile \(index + 1)" }
        return "profile"
    }

    /// Full field path of a path relative to this section.
    package func fullPath(_ relative: String) -> String {
        pathPrefix.isEmpty ? relative : "\(pathPrefix).\(relative)"
    }

    /// The nodes a field path selects, with their concrete paths.
    package func values(at path: FieldPath) -> [FieldValue] {
        var current = [FieldValue(path: pathPrefix, node: node)]
        for component in path.components {
            var next: [FieldValue] = []
            for value in current {
                guard let child = value.node[component.key] else { continue }
                let childPath = value.path.isEmpty ? component.key : "\(value.path).\(component.key)"
                if component.eachItem {
                    for (index, item) in (child.list ?? []).enumerated() {
                        next.append(FieldValue(path: "\(childPath)[\(index)]", node: item))
                    }
                } else {
                    next.append(FieldValue(path: childPath, node: child))
                }
            }
            current = next
        }
        return current
    }
}

/// A node selected by a field path, with the concrete path (`portfolio[2].title`).
package struct FieldValue: Sendable {
    package var path: String
    package var node: Node
    package init(path: String, node: Node) {
        self.path = path
        self.node = node
    }
}

/// A field path as rule files write it: `title`, `skills`, `portfolio[].description`.
/// `[]` after a key selects each item of the list under it.
package struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    package struct Component: Sendable, Hashable {
        package var key: String
        var eachItem: Bool
    }

    package var components: [Component]
    package let description: String

    /// Parses a path; nil when it is malformed (empty component, stray brackets).
    package init?(_ text: String) {
        var components: [Component] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var key = Substring(part)
            var eachItem = false
            if key.hasSuffix("[]") {
                key = key.dropLast(2)
                eachItem = true
            }
            // Characters, as Foundation's `contains("[")` compared them (a bracket with a
            // combining mark is another character), without its string search.
            guard !key.isEmpty, !key.contains(where: { $0 == "[" || $0 == "]" }) else { return nil }
            components.append(Component(key: String(key), eachItem: eachItem))
        }
        self.components = components
        self.description = text
    }
}
