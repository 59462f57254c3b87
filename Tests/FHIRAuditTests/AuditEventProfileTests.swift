import FHIRAudit
import FHIRDefinitions
import FHIRModel
import Foundation
import KilnFixtures
import Testing

/// Each BALP profile the builder claims: a typical record that claims it, validated by Kiln's
/// validator against the base R4 AuditEvent and the profiles it claims, without errors.
@Suite("BALP profiles of audit records")
struct AuditEventProfileTests {
    typealias F = AuditEventFixtures
    let builder = AuditEventBuilder()

    /// Builds the record of `facts`, checks it claims `profiles` and validates without errors.
    private func expectConforms(_ facts: AuditEventFacts, claims profiles: [BALPProfile], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let event = try F.json(builder.record(for: facts))
        #expect(F.claimed(event) == profiles.map(\.url), sourceLocation: sourceLocation)
        let errors = try AuditValidator.errors(event)
        #expect(errors.isEmpty, "\(errors.map { "\($0.expression): \($0.diagnostics)" })", sourceLocation: sourceLocation)
    }

    @Test("Every BALP profile shipped in fhir-profiles/balp loads and gets its snapshot")
    func shippedProfilesLoad() throws {
        let folder = Fixtures.repositoryURL("fhir-profiles/balp")
        let registry = try StructureDefinitionRegistry.loadDefault(explicitDirectory: Fixtures.repositoryURL("fhir-profiles/r4").path)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("IHE.BasicAudit.") }
        #expect(files.count == 14)
        for file in files {
            let json = try JSONParser().parse(Array(try Data(contentsOf: folder.appendingPathComponent(file))))
            let url = try #require(json["url"]?.stringValue)
            let definition = try #require(registry.definition(url: url), "\(file)")
            #expect(!definition.snapshot.isEmpty && definition.type == "AuditEvent", "\(file)")
        }
        for profile in BALPProfile.allCases { #expect(registry.definition(url: profile.url) != nil, "\(profile)") }
        #expect(registry.problems.isEmpty, "\(registry.problems)")
    }

    @Test("A read of one patient's resource conforms to PatientRead")
    func patientRead() throws {
        try expectConforms(F.facts(.read, entities: ["Observation/12"], patients: ["Patient/p1"]), claims: [.patientRead, .oauthAccessTokenUseMinimal])
    }

    @Test("A vread of a resource no patient owns conforms to Read")
    func read() throws {
        try expectConforms(F.facts(.vread, resourceType: "Organization", entities: ["Organization/o1/_history/2"]), claims: [.read, .oauthAccessTokenUseMinimal])
    }

    @Test("A search of one patient's data conforms to PatientQuery")
    func patientQuery() throws {
        let facts = F.facts(.search(query: F.searchRequest), entities: ["Observation/1", "Observation/2"], patients: ["Patient/p1"])
        try expectConforms(facts, claims: [.patientQuery, .oauthAccessTokenUseMinimal])
    }

    @Test("A search across the system conforms to Query")
    func query() throws {
        try expectConforms(F.facts(.search(query: Array("GET /fhir/?_type=Organization".utf8)), resourceType: nil), claims: [.query, .oauthAccessTokenUseMinimal])
    }

    @Test("A create of one patient's resource conforms to PatientCreate")
    func patientCreate() throws {
        try expectConforms(F.facts(.create, entities: ["Observation/13/_history/1"], patients: ["Patient/p1"], status: 201), claims: [.patientCreate, .oauthAccessTokenUseMinimal])
    }

    @Test("A create of a resource no patient owns conforms to Create")
    func create() throws {
        try expectConforms(F.facts(.create, resourceType: "Organization", entities: ["Organization/o2/_history/1"], status: 201), claims: [.create, .oauthAccessTokenUseMinimal])
    }

    @Test("An update of one patient's resource conforms to PatientUpdate")
    func patientUpdate() throws {
        try expectConforms(F.facts(.update, entities: ["Observation/12/_history/4"], patients: ["Patient/p1"]), claims: [.patientUpdate, .oauthAccessTokenUseMinimal])
    }

    @Test("A patch of a resource no patient owns conforms to Update")
    func update() throws {
        try expectConforms(F.facts(.patch, resourceType: "Organization", entities: ["Organization/o1/_history/3"]), claims: [.update, .oauthAccessTokenUseMinimal])
    }

    @Test("A delete of one patient's resource conforms to PatientDelete")
    func patientDelete() throws {
        try expectConforms(F.facts(.delete, entities: ["Observation/12"], patients: ["Patient/p1"], status: 204), claims: [.patientDelete, .oauthAccessTokenUseMinimal])
    }

    @Test("A delete of a resource no patient owns conforms to Delete")
    func delete() throws {
        try expectConforms(F.facts(.delete, resourceType: "Organization", entities: ["Organization/o2"], status: 204), claims: [.delete, .oauthAccessTokenUseMinimal])
    }

    @Test("A consent denial is recorded as a consent decision that conforms to AuthZconsent")
    func authZConsentDenial() throws {
        var facts = F.facts(.read, entities: ["Observation/12"], patients: ["Patient/p1"], consent: .denied, status: 403)
        facts.consentReferences = ["Consent/c1"]
        let record = try #require(builder.authorizationRecord(for: facts))
        let event = try F.json(record)
        #expect(F.claimed(event) == [BALPProfile.authZConsent.url, BALPProfile.oauthAccessTokenUseMinimal.url])
        #expect(record.outcome == "4")
        let errors = try AuditValidator.errors(event)
        #expect(errors.isEmpty, "\(errors.map { "\($0.expression): \($0.diagnostics)" })")
    }

    @Test("A break-glass override is recorded as a consent decision that conforms to AuthZconsent, beside a PatientRead")
    func authZConsentOverride() throws {
        var caller = F.clinician
        caller.purposeOfUse = "ETREAT"
        let facts = F.facts(.read, entities: ["Observation/12"], patients: ["Patient/p1"], caller: caller, consent: .overridden)
        let records = builder.records(for: facts)
        #expect(records.count == 2)
        for record in records {
            let errors = try AuditValidator.errors(try F.json(record))
            #expect(errors.isEmpty, "\(errors.map { "\($0.expression): \($0.diagnostics)" })")
        }
        #expect(F.claimed(try F.json(records[0])) == [BALPProfile.patientRead.url, BALPProfile.oauthAccessTokenUseMinimal.url])
        #expect(F.claimed(try F.json(records[1])) == [BALPProfile.authZConsent.url, BALPProfile.oauthAccessTokenUseMinimal.url])
        #expect(records[1].outcome == "0")
    }

    @Test("The $consent-decision operation conforms to AuthZconsent")
    func consentDecisionOperation() throws {
        var facts = F.facts(.consentDecision, resourceType: nil, patients: ["Patient/p1"], consent: .permitted)
        facts.consentReferences = ["Consent/c1", "Consent/c2"]
        try expectConforms(facts, claims: [.authZConsent, .oauthAccessTokenUseMinimal])
    }

    @Test("A research-view read of one patient conforms to PrivacyDisclosure.Source")
    func privacyDisclosure() throws {
        var caller = F.clinician
        caller.purposeOfUse = "HRESCH"
        caller.role = "researcher"
        let facts = F.facts(.read, entities: ["Observation/12"], patients: ["Patient/p1"], caller: caller, view: .research(project: "diabetes-2024"))
        try expectConforms(facts, claims: [.privacyDisclosureSource, .oauthAccessTokenUseMinimal])
    }

    @Test("A backend client's token without a user conforms to OAUTHaccessTokenUse.Minimal")
    func oauthMinimal() throws {
        let caller = AuditEventFacts.Caller(clientID: "bulk-exporter", tokenID: "a1b2c3", networkAddress: "2001:db8::7")
        try expectConforms(F.facts(.read, entities: ["Observation/12"], patients: ["Patient/p1"], caller: caller), claims: [.patientRead, .oauthAccessTokenUseMinimal])
    }
}
