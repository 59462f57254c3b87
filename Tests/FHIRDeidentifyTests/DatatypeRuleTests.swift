import FHIRDeidentify
import FHIRModel
import Testing

/// The datatype rules of Safe Harbor, one test per datatype, wherever the datatype appears.
@Suite("Datatype rules")
struct DatatypeRuleTests {
    typealias F = DeidentifyFixtures

    static let heartRate = #""code": {"coding": [{"system": "http://loinc.org", "code": "8867-4", "display": "my pulse"}], "text": "pulse taken by Dr Adams"}"#

    @Test("HumanName: removed wherever it is, a Patient's or inside a backbone element")
    func humanName() throws {
        let output = try F.deidentify(#"{"resourceType": "Patient", "id": "p1", "name": [{"text": "Peter Chalmers"}], "contact": [{"name": {"text": "Rose"}}]}"#)
        #expect(output.json["name"] == nil && output.json["contact"] == nil)
    }

    @Test("Address: state, country and ZIP3; nothing left is no address")
    func address() throws {
        let output = try F.deidentify(#"{"resourceType": "Patient", "id": "p1", "address": [{"line": ["1 Main St"], "city": "Boston"}, {"state": "CA", "postalCode": "94110"}]}"#)
        #expect(output.json["address"] == [["state": "CA", "postalCode": "941"]])
    }

    @Test("Identifier: removed in every element of that type")
    func identifier() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Encounter", "id": "e1", "status": "finished", "identifier": [{"value": "V-1"}],
             "hospitalization": {"preAdmissionIdentifier": {"value": "PA-2"}, "admitSource": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/admit-source", "code": "emd"}]}}}
            """#)
        #expect(output.json["identifier"] == nil)
        #expect(output.json["hospitalization"] == ["admitSource": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/admit-source", "code": "emd"]]]])
    }

    @Test("Reference: a relative reference gets the target's pseudonym; display and identifier go; type stays")
    func reference() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Observation", "id": "o1", "status": "final", \#(Self.heartRate),
             "subject": {"reference": "Patient/p1", "type": "Patient", "display": "Peter Chalmers", "identifier": {"value": "12345"}},
             "performer": [{"reference": "Practitioner/dr-adams/_history/3"}]}
            """#)
        let patient = try F.pseudonym("Patient", "p1")
        let practitioner = try F.pseudonym("Practitioner", "dr-adams")
        #expect(output.json["subject"] == ["reference": .string("Patient/" + patient), "type": "Patient"])
        #expect(output.json["performer"] == [["reference": .string("Practitioner/" + practitioner)]])
        #expect(output.labels.contains(.pseudonymized))
    }

    @Test("Reference: absolute, contained, urn:uuid and identifier-only references are dropped")
    func unpseudonymizableReferences() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Observation", "id": "o1", "status": "final", \#(Self.heartRate),
             "subject": {"reference": "https://other.example.org/fhir/Patient/p1"},
             "performer": [{"reference": "#dr"}, {"reference": "urn:uuid:1b3e1a3c-2d4f-4b8e-9f1a-0c2d3e4f5a6b"}, {"identifier": {"value": "x"}}],
             "specimen": {"reference": "NotAType/1"}}
            """#)
        #expect(output.json["subject"] == nil && output.json["performer"] == nil && output.json["specimen"] == nil)
    }

    @Test("Reference: a target without a pseudonym is dropped")
    func referenceWithoutPseudonym() throws {
        let engine = try F.engine(unknownIDs: ["elsewhere"])
        let output = try engine.deidentify(try F.json(#"""
            {"resourceType": "Observation", "id": "o1", "status": "final", \#(Self.heartRate), "subject": {"reference": "Patient/elsewhere"}}
            """#), context: DeidentificationContext(referenceDate: F.now))
        #expect(output.json["subject"] == nil)
    }

    @Test("date: the year only")
    func date() throws {
        let output = try F.deidentify(#"{"resourceType": "Patient", "id": "p1", "birthDate": "2001-07"}"#)
        #expect(output.json["birthDate"] == "2001")
    }

    @Test("dateTime: the year only, whatever its precision and zone")
    func dateTime() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Observation", "id": "o1", "status": "final", \#(Self.heartRate), "effectiveDateTime": "2012-12-31T23:30:00-05:00",
             "valueDateTime": "2013"}
            """#)
        #expect(output.json["effectiveDateTime"] == "2012")
        #expect(output.json["valueDateTime"] == "2013")
    }

    @Test("instant: the first instant of its year, meta.lastUpdated included")
    func instant() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Observation", "id": "o1", "meta": {"lastUpdated": "2014-03-10T11:12:13.456Z", "versionId": "7"}, "status": "final",
             \#(Self.heartRate), "issued": "2014-03-10T11:12:13Z"}
            """#)
        #expect(output.json["meta"]?["lastUpdated"] == "2014-01-01T00:00:00Z")
        #expect(output.json["meta"]?["versionId"] == nil)
        #expect(output.json["issued"] == "2014-01-01T00:00:00Z")
    }

    @Test("Period: each bound keeps its year")
    func period() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Encounter", "id": "e1", "status": "finished", "period": {"start": "2015-01-17T16:00:00+10:00", "end": "2015-01-20"}}
            """#)
        #expect(output.json["period"] == ["start": "2015", "end": "2015"])
    }

    @Test("Annotation: notes are removed")
    func annotation() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p1"}, "note": [{"authorString": "Dr Adams", "text": "lives with his sister in Springfield"}]}
            """#)
        #expect(output.json["note"] == nil)
        #expect(!F.contains(output.json, "Springfield"))
    }

    @Test("Attachment: removed, with its data and URL")
    func attachment() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "DiagnosticReport", "id": "r1", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "58410-2"}]},
             "presentedForm": [{"contentType": "application/pdf", "url": "http://reports.example.org/r1.pdf"}]}
            """#)
        #expect(output.json["presentedForm"] == nil)
    }

    @Test("Extension: a listed extension passes with its coded values; its free text goes")
    func allowedExtension() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Patient", "id": "p1", "extension": [{"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race", "extension": [
              {"url": "ombCategory", "valueCoding": {"system": "urn:oid:2.16.840.1.113883.6.238", "code": "2106-3", "display": "White"}},
              {"url": "text", "valueString": "White, of the Chalmers family"}]}]}
            """#)
        #expect(output.json["extension"] == [["url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race", "extension": [
            ["url": "ombCategory", "valueCoding": ["system": "urn:oid:2.16.840.1.113883.6.238", "code": "2106-3"]]]]])
    }

    @Test("Extension: an extension not listed is removed, on the resource and inside datatypes")
    func unknownExtension() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Patient", "id": "p1", "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName", "valueString": "Smith"}],
             "maritalStatus": {"extension": [{"url": "http://example.org/x", "valueString": "secret"}], "coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", "code": "M"}]},
             "_birthDate": {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/patient-birthTime", "valueDateTime": "1974-12-25T14:35:45-05:00"}]}}
            """#)
        #expect(output.json["extension"] == nil && output.json["_birthDate"] == nil)
        #expect(output.json["maritalStatus"] == ["coding": [["system": "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", "code": "M"]]])
    }

    @Test("Extension: a modifier extension not listed refuses the resource")
    func unknownModifierExtension() throws {
        #expect(throws: DeidentificationRefusal.unknownModifierExtension(url: "http://example.org/not-really")) {
            try F.deidentify(#"{"resourceType": "Patient", "id": "p1", "modifierExtension": [{"url": "http://example.org/not-really", "valueBoolean": true}]}"#)
        }
    }

    @Test("ContactPoint: removed wherever it is")
    func contactPoint() throws {
        let output = try F.deidentify(#"{"resourceType": "Patient", "id": "p1", "telecom": [{"system": "phone", "value": "555"}], "contact": [{"telecom": [{"value": "556"}]}]}"#)
        #expect(output.json["telecom"] == nil && output.json["contact"] == nil)
    }

    @Test("CodeableConcept: codings kept, text removed")
    func codeableConcept() throws {
        let output = try F.deidentify(#"{"resourceType": "Observation", "id": "o1", "status": "final", \#(Self.heartRate)}"#)
        #expect(output.json["code"] == ["coding": [["system": "http://loinc.org", "code": "8867-4"]]])
    }

    @Test("Coding: the display is the terminology's when it knows the code, else removed")
    func coding() throws {
        let displays = DisplayTable(["http://loinc.org|8867-4": "Heart rate"])
        let output = try F.deidentify(#"""
            {"resourceType": "Observation", "id": "o1", "status": "final", \#(Self.heartRate),
             "category": [{"coding": [{"system": "http://example.org/local", "code": "x1", "display": "ward 4 of St Mary's", "userSelected": true}]}]}
            """#, displays: displays)
        #expect(output.json["code"] == ["coding": [["system": "http://loinc.org", "code": "8867-4", "display": "Heart rate"]]])
        #expect(output.json["category"] == [["coding": [["system": "http://example.org/local", "code": "x1", "userSelected": true]]]])
    }

    @Test("Narrative: the text is removed")
    func narrative() throws {
        let output = try F.deidentify(#"{"resourceType": "Patient", "id": "p1", "text": {"status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">Peter Chalmers</div>"}}"#)
        #expect(output.json["text"] == nil)
    }

    @Test("Contained resources are removed, and references to them")
    func contained() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Observation", "id": "o1", "status": "final", \#(Self.heartRate), "contained": [{"resourceType": "Practitioner", "id": "dr", "name": [{"family": "Adams"}]}],
             "performer": [{"reference": "#dr"}]}
            """#)
        #expect(output.json["contained"] == nil && output.json["performer"] == nil)
    }

    @Test("Quantity: value, comparator, unit, system and code kept")
    func quantity() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Observation", "id": "o1", "status": "final", \#(Self.heartRate),
             "valueQuantity": {"value": 44.50, "unit": "beats/minute", "system": "http://unitsofmeasure.org", "code": "/min", "id": "q1"}}
            """#)
        #expect(output.json["valueQuantity"]?["value"]?.numberValue?.text == "44.50")
        #expect(output.json["valueQuantity"] == ["value": .number(JSONNumber("44.50") ?? JSONNumber(0)), "unit": "beats/minute", "system": "http://unitsofmeasure.org", "code": "/min"])
    }

    @Test("Elements no rule names are dropped: unknown members, choice stems without a type")
    func unknownElements() throws {
        let output = try F.deidentify(#"{"resourceType": "Patient", "id": "p1", "nickname": "Pete", "deceased": true, "gender": "male"}"#)
        #expect(output.json["nickname"] == nil && output.json["deceased"] == nil)
        #expect(output.json["gender"] == "male")
    }
}
