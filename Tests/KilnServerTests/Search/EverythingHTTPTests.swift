import FHIRAccess
import FHIRModel
import Foundation
import KilnTesting
import Testing

/// `Patient/[id]/$everything` against a real PostgreSQL through the HTTP server.
@Suite("Patient/$everything (HTTP)")
struct EverythingHTTPTests {
    static func seed(_ server: TestServer) async throws {
        try await server.put(json: #"{"resourceType": "Practitioner", "id": "gp"}"#)
        for patient in ["p1", "p2"] {
            try await server.put(json: #"{"resourceType": "Patient", "id": "\#(patient)", "generalPractitioner": [{"reference": "Practitioner/gp"}]}"#)
            for index in 1...3 {
                try await server.put(json: """
                    {"resourceType": "Observation", "id": "obs-\(patient)-\(index)", "status": "final",
                     "code": {"coding": [{"system": "http://loinc.org", "code": "2339-0"}]},
                     "subject": {"reference": "Patient/\(patient)"}}
                    """)
            }
            try await server.put(json: """
                {"resourceType": "DiagnosticReport", "id": "rep-\(patient)", "status": "final",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "24323-8"}]},
                 "subject": {"reference": "Patient/\(patient)"}, "result": [{"reference": "Observation/obs-\(patient)-1"}]}
                """)
        }
    }

    /// p1's compartment: its resources, and Kiln's Provenance of the Patient's create (a
    /// Provenance is in the compartment of the Patients it targets).
    static let p1Compartment: Set<String> = [
        "Patient/p1", "Observation/obs-p1-1", "Observation/obs-p1-2", "Observation/obs-p1-3", "DiagnosticReport/rep-p1",
        WriteRecord.name(of: "Patient/p1/_history/1"),
    ]

    @Test("Returns the patient's compartment and nothing of another patient, paged with $everything links")
    func compartment() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            try await Self.seed(server)
            let bundle = try await server.searchset("Patient/p1/$everything")
            #expect(Set(bundle.matchIDs) == Self.p1Compartment)
            #expect(bundle.matchIDs.first == "Patient/p1", "the Patient was stored first, so it comes first")
            #expect(bundle.total == Self.p1Compartment.count)

            let crawl = try await server.allPages("Patient/p1/$everything?_count=2")
            #expect(crawl.ids.count == Self.p1Compartment.count && Set(crawl.ids) == Self.p1Compartment)
            #expect(crawl.pages == 3)
            let first = try await server.searchset("Patient/p1/$everything?_count=2")
            #expect(first.link("next")?.contains("/Patient/p1/$everything?") == true, "\(first.link("next") ?? "no next link")")

            // A cursor of one patient's $everything does not continue another's.
            if let next = first.link("next") {
                let moved = try await server.get(next.replacingOccurrences(of: "Patient/p1/", with: "Patient/p2/"))
                #expect(moved.status == 400, "a p1 cursor used on p2 → \(moved.status)")
            }

            #expect(Set(try await server.searchset("Patient/p1/$everything?_type=DiagnosticReport,Patient").matchIDs) == ["Patient/p1", "DiagnosticReport/rep-p1"])
            #expect(try await server.searchset("Patient/p1/$everything?_since=2000-01-01T00:00:00Z").matchIDs.count == Self.p1Compartment.count)
            #expect(try await server.searchset("Patient/p1/$everything?_since=2999-01-01T00:00:00Z").matchIDs.isEmpty)
            let posted = try await server.client.post("Patient/p1/$everything", json: resourceJSON(#"{"resourceType": "Parameters", "parameter": [{"name": "_type", "valueString": "Observation"}]}"#))
            #expect(posted.status == 200 && Set(posted.resource.matchIDs) == ["Observation/obs-p1-1", "Observation/obs-p1-2", "Observation/obs-p1-3"], "\(posted.text)")
        }
    }

    @Test("Bad parameters are 400 with a message, an unknown patient 404, a type other than Patient 400")
    func refusals() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            try await Self.seed(server)
            let unknown = try await server.get("Patient/p1/$everything?code=2339-0")
            #expect(unknown.status == 400 && unknown.diagnostics.contains("_since"), "\(unknown.text)")
            let start = try await server.get("Patient/p1/$everything?start=2020-01-01")
            #expect(start.status == 400 && start.diagnostics.contains("start"), "\(start.text)")
            let outside = try await server.get("Patient/p1/$everything?_type=Practitioner")
            #expect(outside.status == 400 && outside.diagnostics.contains("compartment"), "\(outside.text)")
            let date = try await server.get("Patient/p1/$everything?_since=yesterday")
            #expect(date.status == 400, "\(date.text)")
            #expect(try await server.get("Patient/nobody/$everything").status == 404)
            #expect(try await server.get("Observation/obs-p1-1/$everything").status == 400)
            #expect(try await server.get("Patient/$everything").status == 400)
        }
    }

    @Test("Under a patient-compartment filter, another patient's $everything is 404 like a missing one")
    func compartmentFilter() async throws {
        try await TestServer.run(access: SinglePatientAccess(patientID: "p1")) { (server: TestServer) async throws in
            try await Self.seed(server)
            #expect(Set(try await server.searchset("Patient/p1/$everything").matchIDs) == Self.p1Compartment)
            let other = try await server.get("Patient/p2/$everything")
            let missing = try await server.get("Patient/nobody/$everything")
            #expect(other.status == 404 && other.diagnostics.replacingOccurrences(of: "p2", with: "X") == missing.diagnostics.replacingOccurrences(of: "nobody", with: "X"))
        }
    }

    @Test("The CapabilityStatement lists $everything under Patient")
    func advertised() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            let patient = (try await server.client.get("metadata")).resource["rest"]?.arrayValue?.first?["resource"]?.arrayValue?
                .first { $0["type"]?.stringValue == "Patient" }
            let operation = patient?["operation"]?.arrayValue?.first { $0["name"]?.stringValue == "everything" }
            #expect(operation?["definition"]?.stringValue == "http://hl7.org/fhir/OperationDefinition/Patient-everything")
        }
    }
}
