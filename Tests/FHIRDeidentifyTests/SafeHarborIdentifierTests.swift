import FHIRDeidentify
import FHIRModel
import Testing

/// One test per identifier of HIPAA Safe Harbor (45 CFR 164.514(b)(2)(i)), (A) to (R), each
/// written as the element a client would store it in.
@Suite("Safe Harbor identifiers")
struct SafeHarborIdentifierTests {
    typealias F = DeidentifyFixtures

    @Test("(A) Names: every HumanName is removed, the patient's and a contact's")
    func names() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Patient", "id": "p1", "name": [{"use": "official", "family": "Chalmers", "given": ["Peter", "James"]}],
             "contact": [{"name": {"family": "Chalmers", "given": ["Bénédicte"]}}], "gender": "male"}
            """#)
        #expect(output.json["name"] == nil)
        #expect(output.json["contact"] == nil)
        #expect(!F.contains(output.json, "Chalmers") && !F.contains(output.json, "Peter") && !F.contains(output.json, "Bénédicte"))
        #expect(output.json["gender"] == "male")
    }

    @Test("(B) Geography: an address keeps its state, country and ZIP3 only")
    func geography() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Patient", "id": "p1", "address": [{"use": "home", "line": ["534 Erewhon St"], "city": "PleasantVille",
             "district": "Rainbow", "state": "MA", "postalCode": "02139-4307", "country": "US", "period": {"start": "1974-12-25"}}]}
            """#)
        #expect(output.json["address"] == [["state": "MA", "postalCode": "021", "country": "US"]])
        #expect(output.labels.contains(.aggregated))
    }

    @Test("(C) Dates: the birth date and every other date keep their year only")
    func dates() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Patient", "id": "p1", "birthDate": "1974-12-25", "deceasedDateTime": "2015-02-14T13:42:00+10:00"}
            """#)
        #expect(output.json["birthDate"] == "1974")
        #expect(output.json["deceasedDateTime"] == "2015")
    }

    @Test("(C) Dates: a birth date showing an age over 89 loses its year too")
    func birthDateOverEightyNine() throws {
        let output = try F.deidentify(#"{"resourceType": "Patient", "id": "p1", "birthDate": "1931-02-03", "gender": "female"}"#)
        #expect(output.json["birthDate"] == nil)
        #expect(output.labels.contains(.redacted))
    }

    @Test("(D) Telephone numbers are removed")
    func telephone() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Patient", "id": "p1", "telecom": [{"system": "phone", "value": "(03) 5555 6473", "use": "work"}], "active": true}
            """#)
        #expect(output.json["telecom"] == nil)
        #expect(!F.contains(output.json, "5555"))
    }

    @Test("(E) Fax numbers are removed")
    func fax() throws {
        let output = try F.deidentify(#"{"resourceType": "Patient", "id": "p1", "telecom": [{"system": "fax", "value": "+1 555 0100"}]}"#)
        #expect(!F.contains(output.json, "555 0100"))
    }

    @Test("(F) Email addresses are removed")
    func email() throws {
        let output = try F.deidentify(#"{"resourceType": "Patient", "id": "p1", "telecom": [{"system": "email", "value": "p.chalmers@example.org"}]}"#)
        #expect(!F.contains(output.json, "chalmers"))
    }

    @Test("(G) Social Security numbers are removed")
    func socialSecurityNumber() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Patient", "id": "p1", "identifier": [{"system": "http://hl7.org/fhir/sid/us-ssn", "value": "444-22-2222"}]}
            """#)
        #expect(output.json["identifier"] == nil)
        #expect(!F.contains(output.json, "444-22-2222"))
    }

    @Test("(H) Medical record numbers are removed, in every resource")
    func medicalRecordNumber() throws {
        let mr = #"{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]}, "system": "urn:oid:1.2.36.146.595.217.0.1", "value": "12345"}"#
        let patient = try F.deidentify(#"{"resourceType": "Patient", "id": "p1", "identifier": [\#(mr)]}"#)
        let encounter = try F.deidentify(#"{"resourceType": "Encounter", "id": "e1", "status": "finished", "identifier": [\#(mr)]}"#)
        #expect(!F.contains(patient.json, "12345") && !F.contains(encounter.json, "12345"))
    }

    @Test("(I) Health plan beneficiary numbers are removed")
    func healthPlanNumber() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Patient", "id": "p1", "identifier": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "SB"}]},
             "system": "http://plan.example.org/member", "value": "ZX-99812"}]}
            """#)
        #expect(!F.contains(output.json, "ZX-99812") && !F.contains(output.json, "plan.example.org"))
    }

    @Test("(J) Account numbers are removed; a reference to the Account keeps only its pseudonym")
    func accountNumber() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Encounter", "id": "e1", "status": "finished",
             "account": [{"reference": "Account/ACC-4471", "display": "Account ACC-4471"}],
             "identifier": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "AN"}]}, "value": "ACC-4471"}]}
            """#)
        let account = try F.pseudonym("Account", "ACC-4471")
        #expect(!F.contains(output.json, "ACC-4471"))
        #expect(output.json["account"] == [["reference": .string("Account/" + account)]])
    }

    @Test("(K) Certificate and licence numbers are removed")
    func licenceNumber() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Patient", "id": "p1", "identifier": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "DL"}]},
             "system": "urn:oid:2.16.840.1.113883.4.3.25", "value": "S99985931"}]}
            """#)
        #expect(!F.contains(output.json, "S99985931"))
    }

    @Test("(L) Vehicle identifiers are removed: in an unknown extension, in free text")
    func vehicleIdentifier() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Observation", "id": "o1", "status": "final", "code": {"text": "Vehicle 1HGCM82633A004352"},
             "extension": [{"url": "http://example.org/vehicle-vin", "valueString": "1HGCM82633A004352"}],
             "valueString": "plate 7ABC123"}
            """#)
        #expect(!F.contains(output.json, "1HGCM82633A004352") && !F.contains(output.json, "7ABC123"))
        #expect(output.json["extension"] == nil)
    }

    @Test("(M) Device identifiers and serial numbers are removed; a device reference keeps only its pseudonym")
    func deviceIdentifier() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Procedure", "id": "pr1", "status": "completed", "subject": {"reference": "Patient/p1"},
             "focalDevice": [{"manipulated": {"reference": "Device/d1", "display": "Pacemaker SN 7731-AX",
               "identifier": {"system": "http://hl7.org/fhir/NamingSystem/fda-udi", "value": "(01)00643169007222"}}}]}
            """#)
        let device = try F.pseudonym("Device", "d1")
        #expect(!F.contains(output.json, "7731-AX") && !F.contains(output.json, "00643169007222"))
        #expect(output.json["focalDevice"]?.arrayValue?.first?["manipulated"]?["reference"] == .string("Device/" + device))
    }

    @Test("(N) URLs are removed: telecom URLs, meta.source, implicitRules, profiles")
    func urls() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Patient", "id": "p1", "implicitRules": "http://rules.example.org/chalmers",
             "meta": {"source": "http://ehr.example.org/chalmers", "profile": ["http://example.org/StructureDefinition/p"]},
             "telecom": [{"system": "url", "value": "https://chalmers.example.org"}]}
            """#)
        #expect(!F.contains(output.json, "example.org"))
    }

    @Test("(O) IP addresses are removed: a source address, a display")
    func ipAddress() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Observation", "id": "o1", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]},
             "meta": {"source": "http://10.20.30.40/ehr"}, "device": {"reference": "Device/d1", "display": "monitor at 192.168.7.21"}}
            """#)
        #expect(!F.contains(output.json, "10.20.30.40") && !F.contains(output.json, "192.168.7.21"))
    }

    @Test("(P) Biometric identifiers are removed: attachments, a report's presented form")
    func biometrics() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "DiagnosticReport", "id": "r1", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "24627-2"}]},
             "presentedForm": [{"contentType": "image/png", "data": "aXJpcyBzY2Fu", "title": "iris scan"}]}
            """#)
        #expect(output.json["presentedForm"] == nil)
        #expect(!F.contains(output.json, "aXJpcyBzY2Fu"))
    }

    @Test("(Q) Full-face photographs are removed")
    func photo() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Patient", "id": "p1", "photo": [{"contentType": "image/jpeg", "url": "http://example.org/face.jpg", "data": "/9j/4AAQ"}]}
            """#)
        #expect(output.json["photo"] == nil)
        #expect(!F.contains(output.json, "face.jpg"))
    }

    @Test("(R) Any other unique number is removed: lot numbers, accession numbers, business identifiers, ids")
    func otherUniqueNumbers() throws {
        let immunization = try F.deidentify(#"""
            {"resourceType": "Immunization", "id": "imm-20110512", "status": "completed", "lotNumber": "AAJN11K",
             "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/sid/cvx", "code": "140"}]}, "patient": {"reference": "Patient/p1"},
             "occurrenceDateTime": "2013-01-10"}
            """#)
        let specimen = try F.deidentify(#"""
            {"resourceType": "Specimen", "id": "s1", "accessionIdentifier": {"system": "http://lab.example.org/accession", "value": "X352356"},
             "identifier": [{"value": "23234352356"}], "status": "available"}
            """#)
        #expect(!F.contains(immunization.json, "AAJN11K") && !F.contains(immunization.json, "imm-20110512"))
        #expect(!F.contains(specimen.json, "X352356") && !F.contains(specimen.json, "23234352356"))
        #expect(immunization.json["vaccineCode"] == ["coding": [["system": "http://hl7.org/fhir/sid/cvx", "code": "140"]]])
    }
}
