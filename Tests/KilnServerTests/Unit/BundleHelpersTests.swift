import FHIRModel
import FHIRSearch
import FHIRStore
@testable import KilnServer
import Testing

@Suite("Bundle processing helpers")
struct BundleHelpersTests {
    @Test("References to urn:uuid fullUrls are rewritten at any depth; unknown urn:uuid is an error")
    func rewriting() throws {
        let resource: JSONValue = [
            "resourceType": "Observation",
            "subject": ["reference": "urn:uuid:a"],
            "performer": [["reference": "Practitioner/1"], ["reference": "urn:uuid:b"]],
            "note": [["text": "urn:uuid:a stays text"]],
        ]
        let map = ["urn:uuid:a": "Patient/1", "urn:uuid:b": "Practitioner/2"]
        let rewritten = try ReferenceRewriter.rewrite(resource, map: map, expression: "Bundle.entry[0]")
        #expect(rewritten["subject"]?["reference"] == "Patient/1")
        #expect(rewritten["performer"]?.arrayValue?.map { $0["reference"] } == ["Practitioner/1", "Practitioner/2"])
        #expect(rewritten["note"]?.arrayValue?.first?["text"] == "urn:uuid:a stays text")
        #expect(ReferenceRewriter.references(in: resource).sorted() == ["Practitioner/1", "urn:uuid:a", "urn:uuid:b"])
        #expect(throws: FHIRError.self) { try ReferenceRewriter.rewrite(resource, map: [:], expression: "Bundle.entry[0]") }
    }

    @Test("Entry URLs: relative, absolute on this server, with queries; foreign servers are refused")
    func entryURLs() throws {
        let base = "http://kiln.example/fhir"
        let (route, query) = try BundleEntryRequest.parse(url: "Patient?identifier=a%7Cb", baseURL: base, expression: "e")
        #expect(route == .type("Patient"))
        #expect(query == [QueryParameter(name: "identifier", value: "a|b")])
        #expect(try BundleEntryRequest.parse(url: "\(base)/Patient/1", baseURL: base, expression: "e").0 == .instance("Patient", "1"))
        #expect(throws: FHIRError.self) { try BundleEntryRequest.parse(url: "http://elsewhere/fhir/Patient/1", baseURL: base, expression: "e") }
        #expect(throws: FHIRError.self) { try BundleEntryRequest.parse(url: "Patient/1/2", baseURL: base, expression: "e") }
    }

    @Test("Conditional criteria: the query after Type?, a lock key independent of order; none is refused")
    func criteria() throws {
        let criteria = try ConditionalCriteria(resourceType: "Patient", queryString: "Patient?identifier=s|1,2&_id=a")
        #expect(criteria.parameters == [QueryParameter(name: "identifier", value: "s|1,2"), QueryParameter(name: "_id", value: "a")])
        let reordered = try ConditionalCriteria(resourceType: "Patient", queryString: "_id=a&identifier=s|1,2")
        #expect(criteria.lockKey == reordered.lockKey)
        #expect(throws: FHIRError.self) { try ConditionalCriteria(resourceType: "Patient", queryString: "") }
        #expect(throws: FHIRError.self) { try ConditionalCriteria(resourceType: "Patient", queryString: "identifier=") }
    }
}
