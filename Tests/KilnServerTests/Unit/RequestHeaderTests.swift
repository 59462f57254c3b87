@testable import KilnServer
import FHIRSearch
import Testing

@Suite("Request headers and query strings")
struct RequestHeaderTests {
    @Test("Prefer: return= is read among other preferences")
    func prefer() {
        #expect(PreferReturn(header: "return=minimal") == .minimal)
        #expect(PreferReturn(header: "handling=strict; return=OperationOutcome") == .operationOutcome)
        #expect(PreferReturn(header: "respond-async, return=representation") == .representation)
        #expect(PreferReturn(header: "handling=lenient") == nil)
        #expect(PreferReturn(header: nil) == nil)
    }

    @Test("Query strings are split on & and percent-decoded, + is a space, names may repeat")
    func queryParameters() {
        let parameters = QueryParameter.parse("identifier=http%3A%2F%2Fx%7C1&name=a+b&name=c&flag")
        #expect(parameters == [
            QueryParameter(name: "identifier", value: "http://x|1"),
            QueryParameter(name: "name", value: "a b"),
            QueryParameter(name: "name", value: "c"),
            QueryParameter(name: "flag", value: ""),
        ])
    }

    @Test("If-Match accepts W/\"n\", \"n\" and n; anything else is 400")
    func ifMatch() throws {
        #expect(try ETag.versionID(fromIfMatch: "W/\"3\"") == 3)
        #expect(try ETag.versionID(fromIfMatch: "\"12\"") == 12)
        #expect(try ETag.versionID(fromIfMatch: "7") == 7)
        #expect(throws: (any Error).self) { try ETag.versionID(fromIfMatch: "W/\"x\"") }
        #expect(throws: (any Error).self) { try ETag.versionID(fromIfMatch: "0") }
        #expect(ETag.matches("*", versionID: 4))
        #expect(ETag.matches("W/\"1\", W/\"4\"", versionID: 4))
        #expect(!ETag.matches("W/\"1\"", versionID: 4))
    }

    @Test("Content negotiation accepts JSON and refuses XML with 406")
    func negotiation() throws {
        try MediaType.negotiate(format: "json", accept: nil)
        try MediaType.negotiate(format: "application/fhir+json", accept: nil)
        try MediaType.negotiate(format: nil, accept: "application/fhir+json;q=0.9, */*;q=0.1")
        #expect(throws: (any Error).self) { try MediaType.negotiate(format: "xml", accept: nil) }
        #expect(throws: (any Error).self) { try MediaType.negotiate(format: nil, accept: "application/fhir+xml") }
        #expect(MediaType.isFHIRJSON("application/fhir+json; charset=UTF-8"))
        #expect(!MediaType.isFHIRJSON("application/xml"))
    }
}
