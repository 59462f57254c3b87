import FHIRModel
import Testing

@Suite struct JSONPointerTests {
    /// The example document of RFC 6901 §5.
    static let rfcDocument = #"{"foo":["bar","baz"],"":0,"a/b":1,"c%d":2,"e^f":3,"g|h":4,"i\\j":5,"k\"l":6," ":7,"m~n":8}"#

    @Test(arguments: [
        ("/foo", #"["bar","baz"]"#),
        ("/foo/0", #""bar""#),
        ("/", "0"),
        ("/a~1b", "1"),
        ("/c%d", "2"),
        ("/e^f", "3"),
        ("/g|h", "4"),
        (#"/i\j"#, "5"),
        (#"/k"l"#, "6"),
        ("/ ", "7"),
        ("/m~0n", "8"),
    ])
    func resolvesRFC6901Examples(pointer: String, expected: String) throws {
        let document = try json(Self.rfcDocument)
        #expect(try JSONPointer(pointer).resolve(in: document) == json(expected))
    }

    @Test func emptyPointerIsTheWholeDocument() throws {
        let document = try json(Self.rfcDocument)
        let pointer = try JSONPointer("")
        #expect(pointer.isRoot)
        #expect(pointer == .root)
        #expect(pointer.tokens.isEmpty)
        #expect(pointer.resolve(in: document) == document)
    }

    @Test func parsesTokens() throws {
        #expect(try JSONPointer("/a/b/0").tokens == ["a", "b", "0"])
        #expect(try JSONPointer("/").tokens == [""])
        #expect(try JSONPointer("//").tokens == ["", ""])
        #expect(try JSONPointer("/a/").tokens == ["a", ""])
        #expect(try JSONPointer("/foo/-").tokens == ["foo", "-"])
        #expect(try JSONPointer("/é/😀").tokens == ["é", "😀"])
    }

    @Test func unescapesTildeOneBeforeTildeZero() throws {
        // "~01" is "~1" unescaped once, not "/".
        #expect(try JSONPointer("/~01").tokens == ["~1"])
        #expect(try JSONPointer("/~10").tokens == ["/0"])
        #expect(try JSONPointer("/~0~1~0~1").tokens == ["~/~/"])
    }

    @Test(arguments: ["a", "a/b", "#/a", " /a", "/~", "/a~", "/~2", "/a~b", "/~/"])
    func rejectsMalformedPointers(text: String) {
        #expect(throws: JSONPointerError.self) { try JSONPointer(text) }
    }

    @Test func errorNamesThePointer() {
        let error = #expect(throws: JSONPointerError.self) { try JSONPointer("/a~2") }
        #expect(error?.pointer == "/a~2")
        #expect(error?.description.contains("'/a~2'") == true)
    }

    @Test(arguments: ["", "/", "/a/b", "/a~1b/~0", "/~01", "/foo/-", "//x/"])
    func descriptionIsTheEscapedForm(text: String) throws {
        #expect(try JSONPointer(text).description == text)
    }

    @Test func tokensAreEscapedWhenWritten() {
        #expect(JSONPointer(tokens: ["a/b", "~", "c"]).description == "/a~1b/~0/c")
    }

    @Test(arguments: [("0", 0), ("1", 1), ("10", 10), ("1234", 1234)])
    func arrayIndexAcceptsDecimalDigits(token: String, index: Int) {
        #expect(JSONPointer.arrayIndex(token) == index)
    }

    @Test(arguments: ["", "-", "01", "00", "-1", "+1", "1.0", "1e2", "a", " 1", "1 ", "٣", "99999999999999999999999"])
    func arrayIndexRejectsEverythingElse(token: String) {
        #expect(JSONPointer.arrayIndex(token) == nil)
    }

    @Test func resolveFailsForMissingLocations() throws {
        let document = try json(#"{"a":[1,{"b":"c"}],"s":"text"}"#)
        for text in ["/x", "/a/2", "/a/-", "/a/01", "/a/1/x", "/s/0", "/a/1/b/c"] {
            #expect(try JSONPointer(text).resolve(in: document) == nil, "\(text)")
        }
        #expect(try JSONPointer("/a/1/b").resolve(in: document) == "c")
    }

    @Test func memberNamedDashIsAnOrdinaryMember() throws {
        #expect(try JSONPointer("/-").resolve(in: json(#"{"-":1}"#)) == 1)
    }

    @Test func parentAndLastToken() throws {
        let pointer = try JSONPointer("/a/b/c")
        #expect(pointer.parent == JSONPointer(tokens: ["a", "b"]))
        #expect(pointer.lastToken == "c")
        #expect(JSONPointer.root.parent == nil)
        #expect(JSONPointer.root.lastToken == nil)
    }

    @Test func properDescendantIsTokenWise() throws {
        #expect(try JSONPointer("/a/b").isProperDescendant(of: JSONPointer("/a")))
        #expect(try JSONPointer("/a").isProperDescendant(of: .root))
        #expect(try !JSONPointer("/a").isProperDescendant(of: JSONPointer("/a")))
        #expect(try !JSONPointer("/ab").isProperDescendant(of: JSONPointer("/a")))
        #expect(try !JSONPointer("/a").isProperDescendant(of: JSONPointer("/a/b")))
    }

    @Test func tokensCompareByCodePoint() {
        #expect(JSONPointer(tokens: ["\u{E9}"]) != JSONPointer(tokens: ["e\u{301}"]))
        #expect(JSONPointer(tokens: ["a", "\u{E9}"]) == JSONPointer(tokens: ["a", "\u{E9}"]))
    }
}
