import FHIRModel
import FHIRStore
import Foundation
import KilnTesting
import Testing

/// `kiln consent explain` as an operator runs it, beside a running server on the same database.
@Suite("kiln consent explain")
struct ConsentCommandTests {
    @Test("Prints the decision, the deciding Consent and provision, and the default when none applies")
    func explains() async throws {
        let database = try await TestCluster.shared.makeDatabase()
        let url = "postgres://\(database.username)@\(database.host):\(database.port)/\(database.database)"
        let server = try await KilnProcess.start(databaseURL: url)
        let client = KilnClient(baseURL: server.baseURL)
        let patients = [#"{"resourceType": "Patient", "id": "dr"}"#, #"{"resourceType": "Patient", "id": "label"}"#, #"{"resourceType": "Patient", "id": "open"}"#]
        let observations = ConsentEnforcementHTTPTests.observations.filter { $0.contains(#""Patient/label""#) }
        let consents = ConsentEnforcementHTTPTests.consents.filter { $0.contains(#""consent-dr""#) || $0.contains(#""consent-label""#) }
        for text in patients + observations + consents {
            let resource = try resourceJSON(text)
            let put = try await client.put("\(resource["resourceType"]?.stringValue ?? "")/\(resource["id"]?.stringValue ?? "")", json: resource)
            try #require(put.status == 201, "\(put.text)")
        }
        let base = ["consent", "explain", "--database-url", url]

        let denied = try await KilnProcess.run(base + ["--patient", "Patient/dr", "--purpose", "TREAT", "--actor", "Practitioner/dr-b"])
        #expect(denied.status == 0, "\(denied.output)")
        #expect(denied.output.contains("Decision: deny") && denied.output.contains("Consent/consent-dr") && denied.output.contains("provision[0]"), "\(denied.output)")

        let permitted = try await KilnProcess.run(base + ["--patient", "dr", "--purpose", "TREAT", "--actor", "Practitioner/dr-a"])
        #expect(permitted.output.contains("Decision: permit"), "\(permitted.output)")

        let labelled = try await KilnProcess.run(base + ["--patient", "label", "--purpose", "TREAT", "--resource", "Observation/obs-label-x"])
        #expect(labelled.output.contains("Decision: deny"), "\(labelled.output)")
        let plain = try await KilnProcess.run(base + ["--patient", "label", "--purpose", "TREAT", "--resource", "Observation/obs-label"])
        #expect(plain.output.contains("Decision: permit"), "\(plain.output)")

        let research = try await KilnProcess.run(base + ["--patient", "open", "--purpose", "HRESCH"])
        #expect(research.output.contains("Decision: deny") && research.output.contains("default"), "\(research.output)")
        let opened = try await KilnProcess.run(base + ["--patient", "open", "--purpose", "HRESCH", "--consent-default", "HRESCH=permit"])
        #expect(opened.output.contains("Decision: permit"), "\(opened.output)")

        let unknown = try await KilnProcess.run(base + ["--patient", "nobody", "--purpose", "TREAT"])
        #expect(unknown.status != 0 && !unknown.output.contains("Decision"), "\(unknown.output)")
        let badPurpose = try await KilnProcess.run(base + ["--patient", "open", "--purpose", "treat me"])
        #expect(badPurpose.status != 0, "\(badPurpose.output)")
        let badActor = try await KilnProcess.run(base + ["--patient", "open", "--purpose", "TREAT", "--actor", "nobody"])
        #expect(badActor.status != 0, "\(badActor.output)")
        await server.kill(SIGTERM)
        try? await TestCluster.shared.dropDatabase(database)
    }
}
