import FHIRDefinitions
import FHIRDeidentify
import FHIRModel
import Foundation
import Testing

/// The rules files: what the shipped profiles hold, what a file may not say, the types served,
/// the labels written, and the expert-determination date shift.
@Suite("Profiles")
struct ProfileTests {
    typealias F = DeidentifyFixtures

    static let servedTypes = ["AllergyIntolerance", "Condition", "DiagnosticReport", "Encounter", "Immunization", "MedicationRequest",
                              "Observation", "Patient", "Procedure", "Specimen"]

    @Test("The shipped profiles load, each named after its file, and serve the ten types")
    func shippedProfiles() throws {
        for name in DeidentificationRulesLoader.shippedProfileNames {
            let rules = try F.rules(name)
            #expect(rules.name == name)
            #expect(rules.version == "1.0.0")
            #expect(rules.resourceTypes == Self.servedTypes)
            #expect(rules.problems().isEmpty)
        }
        #expect(try F.rules("safe-harbor").maximumAge == 89)
        #expect(try F.rules("limited-data-set").maximumAge == nil)
        #expect(try F.rules("expert-determination").dateShiftDays == 365)
    }

    @Test("Expert determination extends Safe Harbor: its date rules replace the base's, the rest inherited")
    func expertDeterminationExtendsSafeHarbor() throws {
        let rules = try F.rules("expert-determination")
        let base = try F.rules("safe-harbor")
        #expect(rules.rules.count == base.rules.count)
        #expect(rules.rules.first { $0.selector == .datatype("dateTime") }?.method == .dateShift)
        #expect(rules.rules.first { $0.selector == .datatype("HumanName") }?.method == .drop)
    }

    @Test("A type the profile does not list is not served")
    func typeNotServed() throws {
        #expect(throws: DeidentificationRefusal.typeNotServed("Goal")) {
            try F.deidentify(#"{"resourceType": "Goal", "id": "g1"}"#)
        }
    }

    @Test("Consent, Provenance, AuditEvent, Practitioner, Organization, Location and Device are never served",
          arguments: ["Consent", "Provenance", "AuditEvent", "Practitioner", "Organization", "Location", "Device"])
    func neverServed(type: String) throws {
        #expect(throws: DeidentificationRefusal.neverServed(type)) {
            try F.deidentify(#"{"resourceType": "\#(type)", "id": "x"}"#)
        }
    }

    @Test("A value without a resourceType is not a resource")
    func notAResource() throws {
        #expect(throws: DeidentificationRefusal.notAResource) { try F.deidentify(#"{"id": "x"}"#) }
    }

    static func document(_ extra: String) -> String {
        #"{"format": "kiln-deidentification-rules", "formatVersion": 1, "name": "site", "version": "2", \#(extra)}"#
    }

    static func decode(_ text: String) throws -> DeidentificationRules {
        try DeidentificationRulesLoader().decode(Data(text.utf8))
    }

    @Test("A rules file may not serve a never-served type")
    func neverServedTypeRejected() {
        #expect(throws: DeidentificationRulesError.self) { try Self.decode(Self.document(#""resourceTypes": ["Patient", "Consent"]"#)) }
    }

    @Test("A rules file may not name an unknown method, member or query")
    func unknownRuleRejected() {
        #expect(throws: DeidentificationRulesError.self) { try Self.decode(Self.document(#""rules": [{"path": "Patient.gender", "method": "hash"}]"#)) }
        #expect(throws: DeidentificationRulesError.self) { try Self.decode(Self.document(#""rules": [{"path": "Patient.gender", "method": "keep", "when": "x"}]"#)) }
        #expect(throws: DeidentificationRulesError.self) { try Self.decode(Self.document(#""rules": [{"path": "Patient.name.where(use = 'official')", "method": "keep"}]"#)) }
        #expect(throws: DeidentificationRulesError.self) { try Self.decode(Self.document(#""rules": [{"path": "Patient.gender", "method": "pseudonymize"}]"#)) }
        #expect(throws: DeidentificationRulesError.self) { try Self.decode(Self.document(#""rules": [{"datatype": "date", "method": "date-shift"}]"#)) }
        #expect(throws: DeidentificationRulesError.self) { try Self.decode(Self.document(#""colour": "blue""#)) }
        #expect(throws: DeidentificationRulesError.self) { try Self.decode(#"{"format": "other", "formatVersion": 1, "name": "x", "version": "1"}"#) }
    }

    @Test("Paths: [x] and ofType(Type) are written in the simplified form")
    func pathsNormalized() throws {
        #expect(RulePath.normalize("Observation.value.ofType(Quantity)") == "Observation.valueQuantity")
        #expect(RulePath.normalize("Observation.component.value.ofType(FHIR.CodeableConcept)") == "Observation.component.valueCodeableConcept")
        #expect(RulePath.normalize("Observation.value[x]") == "Observation.value")
        #expect(RulePath.normalize("Patient") == nil)
        let rules = try Self.decode(Self.document(#""rules": [{"path": "Observation.effective.ofType(dateTime)", "method": "keep"}]"#))
        #expect(rules.rules == [DeidentificationRule(.path("Observation.effectiveDateTime"), .keep)])
    }

    @Test("Labels: meta.security says what was done, after the labels the resource had")
    func securityLabels() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Patient", "id": "p1", "meta": {"security": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "HTEST"}]},
             "name": [{"family": "Chalmers"}], "birthDate": "1974-12-25"}
            """#)
        #expect(output.labels == [.aggregated, .pseudonymized, .redacted])
        let codes = (output.json["meta"]?["security"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
        #expect(codes == ["HTEST", "AGGRED", "PSEUDED", "REDACTED"])
        #expect(output.json["meta"]?["security"]?.arrayValue?.last?["system"] == "http://terminology.hl7.org/CodeSystem/v3-ObservationValue")
        #expect(output.json.objectValue?.keys.prefix(3) == ["resourceType", "id", "meta"])
        #expect(output.profile == "safe-harbor 1.0.0")
    }

    @Test("Expert determination: every date of a patient moves by the patient's offset")
    func expertDeterminationShiftsDates() throws {
        let text = #"""
            {"resourceType": "Encounter", "id": "e1", "status": "finished", "meta": {"lastUpdated": "2015-01-20T10:00:00Z"},
             "period": {"start": "2015-01-17T16:00:00+10:00", "end": "2015-01-20"}, "subject": {"reference": "Patient/p1"}}
            """#
        let output = try F.deidentify(text, profile: "expert-determination", dateShiftDays: -20)
        #expect(output.json["period"] == ["start": "2014-12-28T16:00:00+10:00", "end": "2014-12-31"])
        #expect(output.json["meta"]?["lastUpdated"] == "2014-12-31T10:00:00Z")
        let patient = try F.deidentify(#"{"resourceType": "Patient", "id": "p1", "birthDate": "1974-03"}"#, profile: "expert-determination", dateShiftDays: 40)
        #expect(patient.json["birthDate"] == "1974-04")
    }

    @Test("Expert determination: without the patient's offset the dates are removed; ages over 89 still are")
    func expertDeterminationWithoutOffset() throws {
        let output = try F.deidentify(#"{"resourceType": "Patient", "id": "p1", "birthDate": "1974-12-25"}"#, profile: "expert-determination")
        #expect(output.json["birthDate"] == nil)
        let old = try F.deidentify(#"{"resourceType": "Patient", "id": "p1", "birthDate": "1930-12-25"}"#, profile: "expert-determination", dateShiftDays: 3)
        #expect(old.json["birthDate"] == nil)
    }

    @Test("A site's rules: an age band becomes a Range where the element may be one; substitute puts a fixed value")
    func siteRules() throws {
        let base = try F.rules()
        let rules = try DeidentificationRulesLoader().decode(Data(#"""
            {"format": "kiln-deidentification-rules", "formatVersion": 1, "name": "site", "version": "1", "extends": "safe-harbor",
             "rules": [{"datatype": "Age", "method": "generalize", "to": "age", "bandWidth": 10},
                       {"path": "Condition.onsetString", "method": "substitute", "value": "withheld"}]}
            """#.utf8), base: base)
        let engine = DeidentificationEngine(rules: rules, types: try DefinitionsCatalog.loadDefault().typeModel, pseudonymizer: try F.pseudonymizer())
        let context = DeidentificationContext(referenceDate: F.now)
        let banded = try engine.deidentify(try F.json(#"{"resourceType": "Condition", "id": "c1", "onsetAge": {"value": 47, "code": "a"}}"#), context: context)
        #expect(banded.json["onsetAge"] == nil)
        #expect(banded.json["onsetRange"]?["low"]?["value"] == 40 && banded.json["onsetRange"]?["high"]?["value"] == 49)
        let substituted = try engine.deidentify(try F.json(#"{"resourceType": "Condition", "id": "c1", "onsetString": "after the crash on I-95"}"#), context: context)
        #expect(substituted.json["onsetString"] == "withheld")
    }
}
