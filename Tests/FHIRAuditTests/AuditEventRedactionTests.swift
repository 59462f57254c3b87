import FHIRAudit
import FHIRModel
import Foundation
import Testing

/// A patient's view of the records about them, for their accounting of disclosures.
@Suite("Audit event redaction for a patient")
struct AuditEventRedactionTests {
    typealias F = AuditEventFixtures
    let builder = AuditEventBuilder()

    private func searchOfTwoPatients() -> JSONValue {
        var facts = F.facts(.search(query: F.searchRequest), entities: ["Observation/1", "Observation/2"], patients: ["Patient/p1", "Patient/p2"], consent: .filtered)
        facts.outcomeDescription = "internal: 1 row filtered"
        return builder.auditEvent(for: facts)
    }

    @Test("The patient sees who, when, what and why, and only their own patient entity")
    func keeps() throws {
        let redacted = try #require(AuditEventRedaction.forPatient(searchOfTwoPatients(), patientID: "p1"))
        #expect(redacted["resourceType"] == "AuditEvent")
        #expect(redacted["recorded"] == "2024-05-01T10:00:00.123Z")
        #expect(redacted["type"]?["code"] == "rest" && redacted["subtype"]?.arrayValue?.first?["code"] == "search-type")
        #expect(redacted["action"] == "E" && redacted["outcome"] == "0")
        #expect(redacted["purposeOfEvent"]?.arrayValue?.first?["coding"]?.arrayValue?.first?["code"] == "TREAT")
        let entities = try #require(redacted["entity"]?.arrayValue)
        #expect(entities.count == 1 && entities.first?["what"]?["reference"] == "Patient/p1")
        let agents = try #require(redacted["agent"]?.arrayValue)
        let client = try #require(agents.first)
        #expect(client["who"]?["identifier"]?["value"] == "growth-chart" && client["who"]?["display"] == "Growth Chart")
        let user = try #require(agents.first { $0["requestor"] == true })
        #expect(user["who"]?["reference"] == "Practitioner/dr-1")
        #expect(user["role"]?.arrayValue?.first?["text"] == "clinician")
        #expect(agents.contains { $0["who"]?["reference"] == "Organization/clinic-1" })
    }

    @Test("Other patients, the query, network addresses, token ids and internal details are removed")
    func removes() throws {
        let redacted = try #require(AuditEventRedaction.forPatient(searchOfTwoPatients(), patientID: "Patient/p1"))
        let text = redacted.jsonString
        for removed in ["Patient/p2", "Observation/1", Data(F.searchRequest).base64EncodedString(), "203.0.113.7", "network", "policy", "jti",
                        "UserOauthAgent", "u-4711", "req-51e2", "audit-detail", "outcomeDesc", "internal", "meta", "profile"] {
            #expect(!text.contains(removed), "\(removed) is still there")
        }
    }

    @Test("A record about another patient has no view for this one")
    func otherPatient() {
        #expect(AuditEventRedaction.forPatient(searchOfTwoPatients(), patientID: "p3") == nil)
        let noPatient = builder.auditEvent(for: F.facts(.read, resourceType: "Organization", entities: ["Organization/o1"]))
        #expect(AuditEventRedaction.forPatient(noPatient, patientID: "p1") == nil)
        #expect(AuditEventRedaction.forPatient(["resourceType": "Patient", "id": "p1"], patientID: "p1") == nil)
    }

    @Test("A patient sees the consent decisions about them without the Consents and the token")
    func consentDecision() throws {
        var facts = F.facts(.read, entities: ["Observation/12"], patients: ["Patient/p1"], consent: .denied, status: 403)
        facts.consentReferences = ["Consent/c1"]
        let decision = try #require(builder.authorizationAuditEvent(for: facts))
        let redacted = try #require(AuditEventRedaction.forPatient(decision, patientID: "p1"))
        #expect(redacted["type"]?["code"] == "110113" && redacted["outcome"] == "4")
        #expect(redacted["entity"]?.arrayValue?.count == 1)
        #expect(!redacted.jsonString.contains("Consent/c1") && !redacted.jsonString.contains("jti"))
    }
}
