import FHIRModel
import FHIRStore
import Testing

@Suite("Identifier token extraction")
struct IdentifierTokenExtractorTests {
    @Test("Each identifier with a value becomes a (system, value) token; no system is the empty system")
    func extraction() {
        let resource: JSONValue = [
            "resourceType": "Patient",
            "identifier": [
                ["system": "http://a", "value": "1"],
                ["value": "2"],
                ["system": "http://a", "value": "1"],
                ["system": "http://no-value"],
            ],
        ]
        #expect(IdentifierTokenExtractor.tokens(of: resource) == [
            TokenIndexEntry(parameter: "identifier", system: "http://a", code: "1"),
            TokenIndexEntry(parameter: "identifier", system: "", code: "2"),
        ])
    }

    @Test("A single Identifier (0..1 elements such as Bundle.identifier) is indexed too")
    func singleIdentifier() {
        let bundle: JSONValue = ["resourceType": "Bundle", "identifier": ["system": "s", "value": "v"]]
        #expect(IdentifierTokenExtractor.tokens(of: bundle) == [TokenIndexEntry(parameter: "identifier", system: "s", code: "v")])
        #expect(IdentifierTokenExtractor.tokens(of: ["resourceType": "Patient"]).isEmpty)
    }

    @Test("Token search syntax: system|code, code, |code, system|")
    func tokenCriterion() {
        #expect(TokenCriterion(parsing: "s|c") == TokenCriterion(system: "s", code: "c"))
        #expect(TokenCriterion(parsing: "c") == TokenCriterion(system: nil, code: "c"))
        #expect(TokenCriterion(parsing: "|c") == TokenCriterion(system: "", code: "c"))
        #expect(TokenCriterion(parsing: "s|") == TokenCriterion(system: "s", code: nil))
        #expect(TokenCriterion(parsing: "|") == nil)
        #expect(TokenCriterion(parsing: "") == nil)
    }
}
