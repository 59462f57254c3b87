import Foundation
import FHIRModel
import KilnTesting
import NIOHTTP1
import Testing

@Suite("CapabilityStatement")
struct CapabilityStatementTests {
    @Test("GET metadata returns a CapabilityStatement for FHIR 4.0.1")
    func metadata() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let response = try await server.client.get("metadata")
            #expect(response.status == 200)
            #expect(response.header("Content-Type")?.hasPrefix("application/fhir+json") == true)
            let statement = response.resource
            #expect(statement["resourceType"] == "CapabilityStatement")
            #expect(statement["fhirVersion"] == "4.0.1")
            let resources = statement["rest"]?.arrayValue?.first?["resource"]?.arrayValue ?? []
            let types = Set(resources.compactMap { $0["type"]?.stringValue })
            for type in ["Patient", "Observation", "DiagnosticReport", "Consent", "Provenance", "AuditEvent"] {
                #expect(types.contains(type), "\(type) missing from the CapabilityStatement")
            }
            #expect(!types.contains("DomainResource"))
            let patient = resources.first { $0["type"] == "Patient" }
            let interactions = Set((patient?["interaction"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue })
            #expect(interactions.isSuperset(of: ["read", "vread", "update", "patch", "delete", "create", "history-instance", "history-type"]))
        }
    }

    @Test("An unknown resource type gets 404 with an OperationOutcome")
    func unknownType() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let response = try await server.client.get("Spaceship/1")
            #expect(response.status == 404)
            #expect(response.isOperationOutcome)
            #expect(response.diagnostics.contains("Spaceship"))
            let abstract = try await server.client.get("DomainResource/1")
            #expect(abstract.status == 404)
        }
    }

    @Test("A path outside /fhir gets 404 with an OperationOutcome")
    func outsideFHIR() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let response = try await server.client.get(server.baseURL.replacingOccurrences(of: "/fhir", with: "/nothing-here"))
            #expect(response.status == 404)
            #expect(response.isOperationOutcome)
        }
    }
}
