import FHIRModel
import KilnTesting
import Testing

@Suite("SearchHTTP: tokens and strings")
struct SearchHTTPTokenStringTests {
    /// Observations whose codes and categories differ in system, code, text and count.
    static let observations = [
        """
        {"resourceType": "Observation", "id": "glu", "status": "final",
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}],
         "code": {"coding": [{"system": "http://loinc.org", "code": "2339-0", "display": "Glucose [Mass/volume] in Blood"}], "text": "Glucose [Mass/volume] in Blood"},
         "subject": {"reference": "Patient/pt"},
         "valueQuantity": {"value": 95, "unit": "mg/dL", "system": "http://unitsofmeasure.org", "code": "mg/dL"}}
        """,
        """
        {"resourceType": "Observation", "id": "hr", "status": "final",
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs"}]}],
         "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4", "display": "Heart rate"}]},
         "subject": {"reference": "Patient/pt"},
         "valueQuantity": {"value": 72, "unit": "/min", "system": "http://unitsofmeasure.org", "code": "/min"}}
        """,
        """
        {"resourceType": "Observation", "id": "both", "status": "final",
         "category": [
           {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]},
           {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "survey"}]}
         ],
         "code": {"coding": [{"system": "http://loinc.org", "code": "718-7", "display": "Hemoglobin [Mass/volume] in Blood"}]},
         "subject": {"reference": "Patient/pt"},
         "valueQuantity": {"value": 13.5, "unit": "g/dL", "system": "http://unitsofmeasure.org", "code": "g/dL"}}
        """,
        """
        {"resourceType": "Observation", "id": "local", "status": "final",
         "category": [{"coding": [{"system": "http://example.org/category", "code": "custom"}]}],
         "code": {"coding": [{"system": "http://example.org/codes", "code": "2339-0", "display": "Glucose (local method)"}]},
         "subject": {"reference": "Patient/pt"},
         "valueString": "normal"}
        """,
        """
        {"resourceType": "Observation", "id": "nosys", "status": "final",
         "category": [{"coding": [{"system": "http://example.org/category", "code": "custom"}]}],
         "code": {"coding": [{"code": "2339-0"}]},
         "subject": {"reference": "Patient/pt"},
         "valueString": "normal"}
        """,
    ]

    @Test("Token: code, system|code, |code, system|, :not, :text, :in, :of-type, :missing, OR and AND")
    func tokens() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            try await server.put(json: """
                {"resourceType": "Patient", "id": "pt", "gender": "female", "birthDate": "1970-01-01",
                 "identifier": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]},
                                 "system": "http://hospital.example.org/mrn", "value": "12345"}]}
                """, """
                {"resourceType": "Patient", "id": "pt2",
                 "identifier": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "DL"}]},
                                 "system": "urn:oid:2.16.840.1.113883.4.3.25", "value": "12345"}]}
                """)
            for text in Self.observations { try await server.put(json: text) }

            // Plain token forms.
            #expect(try await server.matches("Observation?code=2339-0") == ["Observation/glu", "Observation/local", "Observation/nosys"])
            #expect(try await server.matches("Observation?code=http://loinc.org|2339-0") == ["Observation/glu"])
            #expect(try await server.matches("Observation?code=|2339-0") == ["Observation/nosys"])
            #expect(try await server.matches("Observation?code=http://example.org/codes|") == ["Observation/local"])
            #expect(try await server.matches("Observation?code=http://loinc.org|") == ["Observation/glu", "Observation/hr", "Observation/both"])
            #expect(try await server.matches("Observation?code=http://snomed.info/sct|2339-0") == [])

            // :not keeps resources with no matching code, including those with the code in another system.
            #expect(try await server.matches("Observation?code:not=2339-0") == ["Observation/hr", "Observation/both"])
            #expect(try await server.matches("Observation?code:not=http://loinc.org|2339-0")
                == ["Observation/hr", "Observation/both", "Observation/local", "Observation/nosys"])

            // :text searches CodeableConcept.text and Coding.display.
            #expect(try await server.matches("Observation?code:text=glucose") == ["Observation/glu", "Observation/local"])
            #expect(try await server.matches("Observation?code:text=HEMOGLOBIN") == ["Observation/both"])
            #expect(try await server.matches("Observation?code:text=heart") == ["Observation/hr"])

            // :in with a shipped value set: every code of the observation-category code system.
            #expect(try await server.matches("Observation?category:in=http://hl7.org/fhir/ValueSet/observation-category")
                == ["Observation/glu", "Observation/hr", "Observation/both"])

            // Comma is OR, a repeated parameter is AND.
            #expect(try await server.matches("Observation?code=8867-4,718-7") == ["Observation/hr", "Observation/both"])
            #expect(try await server.matches("Observation?code=http://loinc.org|8867-4,http://example.org/codes|2339-0") == ["Observation/hr", "Observation/local"])
            #expect(try await server.matches("Observation?category=laboratory") == ["Observation/glu", "Observation/both"])
            #expect(try await server.matches("Observation?category=laboratory&category=survey") == ["Observation/both"])
            #expect(try await server.matches("Observation?category=laboratory&code=2339-0") == ["Observation/glu"])
            #expect(try await server.matches("Observation?category=laboratory,vital-signs&code:not=718-7") == ["Observation/glu", "Observation/hr"])

            // identifier and identifier:of-type.
            #expect(try await server.matches("Patient?identifier=12345") == ["Patient/pt", "Patient/pt2"])
            #expect(try await server.matches("Patient?identifier=http://hospital.example.org/mrn|12345") == ["Patient/pt"])
            #expect(try await server.matches("Patient?identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|MR|12345") == ["Patient/pt"])
            #expect(try await server.matches("Patient?identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|DL|12345") == ["Patient/pt2"])
            #expect(try await server.matches("Patient?identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|MR|99999") == [])

            // :missing.
            #expect(try await server.matches("Patient?gender:missing=true") == ["Patient/pt2"])
            #expect(try await server.matches("Patient?gender:missing=false") == ["Patient/pt"])
            #expect(try await server.matches("Patient?birthdate:missing=true") == ["Patient/pt2"])
            #expect(try await server.matches("Observation?value-quantity:missing=true") == ["Observation/local", "Observation/nosys"])
            #expect(try await server.matches("Patient?gender=female") == ["Patient/pt"])
            // :not also returns resources that have no value for the parameter.
            #expect(try await server.matches("Patient?gender:not=female") == ["Patient/pt2"])
            #expect(try await server.matches("Patient?gender:not=male") == ["Patient/pt", "Patient/pt2"])

            // A code element takes the system of its required binding: gender's is administrative-gender.
            #expect(try await server.matches("Patient?gender=http://hl7.org/fhir/administrative-gender|female") == ["Patient/pt"])
            #expect(try await server.matches("Patient?gender=http://hl7.org/fhir/administrative-gender|") == ["Patient/pt"])
            #expect(try await server.matches("Patient?gender=http://example.org/gender|female") == [])
            #expect(try await server.matches("Patient?gender=|female") == [])
            #expect(try await server.matches("Patient?gender:in=http://hl7.org/fhir/ValueSet/administrative-gender") == ["Patient/pt"])
            #expect(try await server.matches("Patient?gender:not-in=http://hl7.org/fhir/ValueSet/administrative-gender") == ["Patient/pt2"])
            #expect(try await server.matches("Observation?status=http://hl7.org/fhir/observation-status|final&code=8867-4") == ["Observation/hr"])
        }
    }

    @Test("Token :below on ICD-10-CM finds the code and its descendants")
    func tokenBelow() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            try await server.put(json: #"{"resourceType": "Patient", "id": "pt", "name": [{"family": "Below"}]}"#)
            let conditions: [(id: String, code: String, display: String)] = [
                ("t2dm", "E11.9", "Type 2 diabetes mellitus without complications"),
                ("t2dm-neph", "E11.21", "Type 2 diabetes mellitus with diabetic nephropathy"),
                ("t1dm", "E10.9", "Type 1 diabetes mellitus without complications"),
                ("htn", "I10", "Essential (primary) hypertension"),
            ]
            for condition in conditions {
                try await server.put(json: """
                    {"resourceType": "Condition", "id": "\(condition.id)",
                     "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
                     "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "\(condition.code)", "display": "\(condition.display)"}]},
                     "subject": {"reference": "Patient/pt"}}
                    """)
            }
            let icd = "http://hl7.org/fhir/sid/icd-10-cm"
            #expect(try await server.matches("Condition?code:below=\(icd)|E11") == ["Condition/t2dm", "Condition/t2dm-neph"])
            #expect(try await server.matches("Condition?code:below=\(icd)|E11.2") == ["Condition/t2dm-neph"])
            #expect(try await server.matches("Condition?code:below=\(icd)|I10") == ["Condition/htn"])
            #expect(try await server.matches("Condition?code:below=\(icd)|E11,\(icd)|I10") == ["Condition/t2dm", "Condition/t2dm-neph", "Condition/htn"])
            #expect(try await server.matches("Condition?code=\(icd)|E11") == [])
        }
    }

    @Test("String: starts-with ignoring case and accents, :exact, :contains; name, family, given, address-city")
    func strings() async throws {
        try await TestServer.run { (server: TestServer) async throws in
            try await server.put(json: """
                {"resourceType": "Patient", "id": "mueller", "name": [{"family": "Müller", "given": ["Anna"]}], "address": [{"city": "Zürich"}]}
                """, """
                {"resourceType": "Patient", "id": "mullins", "name": [{"family": "Mullins", "given": ["Johanna"]}], "address": [{"city": "Boston"}]}
                """, """
                {"resourceType": "Patient", "id": "keller", "name": [{"family": "Keller", "given": ["Jo"]}], "address": [{"city": "Bern"}]}
                """, """
                {"resourceType": "Patient", "id": "smith", "name": [{"family": "Smith", "given": ["Anne-Marie"]}], "address": [{"city": "Basel"}]}
                """)

            // Default: starts with, case- and accent-insensitive.
            #expect(try await server.matches("Patient?family=muller") == ["Patient/mueller"])
            #expect(try await server.matches("Patient?family=MÜLLER") == ["Patient/mueller"])
            #expect(try await server.matches("Patient?family=Mül") == ["Patient/mueller", "Patient/mullins"])
            #expect(try await server.matches("Patient?family=mul") == ["Patient/mueller", "Patient/mullins"])
            #expect(try await server.matches("Patient?family=ller") == [])
            #expect(try await server.matches("Patient?family=mullerx") == [])

            // :exact: the whole value, with case and accents.
            #expect(try await server.matches("Patient?family:exact=Müller") == ["Patient/mueller"])
            #expect(try await server.matches("Patient?family:exact=muller") == [])
            #expect(try await server.matches("Patient?family:exact=Muller") == [])
            #expect(try await server.matches("Patient?family:exact=Müll") == [])
            #expect(try await server.matches("Patient?given:exact=Jo") == ["Patient/keller"])

            // :contains: anywhere in the value.
            #expect(try await server.matches("Patient?family:contains=ller") == ["Patient/mueller", "Patient/keller"])
            #expect(try await server.matches("Patient?family:contains=mit") == ["Patient/smith"])
            #expect(try await server.matches("Patient?given:contains=ann") == ["Patient/mueller", "Patient/mullins", "Patient/smith"])

            // given, name (any part of the name) and address-city.
            #expect(try await server.matches("Patient?given=jo") == ["Patient/mullins", "Patient/keller"])
            #expect(try await server.matches("Patient?name=ann") == ["Patient/mueller", "Patient/smith"])
            #expect(try await server.matches("Patient?name=keller") == ["Patient/keller"])
            #expect(try await server.matches("Patient?name=muller") == ["Patient/mueller"])
            #expect(try await server.matches("Patient?address-city=zurich") == ["Patient/mueller"])
            #expect(try await server.matches("Patient?address-city=B") == ["Patient/mullins", "Patient/keller", "Patient/smith"])
            #expect(try await server.matches("Patient?address-city:exact=Bern") == ["Patient/keller"])
            #expect(try await server.matches("Patient?address-city:exact=bern") == [])

            // OR and AND.
            #expect(try await server.matches("Patient?family=muller,smith") == ["Patient/mueller", "Patient/smith"])
            #expect(try await server.matches("Patient?given=jo&family=kel") == ["Patient/keller"])
            #expect(try await server.matches("Patient?name=ann&address-city=basel") == ["Patient/smith"])
        }
    }
}
