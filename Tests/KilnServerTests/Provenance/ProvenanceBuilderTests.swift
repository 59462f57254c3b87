import FHIRAccess
import FHIRModel
import FHIRSearch
import FHIRStore
import FHIRValidation
import Foundation
@testable import KilnServer
import Testing

/// The Provenance Kiln writes for a request's writes, built without a database.
@Suite("Provenance builder")
struct ProvenanceBuilderTests {
    static let recorded = Date(timeIntervalSince1970: 1_714_564_800.123)
    static let clinician = Principal(subject: "dr-who", clientID: "chart-app", fhirUser: "Practitioner/12", role: "clinician",
                                     organization: "Organization/st-elsewhere", purposeOfUse: "TREAT", tokenID: "jti-1")
    static let backend = Principal(subject: "lab-feed", clientID: "lab-feed", purposeOfUse: "TREAT")
    static let observation = WrittenVersion(resourceType: "Observation", id: "12", versionID: 3, activity: .update)

    static func build(_ targets: [WrittenVersion], _ principal: Principal = clinician, requestID: String = "req-1") -> JSONObject {
        ProvenanceBuilder.provenance(targets: targets, principal: principal, requestID: requestID, recorded: recorded)
    }

    @Test("The targets are the versioned references written, recorded is the time of the write")
    func targetsAndRecorded() {
        let created = WrittenVersion(resourceType: "Patient", id: "7", versionID: 1, activity: .create)
        let provenance = Self.build([created, Self.observation])
        #expect(provenance["resourceType"] == "Provenance")
        #expect(provenance["target"] == [["reference": "Patient/7/_history/1"], ["reference": "Observation/12/_history/3"]])
        #expect(provenance["recorded"] == "2024-05-01T12:00:00.123Z")
    }

    @Test("A user's agent is the fhirUser as author, on behalf of their Organization")
    func userAgent() {
        let agent = Self.build([Self.observation])["agent"]?.arrayValue?.first
        #expect(agent?["who"] == ["reference": "Practitioner/12"])
        #expect(agent?["type"]?["coding"]?.arrayValue?.first?["code"] == "author")
        #expect(agent?["type"]?["coding"]?.arrayValue?.first?["system"] == "http://terminology.hl7.org/CodeSystem/provenance-participant-type")
        #expect(agent?["onBehalfOf"] == ["reference": "Organization/st-elsewhere"])
    }

    @Test("A user without a FHIR resource is named by username, still as author")
    func userWithoutResource() {
        let steward = Principal(subject: "steward-1", clientID: "console", role: "dataSteward", purposeOfUse: "HOPERAT")
        let agent = Self.build([Self.observation], steward)["agent"]?.arrayValue?.first
        #expect(agent?["who"] == ["identifier": ["system": "urn:kiln:username", "value": "steward-1"]])
        #expect(agent?["type"]?["coding"]?.arrayValue?.first?["code"] == "author")
        #expect(agent?["onBehalfOf"] == nil)
    }

    @Test("A backend client's agent is its client registration, a Device, as performer")
    func backendAgent() {
        let agent = Self.build([Self.observation], Self.backend)["agent"]?.arrayValue?.first
        #expect(agent?["who"] == ["type": "Device", "identifier": ["system": "urn:kiln:client-id", "value": "lab-feed"]])
        #expect(agent?["type"]?["coding"]?.arrayValue?.first?["code"] == "performer")
    }

    @Test("The anonymous caller is only a display, with no agent type")
    func anonymousAgent() {
        let provenance = Self.build([Self.observation], .anonymous)
        let agent = provenance["agent"]?.arrayValue?.first
        #expect(agent?["who"] == ["display": "anonymous"])
        #expect(agent?["type"] == nil)
        #expect(provenance["reason"] == nil, "no purpose of use, no reason")
    }

    @Test("The reason is the purpose of use as a v3-ActReason code")
    func reason() {
        let reason = Self.build([Self.observation])["reason"]?.arrayValue?.first
        #expect(reason == ["coding": [["system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "TREAT"]]])
    }

    @Test("The activity is v3-DataOperation CREATE, UPDATE or DELETE; left out when the targets differ")
    func activity() {
        func code(_ targets: [WrittenVersion]) -> JSONValue? {
            Self.build(targets)["activity"]?["coding"]?.arrayValue?.first?["code"]
        }
        let deleted = WrittenVersion(resourceType: "Observation", id: "9", versionID: 2, activity: .delete)
        #expect(code([Self.observation]) == "UPDATE")
        #expect(code([deleted]) == "DELETE")
        #expect(Self.build([Self.observation])["activity"]?["coding"]?.arrayValue?.first?["system"] == "http://terminology.hl7.org/CodeSystem/v3-DataOperation")
        #expect(Self.build([Self.observation, deleted])["activity"] == nil)
    }

    @Test("A PUT that creates is a CREATE; a PATCH is an UPDATE")
    func activityOfMethods() {
        func activity(_ method: WriteMethod, created: Bool = false) -> ProvenanceActivity {
            let write = ResourceVersionWrite(resourceType: "Observation", id: "1", versionID: 2, lastUpdated: Self.recorded, method: method,
                                             resource: ["resourceType": "Observation"], index: .empty)
            return WrittenVersion(write, created: created).activity
        }
        #expect(activity(.create) == .create)
        #expect(activity(.update, created: true) == .create)
        #expect(activity(.update) == .update)
        #expect(activity(.patch) == .update)
        let tombstone = ResourceVersionWrite(deleting: "Observation", id: "1", versionID: 3, lastUpdated: Self.recorded)
        #expect(WrittenVersion(tombstone) == WrittenVersion(resourceType: "Observation", id: "1", versionID: 3, activity: .delete))
    }

    @Test("The request id travels in the request-id extension; none when there is no id")
    func requestID() {
        let provenance = Self.build([Self.observation], requestID: "abc-123")
        #expect(provenance["extension"] == [["url": "https://kiln.dev/fhir/StructureDefinition/request-id", "valueString": "abc-123"]])
        #expect(RequestIDExtension.requestID(in: provenance["extension"]) == "abc-123")
        #expect(Self.build([Self.observation], requestID: "")["extension"] == nil)
    }

    @Test("A Provenance's own write is not a target, and each version is targeted once")
    func targetsLeaveOutProvenance() {
        let provenance = WrittenVersion(resourceType: "Provenance", id: "p", versionID: 1, activity: .create)
        #expect(ProvenanceBuilder.targets(of: [provenance]).isEmpty)
        #expect(ProvenanceBuilder.targets(of: [Self.observation, provenance, Self.observation]) == [Self.observation])
    }

    @Test("What the builder makes validates against R4 and the request-id extension", arguments: [clinician, backend, .anonymous])
    func validates(principal: Principal) throws {
        let validation = try ValidationServices.loadDefault()
        let provenance = Self.build([Self.observation, WrittenVersion(resourceType: "Patient", id: "7", versionID: 1, activity: .create)], principal, requestID: "9f1c:req_1.a")
        let outcome = validation.validate(.object(provenance))
        // dom-6 (a resource should have narrative) is a best-practice warning; Kiln writes no narrative for a record.
        let problems = outcome.issues.filter { ($0.severity == .error || $0.severity == .warning) && !$0.diagnostics.contains("dom-6") }
        #expect(problems.isEmpty, "\(outcome.issues)")
    }

    @Test("A request id outside the extension's characters is invalid")
    func requestIDExtensionIsValidated() throws {
        let validation = try ValidationServices.loadDefault()
        let provenance = Self.build([Self.observation], requestID: "has spaces")
        let outcome = validation.validate(.object(provenance))
        #expect(outcome.issues.contains { $0.severity == .error && $0.diagnostics.contains("kiln-rid-1") }, "\(outcome.issues)")
    }
}
