import Foundation
import Testing
@testable import ProfileCorpus
@testable import ProfileLint

@Suite struct HTMLTextTests {
    @Test func stripsTagsAndDecodesEntities() {
        #expect(HTMLText.plain("<p>Build a <b>Power&nbsp;BI</b> report</p><ul><li>SQL &amp; DAX</li></ul>")
                == "\nBuild a Power\u{A0}BI report\n\n\nSQL & DAX\n\n")
        #expect(HTMLText.plain("it&#8217;s &#x263A; &lt;ok&gt;") == "it’s ☺ <ok>")
    }

    /// Plain text before a text changes nothing in how the text is read: the same result
    /// whatever byte offset markup and references fall at (the scan reads eight bytes at once).
    @Test func markupIsFoundAtEveryOffset() {
        let pieces = ["<p>", "</p>", "<br/>", "&amp;", "&lt;b&gt;", "&#8217;", "&", "<", ">", " x ", "abcdefghij", "é", "<script>a</script>",
                      "<!-- c -->", "&amp;eacute;"]
        var state: UInt64 = 0x5851_F42D_4C95_7F2D
        for _ in 0..<2_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int((state >> 40) % 9) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            let plain = HTMLText.plain(text)
            for length in 1...9 {
                let prefix = String("abcdefghi".prefix(length))
                #expect(HTMLText.plain(prefix + text) == prefix + plain, "\(text.debugDescription)")
            }
        }
    }

    @Test func leavesTextThatIsNotHTML() {
        #expect(HTMLText.plain("x < 5 & y > 2") == "x < 5 & y > 2")
        #expect(HTMLText.plain("AT&T rocks, R&D, Q&A") == "AT&T rocks, R&D, Q&A")
        #expect(HTMLText.plain("a <b and no close") == "a <b and no close")
        #expect(HTMLText.plain("if a <b or c <d> e") == "if a <b or c  e")
        #expect(HTMLText.plain("plain text, no markup") == "plain text, no markup")
        #expect(HTMLText.plain("") == "")
    }

    @Test func namedReferencesFromTheWholeHTML5Table() {
        #expect(HTMLText.plain("caf&eacute; &frac12; &NotEqualTilde; &Fopf; &bigstar;") == "café ½ ≂̸ 𝔽 ★")
        // Legacy names also decode without `;`, even before letters (as HTML text does).
        #expect(HTMLText.plain("caf&eacute &copy2024 &amp") == "café ©2024 &")
        // The longest name in the table wins; a name HTML requires `;` for stays text without it.
        #expect(HTMLText.plain("&notin; &notit; &bigstar") == "∉ ¬it; &bigstar")
        #expect(HTMLText.plain("&unknown; &; & ;") == "&unknown; &; & ;")
    }

    @Test func numericReferences() {
        #expect(HTMLText.plain("&#233;&#xE9;&#XE9;&#233") == "éééé")
        // 0x80-0x9F are read as Windows-1252, as browsers do.
        #expect(HTMLText.plain("it&#146;s &#150; &#x80;5") == "it’s – €5")
        #expect(HTMLText.plain("&#0;|&#xD800;|&#99999999999999999999;") == "\u{FFFD}|\u{FFFD}|\u{FFFD}")
        #expect(HTMLText.plain("a&#1;b&#x7F;c&#xFFFF;d") == "abcd")
        #expect(HTMLText.plain("&#; &#x; &#xZ;") == "&#; &#x; &#xZ;")
    }

    @Test func doubleEscapedTextIsDecodedAgain() {
        #expect(HTMLText.plain("&amp;amp; &amp;eacute; &amp;amp;lt;b&amp;gt;") == "& é <b>")
        #expect(HTMLText.plain("R&amp;D &amp;&amp; &#38;frac12;") == "R&D && ½")
        // A plain `&` before a name is not a reference that was escaped: it stays.
        #expect(HTMLText.plain("&amp; eacute;") == "& eacute;")
    }

    @Test func markupStoredEscapedIsStrippedOnceDecoded() {
        #expect(HTMLText.plain("&lt;p&gt;Build &lt;b&gt;reports&lt;/b&gt;&lt;/p&gt;&lt;script&gt;track()&lt;/script&gt;done") == "\nBuild reports\ndone")
        #expect(HTMLText.plain("&amp;lt;li&amp;gt;SQL&amp;lt;/li&amp;gt;") == "\nSQL\n")
        // Escaped brackets that are no markup stay as text.
        #expect(HTMLText.plain("if a &lt; b and c &gt; d") == "if a < b and c > d")
        #expect(HTMLText.plain("use &lt;T&gt; generics") == "use <T> generics")
    }

    @Test func hiddenElementsAndCommentsGoWithTheirContents() {
        let page = "<p>Hi</p><script type=\"text/javascript\">if (a < b) { x = '<p>keyword</p>'; }</script>there"
        #expect(HTMLText.plain(page) == "\nHi\nthere")
        #expect(HTMLText.plain("<STYLE>p { color: red }</Style >ok<noscript>enable scripts</noscript>") == "ok")
        #expect(HTMLText.plain("a<!-- hidden <b>x</b> -->b<!-->c<!--->d") == "abcd")
        #expect(HTMLText.plain("a<!-- never closed") == "a")
        #expect(HTMLText.plain("<!DOCTYPE html><?xml version=\"1.0\"?>t") == "t")
        // An element to hide that never closes loses only its start tag.
        #expect(HTMLText.plain("use a <script> tag") == "use a  tag")
        #expect(HTMLText.plain("<script src=\"a.js\"/>kept") == "kept")
    }

    @Test func tagsWithQuotedAttributesAndBlockSeparators() {
        #expect(HTMLText.plain("<a href=\"x?a=1&b=2\" title='a > b'>link</a>") == "link")
        #expect(HTMLText.plain("one<br/>two<BR>three<hr />four") == "one\ntwo\nthree\nfour")
        #expect(HTMLText.plain("<td>a</td><td>b</td>") == "\na\n\nb\n")
        #expect(HTMLText.plain("<span>Power</span><span>BI</span>") == "PowerBI")
    }

    @Test func pathologicalMarkupEndsQuickly() {
        let text = String(repeating: "<a x=\"", count: 20_000) + String(repeating: "<script>", count: 20_000) + "&amp;"
        let plain = HTMLText.plain(text)
        #expect(plain.hasSuffix("&"))
        #expect(plain.utf8.count < text.utf8.count)
    }

    /// Every name in the table, bare and followed by text, against Python's `html.unescape`
    /// (inputs that escape nothing twice, where one pass is the whole answer).
    @Test func agreesWithPythonOnEveryNamedReference() throws {
        var inputs: [String] = []
        for entry in HTMLText.namedReferenceTable.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let name = entry.prefix { $0 != "=" }
            inputs += ["&\(name)", "x&\(name)y", "&\(name)1 ", "&\(name);;", "&\(name)-"]
        }
        inputs += (0..<0x120).map { "&#\($0);" } + (0..<0x120).map { "&#x\(String($0, radix: 16))" }
        inputs += ["&#xD7FF;", "&#xDFFF;", "&#x10FFFF;", "&#x110000;", "&#xFDD0;", "&#x1FFFE;", "&#0000065;"]
        let expected = try #require(try PythonOracle.run("html_unescape.py", input: inputs) as? [String])
        #expect(expected.count == inputs.count)
        let differences = zip(inputs, expected).filter { HTMLText.plain($0) != $1 }
        #expect(differences.isEmpty, "\(differences.prefix(10).map { "\($0.0) → \(HTMLText.plain($0.0).debugDescription), oracle \($0.1.debugDescription)" })")
        #expect(inputs.count > 11_000)
    }

    /// Loading a post decodes its fields: no entity name or script text becomes a term.
    @Test func loadedPostsHoldNoEntityNamesOrScripts() throws {
        let corpus = try TemporaryCorpus(["p.json": """
            [{"title": "Caf&amp;eacute; &amp;amp; bar site", "skills": "Caf&eacute; Design, SQL &amp;amp; DAX",
              "description": "<style>.x{color:red}</style><p>Menu &frac12; price</p><script>trackVisitor()</script>"}]
            """])
        defer { corpus.remove() }
        let post = try #require(try corpus.load().posts.first)
        #expect(post.title == "Café & bar site")
        #expect(post.skills == ["Café Design", "SQL & DAX"])
        #expect(post.description == "Menu ½ price")
    }
}
