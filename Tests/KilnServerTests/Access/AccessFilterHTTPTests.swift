import FHIRAccess
import FHIRModel
import KilnTesting
import Synchronization
import Testing

/// An access controller whose filter the test switches: unrestricted to store the data, then
/// the filter under test for every interaction, writes included.
final class SwitchableAccess: AccessController {
    private let current = Mutex(AccessFilter.unrestricted)

    /// Every request from now on gets `filter`.
    func set(_ filter: AccessFilter) {
        current.withLock { $0 = filter }
    }

    func decide(_ request: AccessRequest) -> AccessDecision {
        .allow(current.withLock { $0 })
    }
}

@Suite("Access filter on reads, history and writes (HTTP)")
struct AccessFilterHTTPTests {
    /// The ids of the hidden data contain "canary"; its content holds this word, which no
    /// response may show (error messages may repeat an id the request itself named).
    static let marker = "zebrafinch"

    static let laboratory = "http://terminology.hl7.org/CodeSystem/observation-category|laboratory"

    static func observation(_ id: String, patient: String, category: String = "laboratory", code: String = "2339-0") -> String {
        let note = patient == "p2-canary" ? #", "note": [{"text": "zebrafinch"}]"# : ""
        return """
        {"resourceType": "Observation", "id": "\(id)", "status": "final",
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "\(category)"}]}],
         "code": {"coding": [{"system": "http://loinc.org", "code": "\(code)"}]},
         "subject": {"reference": "Patient/\(patient)"}, "valueQuantity": {"value": 95, "unit": "mg/dL"}\(note)}
        """
    }

    /// Two patients with Observations, a Practitioner, and a second version of each Observation.
    static func seed(_ server: TestServer) async throws {
        try await server.put(json: #"{"resourceType": "Practitioner", "id": "gp", "name": [{"family": "Shared"}]}"#,
                             #"{"resourceType": "Patient", "id": "p1", "name": [{"family": "Visible"}]}"#,
                             #"{"resourceType": "Patient", "id": "p2-canary", "name": [{"family": "Zebrafinch"}]}"#,
                             observation("obs-p1", patient: "p1"),
                             observation("obs-p1-vital", patient: "p1", category: "vital-signs", code: "8867-4"),
                             observation("obs-p2-canary", patient: "p2-canary"))
        for id in ["obs-p1", "obs-p2-canary"] {
            let patient = id == "obs-p1" ? "p1" : "p2-canary"
            let second = try await server.client.put("Observation/\(id)", json: resourceJSON(observation(id, patient: patient)))
            try #require(second.status == 200)
        }
    }

    /// A request that must answer `status` and must not show the hidden data.
    @discardableResult
    static func expect(_ server: TestServer, _ response: KilnResponse, _ status: Int, _ what: String) -> KilnResponse {
        #expect(response.status == status, "\(what): \(response.status) \(response.text)")
        #expect(!response.text.lowercased().contains(marker), "\(what) shows the hidden patient's data: \(response.text)")
        return response
    }

    @Test("A compartment filter hides other patients' resources from read, vread and history, and refuses writes into their compartments")
    func compartment() async throws {
        let access = SwitchableAccess()
        try await TestServer.run(access: access) { (server: TestServer) async throws in
            try await Self.seed(server)
            access.set(.patientCompartment(patientIDs: ["p1"]))
            let client = server.client

            // Reads: the other patient's resources are absent; own and non-compartment ones are there.
            Self.expect(server, try await client.get("Observation/obs-p2-canary"), 404, "read of another patient's Observation")
            Self.expect(server, try await client.get("Patient/p2-canary"), 404, "read of another Patient")
            Self.expect(server, try await client.get("Observation/obs-p1"), 200, "read of an own Observation")
            Self.expect(server, try await client.get("Practitioner/gp"), 200, "read of a Practitioner")
            Self.expect(server, try await client.get("Observation/obs-p2-canary/_history/1"), 404, "vread of another patient's Observation")
            Self.expect(server, try await client.get("Observation/obs-p1/_history/1"), 200, "vread of an own Observation")

            // History: instance, type and system.
            Self.expect(server, try await client.get("Observation/obs-p2-canary/_history"), 404, "instance history of another patient's Observation")
            let typeHistory = Self.expect(server, try await client.get("Observation/_history?_total=accurate"), 200, "type history")
            #expect(typeHistory.resource.total == 3)
            #expect(!typeHistory.text.contains("canary"))
            let systemHistory = Self.expect(server, try await client.get("_history?_total=accurate"), 200, "system history")
            // gp, p1, obs-p1 (2 versions), obs-p1-vital, and Kiln's Provenance of p1's create (in
            // p1's compartment; those of the other writes are in none).
            #expect(systemHistory.resource.total == 6)
            #expect(!systemHistory.text.contains("canary"))

            // Writes into the other patient's compartment are refused and store nothing.
            Self.expect(server, try await client.post("Observation", json: resourceJSON(Self.observation("x", patient: "p2-canary"))), 403, "create for another patient")
            Self.expect(server, try await client.put("Observation/new-canary", json: resourceJSON(Self.observation("new-canary", patient: "p2-canary"))), 403, "create-on-update for another patient")
            Self.expect(server, try await client.put("Observation/obs-p1", json: resourceJSON(Self.observation("obs-p1", patient: "p2-canary"))), 403, "moving an own Observation to another patient")
            Self.expect(server, try await client.put("Observation/obs-p2-canary", json: resourceJSON(Self.observation("obs-p2-canary", patient: "p1"))), 404, "update of another patient's Observation")
            Self.expect(server, try await client.patch("Observation/obs-p2-canary", jsonPatch: resourceJSON(#"[{"op": "replace", "path": "/status", "value": "amended"}]"#)), 404, "patch of another patient's Observation")
            let delete = try await client.delete("Observation/obs-p2-canary")
            #expect((200...204).contains(delete.status), "delete of another patient's Observation: \(delete.status)")
            let transaction = resourceJSON("""
                {"resourceType": "Bundle", "type": "transaction", "entry": [
                  {"fullUrl": "urn:uuid:0f5b2bb8-7d47-4c2c-9b0e-000000000001", "resource": \(Self.observation("t1", patient: "p1")), "request": {"method": "POST", "url": "Observation"}},
                  {"fullUrl": "urn:uuid:0f5b2bb8-7d47-4c2c-9b0e-000000000002", "resource": \(Self.observation("t2", patient: "p2-canary")), "request": {"method": "POST", "url": "Observation"}}
                ]}
                """)
            Self.expect(server, try await client.post("", json: transaction), 403, "transaction with an entry for another patient")

            // Own writes work.
            Self.expect(server, try await client.post("Observation", json: resourceJSON(Self.observation("x", patient: "p1"))), 201, "create for the own patient")

            // Nothing of the refused writes was stored, and the hidden Observation is untouched.
            access.set(.unrestricted)
            let hidden = try await client.get("Observation/obs-p2-canary")
            #expect(hidden.status == 200)
            #expect(hidden.resource["meta"]?["versionId"] == "2")
            #expect(try await client.get("Observation/new-canary").status == 404)
            let own = try await client.get("Observation/obs-p1")
            #expect(own.resource["meta"]?["versionId"] == "2")
            #expect(own.resource["subject"]?["reference"] == "Patient/p1")
            // Only the own create of this test was added: obs-p1, obs-p1-vital, obs-p2-canary and it.
            #expect(try await server.searchset("Observation?_total=accurate").total == 4)
        }
    }

    @Test("A granular restriction (Observation category=laboratory) applies to search, reads, history, _has, _revinclude and writes")
    func granular() async throws {
        let access = SwitchableAccess()
        try await TestServer.run(access: access) { (server: TestServer) async throws in
            try await Self.seed(server)
            let restriction = AccessRestriction(["Observation": [[AccessParameter(name: "category", value: Self.laboratory)]]])
            access.set(AccessFilter(restriction: restriction))
            let client = server.client

            #expect(try await server.matches("Observation") == ["Observation/obs-p1", "Observation/obs-p2-canary"])
            #expect(try await client.get("Observation/obs-p1-vital").status == 404)
            #expect(try await client.get("Observation/obs-p1-vital/_history/1").status == 404)
            #expect(try await client.get("Observation/obs-p1").status == 200)
            #expect(try await server.matches("Patient?_has:Observation:patient:code=8867-4") == [])
            #expect(try await server.matches("Patient?_has:Observation:patient:code=2339-0") == ["Patient/p1", "Patient/p2-canary"])
            let revinclude = try await server.searchset("Patient?_id=p1&_revinclude=Observation:patient")
            #expect(revinclude.includeIDs == ["Observation/obs-p1"] as Set)
            let history = try await client.get("Observation/_history?_total=accurate")
            #expect(history.resource.total == 4)
            #expect(!history.text.contains("obs-p1-vital"))
            // A vital-signs Observation is outside what the token may write.
            #expect(try await client.post("Observation", json: resourceJSON(Self.observation("v", patient: "p1", category: "vital-signs"))).status == 403)
            #expect(try await client.post("Observation", json: resourceJSON(Self.observation("l", patient: "p1"))).status == 201)

            // Two alternatives are a union; a restriction that is not a valid search matches nothing.
            let union = AccessRestriction(["Observation": [[AccessParameter(name: "category", value: Self.laboratory)], [AccessParameter(name: "code", value: "8867-4")]]])
            access.set(AccessFilter(restriction: union))
            #expect(try await server.matches("Observation?patient=p1").count == 3)
            access.set(AccessFilter(restriction: AccessRestriction(["Observation": [[AccessParameter(name: "no-such-parameter", value: "x")]]])))
            #expect(try await server.matches("Observation") == [])
            #expect(try await client.get("Observation/obs-p1").status == 404)
        }
    }
}
