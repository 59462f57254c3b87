import FHIRModel
import Testing

@Suite struct JSONSerializerTests {
    @Test func escapesQuotesAndBackslashes() {
        #expect(JSONValue.string(#"say "hi" \ bye"#).jsonString == #""say \"hi\" \\ bye""#)
    }

    @Test func escapesCommonControlCharactersShort() {
        #expect(JSONValue.string("a\nb\rc\td").jsonString == #""a\nb\rc\td""#)
    }

    @Test func escapesOtherControlCharactersAsUnicodeEscapes() {
        #expect(JSONValue.string("\u{00}\u{01}\u{08}\u{0C}\u{1B}\u{1F}").jsonString == #""\u0000\u0001\u0008\u000c\u001b\u001f""#)
    }

    @Test func keepsUnicodeAndSlashRaw() {
        #expect(JSONValue.string("é/€/😀/\u{7F}/\u{2028}").jsonString == "\"é/€/😀/\u{7F}/\u{2028}\"")
    }

    @Test func escapesMemberNames() {
        let value: JSONValue = ["a\"b\n": 1]
        #expect(value.jsonString == #"{"a\"b\n":1}"#)
    }

    @Test func writesScalars() {
        #expect(JSONValue.null.jsonString == "null")
        #expect(JSONValue.bool(true).jsonString == "true")
        #expect(JSONValue.bool(false).jsonString == "false")
        #expect(JSONValue.number(JSONNumber(-42)).jsonString == "-42")
        #expect(JSONNumber("1.50").map { JSONValue.number($0).jsonString } == "1.50")
    }

    @Test func compactOutputHasNoWhitespace() throws {
        let value = try json(#"{ "resourceType" : "Patient", "name" : [ { "given" : [ "A", "B" ] } ], "empty" : { }, "list" : [ ] }"#)
        #expect(value.jsonString == #"{"resourceType":"Patient","name":[{"given":["A","B"]}],"empty":{},"list":[]}"#)
        #expect(JSONSerializer().serialize(value) == Array(value.jsonString.utf8))
        #expect(value.jsonBytes == Array(value.jsonString.utf8))
    }

    @Test func prettyOutputIndentsTwoSpaces() throws {
        let value = try json(#"{"resourceType":"Patient","name":[{"given":["A","B"]}],"empty":{},"list":[],"n":1.50}"#)
        let expected = """
            {
              "resourceType": "Patient",
              "name": [
                {
                  "given": [
                    "A",
                    "B"
                  ]
                }
              ],
              "empty": {},
              "list": [],
              "n": 1.50
            }
            """
        #expect(JSONSerializer(pretty: true).string(value) == expected)
    }

    @Test func prettyScalarHasNoNewline() {
        #expect(JSONSerializer(pretty: true).string("a") == #""a""#)
    }

    @Test func writeAppendsToExistingOutput() {
        var output = Array("prefix:".utf8)
        JSONSerializer().write([1, 2], into: &output)
        #expect(String(decoding: output, as: UTF8.self) == "prefix:[1,2]")
    }

    @Test(arguments: [
        #"{"resourceType":"Observation","valueQuantity":{"value":12345678901234567890.12,"unit":"mg"},"component":[]}"#,
        #"["\u0000\"\\\/\b\f\n\r\t","é😀",-0.000000000000000000001,1E400,true,false,null,{}]"#,
        #"{"\u00e9":1,"e\u0301":2,"":{"":[[[]]]}}"#,
    ])
    func roundTripsThroughParseAndSerialize(text: String) throws {
        let value = try json(text)
        #expect(try json(value.jsonString) == value)
        #expect(try json(JSONSerializer(pretty: true).string(value)) == value)
        // Serializing again gives the same bytes: the output is canonical for Kiln.
        #expect(try json(value.jsonString).jsonString == value.jsonString)
    }
}
