import FHIRAudit
import FHIRModel
import Foundation
import Testing

/// What the builder writes into every record: its bytes, its index, its outcome, and nothing
/// of the data.
@Suite("Audit event builder")
struct AuditEventBuilderTests {
    typealias F = AuditEventFixtures
    let builder = AuditEventBuilder()

    @Test("The same facts give byte-identical records")
    func deterministic() throws {
        var facts = F.facts(.search(query: F.searchRequest), entities: ["Observation/1", "Observation/2"], patients: ["Patient/p1", "Patient/p2"], consent: .filtered)
        facts.outcomeDescription = "2 results withheld by consent"
        let first = builder.records(for: facts)
        let second = AuditEventBuilder().records(for: facts)
        #expect(first == second)
        #expect(first[0].canonical == JSONSerializer().serialize(builder.auditEvent(for: facts)))
        var other = facts
        other.id = "0d5c3f9a-5b8e-4c1d-9f3a-2e7b6a1c4d81"
        #expect(builder.record(for: other).canonical != first[0].canonical)
        // The canonical bytes are compact JSON that parses back to the same event.
        let text = String(decoding: first[0].canonical, as: UTF8.self)
        #expect(!text.contains("\n") && text.hasPrefix(#"{"resourceType":"AuditEvent","id":"0d5c3f9a-5b8e-4c1d-9f3a-2e7b6a1c4d80","meta":"#))
        #expect(try F.json(first[0]) == builder.auditEvent(for: facts))
    }

    @Test("The index values come from the facts")
    func indexValues() throws {
        let facts = F.facts(.read, entities: ["Observation/12/_history/3"], patients: ["p1"])
        let record = builder.record(for: facts)
        #expect(record.id == facts.id)
        #expect(record.recorded == facts.recorded)
        #expect(record.typeCode == "rest")
        #expect(record.subtypes == ["read"])
        #expect(record.action == "R")
        #expect(record.outcome == "0")
        #expect(record.patients == ["Patient/p1"])
        #expect(record.agents == ["growth-chart", "u-4711", "Practitioner/dr-1"])
        #expect(record.purposes == ["TREAT"])
        #expect(record.entities == ["Observation/12/_history/3"])
        let search = builder.record(for: F.facts(.search(query: F.searchRequest), resourceType: nil))
        #expect(search.subtypes == ["search-system"] && search.action == "E")
    }

    @Test("No index value holds U+001F")
    func noUnitSeparator() throws {
        let caller = AuditEventFacts.Caller(clientID: "app\u{1F}x", subject: "\u{1F}u", fhirUser: "Practitioner/1\u{1F}", purposeOfUse: "TR\u{1F}EAT")
        let facts = F.facts(.read, entities: ["Observation/1\u{1F}2"], patients: ["Patient/p\u{1F}1"], caller: caller)
        let record = builder.record(for: facts)
        let values = [record.id, record.typeCode, record.outcome] + record.subtypes + record.patients + record.agents + record.purposes + record.entities
        #expect(!values.contains { $0.unicodeScalars.contains("\u{1F}") })
        #expect(record.agents == ["appx", "u", "Practitioner/1"])
        #expect(record.patients == ["Patient/p1"] && record.entities == ["Observation/12"] && record.purposes == ["TREAT"])
    }

    @Test("A refusal is a minor failure and a server error a serious one, claiming no REST profile")
    func outcomes() throws {
        for (status, outcome) in [(200, "0"), (201, "0"), (304, "0"), (401, "4"), (403, "4"), (404, "4"), (500, "8"), (503, "8")] {
            let record = builder.record(for: F.facts(.read, entities: ["Observation/12"], patients: ["Patient/p1"], status: status))
            #expect(record.outcome == outcome, "status \(status)")
            let claimed = F.claimed(try F.json(record))
            #expect(claimed.contains(BALPProfile.patientRead.url) == (outcome == "0"), "status \(status)")
            #expect(try AuditValidator.errors(try F.json(record)).isEmpty, "status \(status)")
        }
        var unauthenticated = F.facts(.read, entities: ["Observation/12"], caller: AuditEventFacts.Caller(networkAddress: "198.51.100.4"), status: 401)
        unauthenticated.outcomeDescription = "The request has no access token"
        let refused = try F.json(builder.record(for: unauthenticated))
        #expect(refused["outcome"] == "4" && refused["outcomeDesc"] == "The request has no access token")
        #expect(F.claimed(refused).isEmpty)
        #expect(try AuditValidator.errors(refused).isEmpty)
        #expect(builder.record(for: F.facts(.login(succeeded: false), resourceType: nil, view: .authorization)).outcome == "4")
    }

    @Test("A search carries the raw request base64 and one patient entity per patient")
    func searchEntities() throws {
        let facts = F.facts(.search(query: F.searchRequest), entities: ["Observation/1", "Observation/2", "Observation/3"],
                            patients: ["Patient/p1", "Patient/p2", "Patient/p3"])
        let event = builder.auditEvent(for: facts)
        let entities = try #require(event["entity"]?.arrayValue)
        let query = entities.filter { $0["role"]?["code"] == "24" }
        #expect(query.count == 1)
        #expect(query.first?["query"]?.stringValue == Data(F.searchRequest).base64EncodedString())
        let patients = entities.filter { $0["type"]?["code"] == "1" && $0["role"]?["code"] == "1" }
        #expect(patients.compactMap { $0["what"]?["reference"]?.stringValue } == ["Patient/p1", "Patient/p2", "Patient/p3"])
        // The results are typed by resource type, so BALP's query slice does not take them.
        #expect(entities.filter { $0["type"]?["code"] == "Observation" }.count == 3)
        // BALP's PatientQuery holds one patient: a search of several claims Query.
        #expect(F.claimed(event) == [BALPProfile.query.url, BALPProfile.oauthAccessTokenUseMinimal.url])
        #expect(try AuditValidator.errors(event).isEmpty)
    }

    @Test("A record holds the token's jti, never more of it, and no resource body")
    func nothingElseOfTheData() throws {
        let event = builder.auditEvent(for: F.facts(.create, entities: ["Observation/13/_history/1"], patients: ["Patient/p1"], status: 201))
        let text = event.jsonString
        #expect(text.contains("urn:ietf:params:oauth:jti:6c1b4e0e-2d1f-4a55-9a61-0c9d7a3e7f10"))
        let entities = try #require(event["entity"]?.arrayValue)
        let allowed: Set<String> = ["what", "type", "role", "query", "detail"]
        #expect(entities.allSatisfy { ($0.objectValue?.keys ?? []).allSatisfy(allowed.contains) })
    }

    @Test("Consent filtering, the view and the research project are details of the request")
    func requestDetails() throws {
        let facts = F.facts(.search(query: F.searchRequest), patients: ["Patient/p1"], view: .research(project: "diabetes-2024"), consent: .filtered)
        let event = builder.auditEvent(for: facts)
        let request = try #require(event["entity"]?.arrayValue?.first { $0["type"]?["code"] == "XrequestId" })
        #expect(request["what"]?["identifier"]?["value"] == "req-51e2")
        let details = (request["detail"]?.arrayValue ?? []).map { ($0["type"]?.stringValue ?? "", $0["valueString"]?.stringValue ?? "") }
        #expect(details.map(\.0) == ["https://kiln.dev/fhir/audit-detail/view", "https://kiln.dev/fhir/audit-detail/research-project", "https://kiln.dev/fhir/audit-detail/consent"])
        #expect(details.map(\.1) == ["research", "diabetes-2024", "filtered"])
        // A research-view release is a disclosure.
        #expect(event["type"]?["code"] == "110106" && event["action"] == "R")
        #expect(event["subtype"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == ["disclose", "search-type"])
        #expect(try AuditValidator.errors(event).isEmpty)
    }

    @Test("A consent denial gives the request's record and a consent decision with a derived id")
    func denialRecords() throws {
        let facts = F.facts(.read, entities: ["Observation/12"], patients: ["Patient/p1"], consent: .denied, status: 403)
        let records = builder.records(for: facts)
        #expect(records.count == 2)
        #expect(records[0].typeCode == "rest" && records[0].outcome == "4")
        #expect(records[1].typeCode == "110113" && records[1].subtypes == ["AuthZ-Consent"] && records[1].outcome == "4")
        let id = AuditEventBuilder.authorizationRecordID(for: facts)
        #expect(records[1].id == id)
        #expect(UUID(uuidString: id) != nil && id == id.lowercased() && id != facts.id)
        // Without a Consent on file, the default policy is the consent entity.
        let decision = try F.json(records[1])
        #expect(decision["entity"]?.arrayValue?.contains { $0["what"]?["display"] == "Kiln default consent policy" } == true)
        #expect(try AuditValidator.errors(decision).isEmpty)
        #expect(builder.records(for: F.facts(.read, entities: ["Observation/12"], consent: .permitted)).count == 1)
    }

    @Test("Authorization, administration and lifecycle events have their DICOM types and conform to AuditEvent")
    func otherEvents() throws {
        let cases: [(AuditEventFacts.Kind, String, [String])] = [
            (.tokenIssued, "110114", ["110122", "ITI-71"]),
            (.tokenRefused, "110114", ["110122", "ITI-71"]),
            (.login(succeeded: true), "110114", ["110122"]),
            (.revocation, "110114", ["110123"]),
            (.introspection, "110114", ["ITI-102"]),
            (.administration(action: "client registered"), "110113", ["110129"]),
            (.applicationStart, "110100", ["110120"]),
            (.applicationStop, "110100", ["110121"]),
            (.transaction, "rest", ["transaction"]),
            (.batch, "rest", ["batch"]),
            (.history, "rest", ["history"]),
            (.capabilities, "rest", ["capabilities"]),
            (.operation("export"), "rest", ["operation"]),
        ]
        for (kind, type, subtypes) in cases {
            let record = builder.record(for: F.facts(kind, resourceType: nil, entities: kind.isREST ? ["Observation/1"] : []))
            #expect(record.typeCode == type && record.subtypes == subtypes, "\(kind)")
            let event = try F.json(record)
            let errors = try AuditValidator.errors(event)
            #expect(errors.isEmpty, "\(kind): \(errors.map(\.diagnostics))")
            if !kind.isREST { #expect(F.claimed(event).allSatisfy { $0 == BALPProfile.oauthAccessTokenUseMinimal.url }, "\(kind)") }
        }
        let administration = builder.auditEvent(for: F.facts(.administration(action: "role changed"), resourceType: nil, view: .administration))
        #expect(administration.jsonString.contains(#""valueString":"role changed""#))
        let issued = builder.auditEvent(for: F.facts(.tokenIssued, resourceType: nil, view: .authorization))
        #expect(F.claimed(issued).isEmpty, "an issued token is the event's object, not its authorization")
        #expect(issued.jsonString.contains("urn:ietf:params:oauth:jti:"))
    }
}
