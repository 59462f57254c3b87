import FHIRAudit
@testable import KilnServer
import Testing

/// How a request is named in its audit record when it is known only by its method and path.
@Suite("Audited interaction names")
struct AuditedInteractionTests {
    @Test("Authorization and administration requests are named by endpoint and change")
    func namesOutsideFHIR() {
        #expect(AuditedInteraction.classifying(method: "POST", path: "/auth/token").0.name == "token")
        #expect(AuditedInteraction.classifying(method: "POST", path: "/auth/revoke").0.name == "revocation")
        #expect(AuditedInteraction.classifying(method: "POST", path: "/auth/authorize").0.name == "login")
        let (registered, view) = AuditedInteraction.classifying(method: "POST", path: "/admin/clients")
        #expect(registered.operation == "client registered")
        #expect(view == .administration)
        let removed = AuditedInteraction.classifying(method: "DELETE", path: "/admin/users/alice").0
        #expect(removed.operation == "user removed")
        #expect(removed.resourceID == "alice")
        #expect(AuditedInteraction.classifying(method: "POST", path: "/admin/users/alice/patients").0.operation == "user patients assigned")
    }

    @Test("FHIR requests refused before they are decoded are named from their path")
    func namesRefusedFHIRRequests() {
        let read = AuditedInteraction.classifying(method: "GET", path: "/fhir/Patient/p1")
        #expect(read.0 == AuditedInteraction(name: "read", resourceType: "Patient", resourceID: "p1"))
        #expect(read.1 == .clinical)
        #expect(AuditedInteraction.classifying(method: "GET", path: "/fhir/Observation").0.name == "search-type")
        #expect(AuditedInteraction.classifying(method: "POST", path: "/fhir/Observation").0.name == "create")
        #expect(AuditedInteraction.classifying(method: "POST", path: "/fhir").0.name == "transaction")
        #expect(AuditedInteraction.classifying(method: "GET", path: "/research/fhir/Observation").1 == .research(project: ""))
    }

    @Test("Decoded FHIR requests are named by their restful interaction, searches with their request line")
    func namesDecodedRequests() {
        let search = AuditedInteraction(FHIRRequest(method: .get, route: .type("Observation")), requestLine: "GET /fhir/Observation?code=1")
        #expect(search == AuditedInteraction(name: "search-type", resourceType: "Observation", query: "GET /fhir/Observation?code=1"))
        #expect(AuditedInteraction(FHIRRequest(method: .put, route: .instance("Patient", "p")), requestLine: "").name == "update")
        #expect(AuditedInteraction(FHIRRequest(method: .get, route: .version("Patient", "p", "2")), requestLine: "").name == "vread")
        #expect(AuditedInteraction(FHIRRequest(method: .get, route: .instanceHistory("Patient", "p")), requestLine: "").name == "history-instance")
        let everything = AuditedInteraction(FHIRRequest(method: .get, route: .operation(name: "everything", type: "Patient", id: "p")), requestLine: "GET x")
        #expect(everything.operation == "everything")
        #expect(everything.query == "GET x")
    }
}
