import FHIRAccess
import FHIRModel
import Foundation
@testable import KilnServer
import Testing

/// The `X-Provenance` header: parsed like a body, checked, and merged with what Kiln knows.
@Suite("X-Provenance header")
struct ProvenanceHeaderTests {
    static let kiln = ProvenanceBuilder.provenance(
        targets: [WrittenVersion(resourceType: "Observation", id: "12", versionID: 3, activity: .update)],
        principal: ProvenanceBuilderTests.clinician, requestID: "req-1", recorded: ProvenanceBuilderTests.recorded)

    static func parse(_ text: String) throws(FHIRError) -> JSONObject {
        try ProvenanceHeader.clientProvenance(try ProvenanceHeader.parse(text, maximumSize: 1024, maximumDepth: 8))
    }

    @Test("A header that is not JSON is 400 naming the header")
    func notJSON() {
        let error = #expect(throws: FHIRError.self) { try Self.parse("{not json") }
        #expect(error?.status == 400)
        #expect(error?.issues.first?.diagnostics.hasPrefix("The X-Provenance header") == true)
    }

    @Test("The header's JSON is held to the body's depth and size limits")
    func limits() {
        let deep = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
        let tooDeep = #expect(throws: FHIRError.self) { try Self.parse(deep) }
        #expect(tooDeep?.status == 400)
        #expect(tooDeep?.issues.first?.code == .tooCostly)
        let large = "{\"resourceType\": \"Provenance\", \"policy\": [\"" + String(repeating: "x", count: 2000) + "\"]}"
        let tooLarge = #expect(throws: FHIRError.self) { try Self.parse(large) }
        #expect(tooLarge?.status == 413)
    }

    @Test("A header that is not a Provenance is 400", arguments: ["[]", "{}", "{\"resourceType\": \"Patient\"}", "{\"resourceType\": 3}"])
    func notProvenance(text: String) {
        let error = #expect(throws: FHIRError.self) { try Self.parse(text) }
        #expect(error?.status == 400)
        #expect(error?.issues.first?.diagnostics.contains("X-Provenance") == true)
    }

    @Test("A header with a target is 400: Kiln fills the target")
    func targetRefused() {
        let error = #expect(throws: FHIRError.self) {
            try Self.parse("{\"resourceType\": \"Provenance\", \"target\": [{\"reference\": \"Patient/1\"}]}")
        }
        #expect(error?.status == 400)
        #expect(error?.issues.first?.expression == ["Provenance.target"])
    }

    @Test("agent and extension must be arrays")
    func arrays() {
        let error = #expect(throws: FHIRError.self) { try Self.parse("{\"resourceType\": \"Provenance\", \"agent\": {}}") }
        #expect(error?.issues.first?.expression == ["Provenance.agent"])
    }

    @Test("The merge fills target, recorded, reason and activity, keeps the client's other elements and drops its id")
    func mergeFills() throws {
        let client = try Self.parse("""
            {"resourceType": "Provenance", "id": "mine", "policy": ["urn:policy:1"],
             "entity": [{"role": "source", "what": {"reference": "DocumentReference/src"}}]}
            """)
        let merged = ProvenanceHeader.merge(client, into: Self.kiln)
        #expect(merged["id"] == nil)
        #expect(merged["target"] == Self.kiln["target"])
        #expect(merged["recorded"] == Self.kiln["recorded"])
        #expect(merged["reason"] == Self.kiln["reason"])
        #expect(merged["activity"] == Self.kiln["activity"])
        #expect(merged["policy"] == ["urn:policy:1"])
        #expect(merged["entity"]?.arrayValue?.count == 1)
        #expect(merged.keys == ["resourceType", "extension", "target", "recorded", "policy", "reason", "activity", "agent", "entity"])
    }

    @Test("The client's recorded, reason and activity win over Kiln's")
    func clientElementsWin() throws {
        let client = try Self.parse("""
            {"resourceType": "Provenance", "recorded": "2024-04-30T09:00:00Z",
             "reason": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "HOPERAT"}]}],
             "activity": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-DataOperation", "code": "APPEND"}]}}
            """)
        let merged = ProvenanceHeader.merge(client, into: Self.kiln)
        #expect(merged["recorded"] == "2024-04-30T09:00:00Z")
        #expect(merged["reason"]?.arrayValue?.first?["coding"]?.arrayValue?.first?["code"] == "HOPERAT")
        #expect(merged["activity"]?["coding"]?.arrayValue?.first?["code"] == "APPEND")
    }

    @Test("The client's agents are kept and the caller is added, unless an agent already names it")
    func agents() throws {
        let other = try Self.parse("""
            {"resourceType": "Provenance", "agent": [{"who": {"reference": "Practitioner/source-author"}}]}
            """)
        let merged = ProvenanceHeader.merge(other, into: Self.kiln)
        #expect(merged["agent"]?.arrayValue?.compactMap { $0["who"]?["reference"]?.stringValue } == ["Practitioner/source-author", "Practitioner/12"])
        let same = try Self.parse("""
            {"resourceType": "Provenance", "agent": [{"who": {"reference": "Practitioner/12"}, "role": [{"text": "attending"}]}]}
            """)
        let kept = ProvenanceHeader.merge(same, into: Self.kiln)
        #expect(kept["agent"]?.arrayValue?.count == 1)
        #expect(kept["agent"]?.arrayValue?.first?["role"] != nil)
    }

    @Test("Kiln's request id replaces one the client sent; the client's other extensions stay")
    func requestIDReplaced() throws {
        let client = try Self.parse("""
            {"resourceType": "Provenance", "extension": [
              {"url": "https://kiln.dev/fhir/StructureDefinition/request-id", "valueString": "forged"},
              {"url": "http://example.org/ext", "valueString": "kept"}]}
            """)
        let merged = ProvenanceHeader.merge(client, into: Self.kiln)
        #expect(RequestIDExtension.requestID(in: merged["extension"]) == "req-1")
        #expect(merged["extension"]?.arrayValue?.count == 2)
    }

    @Test("A rejected merge becomes 400 with every diagnostic naming the header")
    func rejected() {
        let error = ProvenanceHeader.rejected(FHIRError(status: 422, issues: [
            OperationOutcomeIssue(severity: .error, code: .required, diagnostics: "Provenance.agent.who: minimum 1", expression: ["Provenance.agent[0].who"]),
        ]))
        #expect(error.status == 400)
        #expect(error.issues.first?.diagnostics == "X-Provenance: Provenance.agent.who: minimum 1")
        #expect(error.issues.first?.expression == ["Provenance.agent[0].who"])
    }
}
