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

    @Test("The search section of each documented type lists exactly the parameters docs/search.md marks supported")
    func searchSectionAgreesWithDocumentation() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let documentation = try String(contentsOf: root.appendingPathComponent("docs/search.md"), encoding: .utf8)
        try await TestServer.run { (server: TestServer) async throws in
            let statement = try await server.client.get("metadata").resource
            let rest = statement["rest"]?.arrayValue?.first
            let resources = rest?["resource"]?.arrayValue ?? []
            let common = Self.supported(in: documentation, section: "Every resource type")
            #expect(common == Set((rest?["searchParam"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }))
            for type in ["Patient", "Observation", "DiagnosticReport", "Consent", "Provenance"] {
                let advertised = resources.first { $0["type"]?.stringValue == type }?["searchParam"]?.arrayValue ?? []
                let names = Set(advertised.compactMap { $0["name"]?.stringValue })
                #expect(names == Self.supported(in: documentation, section: type).union(common), "\(type)")
                #expect(advertised.allSatisfy { $0["definition"]?.stringValue?.hasPrefix("http://hl7.org/fhir/SearchParameter/") == true })
            }
            let report = resources.first { $0["type"]?.stringValue == "DiagnosticReport" }
            #expect(report?["searchInclude"]?.arrayValue?.contains("DiagnosticReport:result") == true)
            let observation = resources.first { $0["type"]?.stringValue == "Observation" }
            #expect(observation?["searchRevInclude"]?.arrayValue?.contains("Provenance:target") == true)
        }
    }

    /// The parameter names marked `yes` in one `## section` table of docs/search.md.
    static func supported(in documentation: String, section: String) -> Set<String> {
        guard let start = documentation.range(of: "## \(section)\n") else { return [] }
        let rest = documentation[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        var names = Set<String>()
        for line in rest[..<end].split(separator: "\n") where line.contains("| yes |") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if let name = cells.first { names.insert(name.trimmingCharacters(in: CharacterSet(charactersIn: "`"))) }
        }
        return names
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
