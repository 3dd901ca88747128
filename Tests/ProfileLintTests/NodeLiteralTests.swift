import Testing
@testable import ProfileModel

/// `NodeLiteral` writes trees as Swift source for the generated built-in rule pack; the
/// builders that source calls must rebuild the same tree.
@Suite struct NodeLiteralTests {
    @Test func quotedEscapesWhatASwiftLiteralCannotHoldAsIs() {
        #expect(NodeLiteral.quoted("a\"b\\c\nd\te\r\u{1}\u{85}é") == #""a\"b\\c\nd\te\r\u{1}\u{85}é""#)
    }

    @Test func sourceSpellsEveryRangeAndSegment() {
        let node = Node.mapNode(0, 20, [
            .entry("k", 0, 1, .listNode(3, 20, [.scalarNode("x y", .string, 4, 9, 4, 9, [0, 5, 1, 2, 7, 1])])),
            .entry("n", 10, 11, .mapNode(12, 20, [.entry("m", 12, 13, .scalarNode("", .null, 14, 14, 14, 14, []))])),
        ])
        #expect(NodeLiteral.source(node, indent: 0) == """
            .mapNode(0, 20, [
                .entry("k", 0, 1, .listNode(3, 20, [.scalarNode("x y", .string, 4, 9, 4, 9, [0, 5, 1, 2, 7, 1])])),
                .entry("n", 10, 11, .mapNode(12, 20, [
                    .entry("m", 12, 13, .scalarNode("", .null, 14, 14, 14, 14, [])),
                ])),
            ])
            """)
        let scalar = node["k"]?.list?.first?.scalar
        #expect(scalar?.spans.segments.map(\.sourceOffset) == [5, 7])
        #expect(scalar?.spans.sourceRange(2..<3) == ByteRange(7, 8))
    }
}
