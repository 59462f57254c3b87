import FHIRModel
import Foundation
import KilnTesting
import Testing

/// A Consent written at one node decides at another on the very next request: the decision is
/// made inside each statement from rows written with the Consent in its transaction, so no node
/// holds anything to expire. Two `kiln serve --auth on` processes on one database.
@Suite("Consent across two nodes", .serialized)
struct ConsentAcrossNodesTests {
    static let optOut = ConsentEnforcementHTTPTests.consent("p1", "\(ConsentEnforcementHTTPTests.privacy), \(ConsentEnforcementHTTPTests.optOut)")

    @Test("An opt-out written at node A hides the patient at node B in the next request; revoking it shows them again")
    func optOutReachesOtherNode() async throws {
        try await TwoNodes.run { nodes in
            let client = try await nodes.registerBackendClient("loader", scope: "system/*.cruds")
            let token = try await nodes.token(client, from: nodes.a, scope: "system/*.cruds")
            let headers = ["Authorization": "Bearer \(token)"]
            try await put(nodes.a, #"{"resourceType": "Patient", "id": "p1"}"#, headers)
            try await put(nodes.a, #"{"resourceType": "Patient", "id": "p2"}"#, headers)
            for (id, patient) in [("o1", "p1"), ("o2", "p1"), ("o3", "p2")] {
                try await put(nodes.a, ConsentEnforcementHTTPTests.observation(id, patient: patient), headers)
            }
            func total(_ node: KilnClient) async throws -> Int? {
                let response = try await node.get("Observation?_total=accurate", headers: headers)
                try #require(response.status == 200, "\(response.text)")
                return response.json?["total"]?.numberValue?.intValue
            }
            #expect(try await total(nodes.b) == 3)

            var measured: [Duration] = []
            for trial in 1...3 {
                let consent = try resourceJSON(Self.optOut)
                let written = try await nodes.a.put("Consent/consent-p1", json: consent, headers: headers)
                try #require([200, 201].contains(written.status), "\(written.text)")
                let committed = ContinuousClock.now
                let hiddenTotal = try await total(nodes.b)
                let hiddenRead = try await nodes.b.get("Observation/o1", headers: headers).status
                let elapsed = ContinuousClock.now - committed
                #expect(hiddenTotal == 1, "trial \(trial): node B still counts p1's Observations")
                #expect(hiddenRead == 404, "trial \(trial): node B still reads p1's Observation")
                measured.append(elapsed)
                print("Consent opt-out at node A → node B's next search and read, trial \(trial): \(RevocationAcrossNodesTests.milliseconds(elapsed)) ms for both requests")

                var inactive = consent
                inactive["status"] = "inactive"
                let revoked = try await nodes.a.put("Consent/consent-p1", json: inactive, headers: headers)
                try #require(revoked.status == 200, "\(revoked.text)")
                #expect(try await total(nodes.b) == 3, "trial \(trial): node B still hides p1 after the opt-out was made inactive")
                #expect(try await nodes.b.get("Observation/o1", headers: headers).status == 200)
            }
            print("Consent across nodes: the first request at node B after the commit at node A decided by the new Consent in every trial; at most \(RevocationAcrossNodesTests.milliseconds(measured.max() ?? .zero)) ms for a search and a read")
        }
    }

    private func put(_ node: KilnClient, _ text: String, _ headers: [String: String]) async throws {
        let resource = try resourceJSON(text)
        let response = try await node.put("\(resource["resourceType"]?.stringValue ?? "")/\(resource["id"]?.stringValue ?? "")", json: resource, headers: headers)
        try #require(response.status == 201, "\(response.text)")
    }
}
