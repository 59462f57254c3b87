import FHIRModel
import Testing

@Suite struct JSONParserTests {
    // MARK: Valid documents

    @Test(arguments: [
        "null", "true", "false", "0", "-0", "42", "-1.5e-3", "1E+5", "1e5", "\"\"", "\"text\"",
        "[]", "{}", "[1,\"a\",null,true,{\"b\":[]}]", " \t\r\n{ \"a\" : [ 1 , 2 ] }\n ",
    ])
    func parsesValidDocuments(text: String) throws {
        _ = try json(text)
    }

    @Test func parsesNestedStructure() throws {
        let value = try json(#"{"resourceType":"Patient","name":[{"given":["Ann","B"]}],"active":true,"deceased":null}"#)
        #expect(value["resourceType"] == "Patient")
        #expect(value["name"]?.arrayValue?.first?["given"] == ["Ann", "B"])
        #expect(value["active"] == true)
        #expect(value["deceased"] == .null)
    }

    @Test func decodesEscapes() throws {
        let value = try json(#""\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC\ud83d\ude00""#)
        #expect(value == .string("\"\\/\u{08}\u{0C}\n\r\tAé€😀"))
    }

    @Test func keepsRawUnicode() throws {
        #expect(try json("\"é€😀\"") == .string("é€😀"))
    }

    // MARK: Exact numbers

    @Test(arguments: ["1.50", "12345678901234567890.12", "-0.000000000000000000001", "1E400", "-0", "0.0", "1e-7"])
    func numbersRoundTripDigitForDigit(text: String) throws {
        let value = try json(text)
        #expect(value.numberValue?.text == text)
        #expect(value.jsonString == text)
    }

    @Test func decimalsInsideDocumentsRoundTrip() throws {
        let text = #"{"valueQuantity":{"value":1.50},"big":12345678901234567890.12,"tiny":-0.000000000000000000001}"#
        #expect(try json(text).jsonString == text)
    }

    // MARK: Key order

    @Test func keepsKeyOrder() throws {
        let value = try json(#"{"z":1,"a":2,"m":3,"b":{"y":1,"x":2}}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m", "b"])
        #expect(value["b"]?.objectValue?.keys == ["y", "x"])
    }

    // MARK: Duplicate keys

    @Test func rejectsDuplicateKeys() {
        #expect(parseError(#"{"a":1,"a":2}"#)?.kind == .duplicateKey)
    }

    @Test func rejectsNestedDuplicateKeys() {
        #expect(parseError(#"{"a":{"b":1,"c":2,"b":3}}"#)?.kind == .duplicateKey)
        #expect(parseError(#"[{"x":1},{"y":1,"y":1}]"#)?.kind == .duplicateKey)
    }

    @Test func rejectsDuplicateKeysWrittenWithEscapes() {
        #expect(parseError(#"{"a":1,"\u0061":2}"#)?.kind == .duplicateKey)
    }

    @Test func acceptsKeysThatDifferOnlyInUnicodeNormalization() throws {
        // "é" precomposed (U+00E9) and decomposed (e + U+0301) are different member names in JSON.
        let value = try json("{\"\u{E9}\":1,\"e\u{301}\":2}")
        #expect(value.objectValue?.count == 2)
        #expect(value["\u{E9}"] == 1)
        #expect(value["e\u{301}"] == 2)
    }

    @Test func acceptsSameKeyInDifferentObjects() throws {
        _ = try json(#"{"a":{"a":1},"b":{"a":2}}"#)
    }

    // MARK: UTF-8

    @Test(arguments: [
        ("lone continuation byte", [0x80]),
        ("overlong encoding of '/'", [0xC0, 0xAF]),
        ("encoded surrogate", [0xED, 0xA0, 0x80]),
        ("truncated sequence", [0xE2, 0x82]),
        ("truncated four-byte sequence", [0xF0, 0x9F, 0x98]),
        ("byte never used in UTF-8", [0xFF]),
        ("code point above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
    ] as [(String, [UInt8])])
    func rejectsInvalidUTF8(name: String, bytes: [UInt8]) {
        let string = [UInt8(ascii: "\"")] + bytes + [UInt8(ascii: "\"")]
        #expect(parseError(bytes: string)?.kind == .invalidUTF8, "\(name)")
        // The same bytes after an escape take the slower path through the parser.
        let escaped = Array(#""\n"#.utf8) + bytes + [UInt8(ascii: "\"")]
        #expect(parseError(bytes: escaped)?.kind == .invalidUTF8, "\(name) after an escape")
    }

    @Test func rejectsInvalidUTF8InMemberNames() {
        #expect(parseError(bytes: Array(#"{""#.utf8) + [0xC0, 0xAF] + Array(#"":1}"#.utf8))?.kind == .invalidUTF8)
    }

    @Test func acceptsValidMultibyteUTF8() throws {
        #expect(try json(bytes: [0x22, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0x22]) == .string("é€😀"))
    }

    @Test(arguments: [#""\ud800""#, #""\udc00""#, #""\ud800x""#, #""\ud800\u0041""#, #""\ud800\ud800""#, #""\udfff\ud800""#])
    func rejectsLoneSurrogateEscapes(text: String) {
        #expect(parseError(text)?.kind == .invalidUTF8)
    }

    @Test func acceptsSurrogatePairEscapes() throws {
        #expect(try json(#""\uD834\uDD1E""#) == .string("𝄞"))
        #expect(try json(#""\udbff\udfff""#) == .string("\u{10FFFF}"))
    }

    // MARK: Strings

    @Test(arguments: [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F] as [UInt8])
    func rejectsControlCharactersInStrings(byte: UInt8) {
        #expect(parseError(bytes: [0x22, 0x61, byte, 0x22])?.kind == .syntax)
        #expect(parseError(bytes: Array(#""\t"#.utf8) + [byte, 0x22])?.kind == .syntax)
    }

    @Test(arguments: [#""\x41""#, #""\u00G0""#, #""\u12""#, #""abc"#, #""\"#, "\"\\'\""])
    func rejectsBadEscapesAndUnterminatedStrings(text: String) {
        #expect(parseError(text)?.kind == .syntax)
    }

    // MARK: Grammar

    @Test(arguments: [
        "01", "-01", "00", "1.", ".5", "+1", "-", "1e", "1e+", "1.e5", "NaN", "Infinity", "-Infinity",
        "0x10", "[1,]", "[,1]", #"{"a":1,}"#, "[1 2]", #"{"a" 1}"#, #"{a:1}"#, "{1:1}",
        "// comment\n1", "/* comment */ 1", "1 // comment", "'a'", "['a']", "tru", "nul", "True",
        "[", "{", #"{"a":"#, "]", "[1]]",
    ])
    func rejectsInvalidSyntax(text: String) {
        #expect(parseError(text)?.kind == .syntax)
    }

    @Test(arguments: ["1 2", "{} {}", "[1] x", "null,", "\"a\"\"b\"", "true false"])
    func rejectsTrailingContent(text: String) {
        #expect(parseError(text)?.kind == .syntax)
    }

    @Test(arguments: ["", " ", "\n\t "])
    func rejectsEmptyInput(text: String) {
        #expect(parseError(text)?.kind == .syntax)
    }

    // MARK: Depth

    @Test func acceptsNestingExactlyAtTheLimit() throws {
        let limits = JSONLimits(maximumDepth: 5)
        #expect(parseError(String(repeating: "[", count: 5) + String(repeating: "]", count: 5), limits: limits) == nil)
        #expect(parseError(String(repeating: #"{"a":"#, count: 5) + "1" + String(repeating: "}", count: 5), limits: limits) == nil)
    }

    @Test func rejectsNestingOneDeeperThanTheLimit() {
        let limits = JSONLimits(maximumDepth: 5)
        #expect(parseError(String(repeating: "[", count: 6) + String(repeating: "]", count: 6), limits: limits)?.kind == .tooDeep)
        #expect(parseError(String(repeating: #"{"a":"#, count: 6) + "1" + String(repeating: "}", count: 6), limits: limits)?.kind == .tooDeep)
        #expect(parseError("[{\"a\":[{\"b\":[[1]]}]}]", limits: limits)?.kind == .tooDeep)
    }

    @Test func depthCountsNestingNotSiblings() {
        let limits = JSONLimits(maximumDepth: 2)
        #expect(parseError("[[1],[2],[3],{\"a\":1}]", limits: limits) == nil)
    }

    @Test func defaultLimitIs64Levels() {
        let atLimit = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        let beyond = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(JSONLimits.defaultMaximumDepth == 64)
        #expect(parseError(atLimit) == nil)
        #expect(parseError(beyond)?.kind == .tooDeep)
    }

    @Test func hugeNestingFailsWithoutCrashing() {
        #expect(parseError(String(repeating: "[", count: 100_000))?.kind == .tooDeep)
    }

    // MARK: Positions

    @Test func reportsLineAndColumnOfSyntaxErrors() throws {
        let error = try #require(parseError("{\n  \"a\": tru\n}"))
        #expect(error.line == 2)
        #expect(error.column == 8)
        #expect(error.offset == 9)
        #expect(error.description.hasSuffix("at line 2, column 8"))
    }

    @Test func reportsPositionOfTheDuplicateKey() throws {
        let error = try #require(parseError("{\"a\":1,\n   \"a\":2}"))
        #expect(error.kind == .duplicateKey)
        #expect(error.line == 2)
        #expect(error.column == 4)
    }

    @Test func reportsPositionOfTrailingContent() throws {
        let error = try #require(parseError("[1]\n\n  x"))
        #expect(error.line == 3)
        #expect(error.column == 3)
    }

    @Test func reportsFirstLineAndColumnForEmptyInput() throws {
        let error = try #require(parseError(""))
        #expect(error.line == 1)
        #expect(error.column == 1)
    }

    // MARK: Byte order mark

    @Test func toleratesByteOrderMark() throws {
        #expect(try json(bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8)) == ["a": 1])
    }

    @Test func byteOrderMarkAloneIsEmpty() {
        #expect(parseError(bytes: [0xEF, 0xBB, 0xBF])?.kind == .syntax)
    }

    @Test func byteOrderMarkInsideTheValueIsNotSkipped() {
        #expect(parseError(bytes: Array("[".utf8) + [0xEF, 0xBB, 0xBF] + Array("]".utf8))?.kind == .syntax)
    }
}
