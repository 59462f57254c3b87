import FHIRModel
import FHIRSearch
import Foundation
import KilnFixtures
import Testing

@Suite struct SearchIndexerTests {
    static let loinc = "http://loinc.org"
    static let ucum = "http://unitsofmeasure.org"

    static let observation = """
    {
      "resourceType": "Observation", "id": "bp1",
      "meta": {
        "tag": [{"system": "http://kiln.example/tags", "code": "reviewed", "display": "Reviewed"}],
        "profile": ["http://hl7.org/fhir/StructureDefinition/vitalsigns"],
        "security": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "HTEST"}],
        "source": "http://kiln.example/source#a1"
      },
      "status": "final",
      "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs", "display": "Vital Signs"}]}],
      "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9", "display": "Blood pressure panel"}], "text": "Blood Pressure"},
      "subject": {"reference": "Patient/123"},
      "effectiveDateTime": "2020-03-04T10:15:30Z",
      "valueQuantity": {"value": 1.5, "unit": "g/L", "system": "http://unitsofmeasure.org", "code": "g/L"},
      "component": [
        {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]},
         "valueQuantity": {"value": 120, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}},
        {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]},
         "valueQuantity": {"value": 80, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}
      ]
    }
    """

    @Test func observationTokensReferencesAndDates() throws {
        let entries = try IndexerFixture.index(Self.observation)
        #expect(entries.tokenRows("code") == [TokenIndexRow(parameter: "code", system: Self.loinc, code: "85354-9", text: "blood pressure")])
        #expect(entries.tokenRows("category").map(\.code) == ["vital-signs"])
        #expect(entries.tokenRows("category").first?.text == "vital signs")
        #expect(entries.tokenRows("status").map(\.code) == ["final"])
        #expect(Set(entries.tokenRows("combo-code").map(\.code)) == ["85354-9", "8480-6", "8462-4"])
        #expect(Set(entries.tokenRows("component-code").map(\.code)) == ["8480-6", "8462-4"])
        #expect(entries.referenceRows("subject") == [ReferenceIndexRow(parameter: "subject", targetType: "Patient", targetID: "123", url: nil)])
        #expect(entries.referenceRows("patient") == [ReferenceIndexRow(parameter: "patient", targetType: "Patient", targetID: "123", url: nil)])
        #expect(entries.dateRanges("date") == [[milliseconds("2020-03-04T10:15:30Z"), milliseconds("2020-03-04T10:15:31Z")]])
        #expect(entries.compartmentPatients == ["123"])
    }

    @Test func observationQuantitiesInCanonicalUnits() throws {
        let entries = try IndexerFixture.index(Self.observation)
        let grams = try #require(entries.quantityRows("value-quantity").first)
        #expect(grams.value == Decimal(string: "1.5"))
        #expect(grams.system == Self.ucum)
        #expect(grams.code == "g/L")
        #expect(grams.canonicalValue != nil)

        let milligrams = Self.observation.replacingOccurrences(
            of: #""value": 1.5, "unit": "g/L", "system": "http://unitsofmeasure.org", "code": "g/L""#,
            with: #""value": 150, "unit": "mg/dL", "system": "http://unitsofmeasure.org", "code": "mg/dL""#
        )
        let other = try #require(IndexerFixture.index(milligrams).quantityRows("value-quantity").first)
        #expect(other.code == "mg/dL")
        #expect(other.canonicalValue == grams.canonicalValue)
        #expect(other.canonicalCode == grams.canonicalCode)

        #expect(Set(entries.quantityRows("component-value-quantity").map(\.value)) == [120, 80])
        #expect(Set(entries.quantityRows("combo-value-quantity").map(\.value)) == [Decimal(string: "1.5"), 120, 80])
    }

    @Test func observationComposites() throws {
        let entries = try IndexerFixture.index(Self.observation)
        let codeValue = entries.compositeRows("code-value-quantity")
        #expect(codeValue.count == 1)
        #expect(codeValue.first?.code == "85354-9")
        guard case .quantity(let value, let system, let code, let canonicalValue, _) = codeValue.first?.value else {
            Issue.record("code-value-quantity has no quantity: \(codeValue)")
            return
        }
        #expect(value == Decimal(string: "1.5") && system == Self.ucum && code == "g/L" && canonicalValue != nil)

        let components = entries.compositeRows("component-code-value-quantity")
        let pairs = Set(components.compactMap { row -> String? in
            guard case .quantity(let value, _, _, _, _) = row.value else { return nil }
            return "\(row.system)|\(row.code)=\(value)"
        })
        #expect(pairs == ["\(Self.loinc)|8480-6=120", "\(Self.loinc)|8462-4=80"])
        #expect(entries.compositeRows("combo-code-value-quantity").count == 3)
    }

    @Test func metaParameters() throws {
        let entries = try IndexerFixture.index(Self.observation)
        #expect(entries.tokenRows("_tag") == [TokenIndexRow(parameter: "_tag", system: "http://kiln.example/tags", code: "reviewed", text: "reviewed")])
        #expect(entries.tokenRows("_security").map(\.code) == ["HTEST"])
        #expect(entries.uriRows("_profile").map(\.uri) == ["http://hl7.org/fhir/StructureDefinition/vitalsigns"])
        #expect(entries.uriRows("_source").map(\.uri) == ["http://kiln.example/source#a1"])
        #expect(entries.tokenRows("_id").isEmpty && entries.dateRows("_lastUpdated").isEmpty)
    }

    @Test func observationWithDateValueAndStringValue() throws {
        let dated = try IndexerFixture.index("""
        {"resourceType": "Observation", "id": "d1", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "8665-2"}]},
         "subject": {"reference": "Group/g1"},
         "valueDateTime": "2019-07"}
        """)
        #expect(dated.dateRanges("value-date") == [[milliseconds("2019-07-01T00:00:00Z"), milliseconds("2019-08-01T00:00:00Z")]])
        let composite = dated.compositeRows("code-value-date")
        #expect(composite.map(\.code) == ["8665-2"])
        #expect(composite.first?.value == .date(low: dated.dateRows("value-date").first?.low, high: dated.dateRows("value-date").first?.high))
        #expect(dated.referenceRows("patient").isEmpty)
        #expect(dated.compartmentPatients.isEmpty)

        let texted = try IndexerFixture.index("""
        {"resourceType": "Observation", "id": "s1", "status": "final",
         "code": {"text": "Smoking"}, "valueString": "Früher Raucher"}
        """)
        #expect(texted.tokenRows("code") == [TokenIndexRow(parameter: "code", system: "", code: "", text: "smoking")])
        #expect(texted.stringRows("value-string").map(\.normalized) == ["fruher raucher"])
        #expect(texted.compositeRows("code-value-string").isEmpty)
    }

    static let patient = """
    {
      "resourceType": "Patient", "id": "p1",
      "identifier": [{
        "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}], "text": "Medical Record Number"},
        "system": "urn:oid:1.2.36.146.595.217.0.1", "value": "12345"
      }],
      "active": true,
      "name": [{"family": "Müller", "given": ["Zoë", "Anaïs"], "prefix": ["Dr."], "text": "Dr. Zoë Müller"}],
      "telecom": [{"system": "phone", "value": "+41 44 123 45 67"}, {"system": "email", "value": "zoe@example.org"}],
      "gender": "female",
      "birthDate": "1970",
      "address": [{"line": ["Bahnhofstraße 1"], "city": "Zürich", "postalCode": "8001", "country": "CH"}],
      "generalPractitioner": [{"reference": "https://kiln.example/fhir/Practitioner/gp1"}],
      "managingOrganization": {"reference": "https://other.example/fhir/Organization/o1"},
      "link": [{"other": {"reference": "urn:uuid:5b9d3c1e-3c2f-4a8e-9d0b-2f6f1c3a7e11"}, "type": "seealso"}]
    }
    """

    @Test func patientStrings() throws {
        let entries = try IndexerFixture.index(Self.patient)
        #expect(entries.stringRows("family") == [StringIndexRow(parameter: "family", value: "Müller")])
        #expect(entries.stringRows("family").first?.normalized == "muller")
        #expect(entries.stringRows("given").map(\.normalized) == ["zoe", "anais"])
        #expect(Set(entries.stringRows("name").map(\.exact)) == ["Müller", "Zoë", "Anaïs", "Dr.", "Dr. Zoë Müller"])
        #expect(Set(entries.stringRows("address").map(\.normalized)) == ["bahnhofstrasse 1", "zurich", "8001", "ch"])
        #expect(entries.stringRows("address-city").map(\.normalized) == ["zurich"])
        #expect(entries.stringRows("address-postalcode").map(\.exact) == ["8001"])
        #expect(entries.stringRows("phonetic").isEmpty)
    }

    @Test func patientTokensDatesAndReferences() throws {
        let entries = try IndexerFixture.index(Self.patient)
        #expect(entries.tokenRows("identifier") == [TokenIndexRow(
            parameter: "identifier", system: "urn:oid:1.2.36.146.595.217.0.1", code: "12345", text: "medical record number"
        )])
        #expect(entries.tokenRows("identifier:of-type") == [TokenIndexRow(
            parameter: "identifier:of-type", system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR|12345"
        )])
        #expect(Set(entries.tokenRows("telecom").map(\.code)) == ["+41 44 123 45 67", "zoe@example.org"])
        #expect(entries.tokenRows("phone").map(\.code) == ["+41 44 123 45 67"])
        #expect(entries.tokenRows("email").map(\.code) == ["zoe@example.org"])
        #expect(entries.tokenRows("gender").map(\.code) == ["female"])
        #expect(entries.tokenRows("active").map(\.code) == ["true"])
        #expect(entries.tokenRows("deceased").map(\.code) == ["false"])
        #expect(entries.dateRanges("birthdate") == [[milliseconds("1970-01-01T00:00:00Z"), milliseconds("1971-01-01T00:00:00Z")]])
        #expect(entries.referenceRows("general-practitioner") == [
            ReferenceIndexRow(parameter: "general-practitioner", targetType: "Practitioner", targetID: "gp1", url: nil),
        ])
        #expect(entries.referenceRows("organization") == [
            ReferenceIndexRow(parameter: "organization", targetType: nil, targetID: nil, url: "https://other.example/fhir/Organization/o1"),
        ])
        #expect(entries.referenceRows("link").map(\.url) == ["urn:uuid:5b9d3c1e-3c2f-4a8e-9d0b-2f6f1c3a7e11"])
        #expect(entries.compartmentPatients == ["p1"])
    }

    @Test func diagnosticReportResultsInstantsAndOpenPeriods() throws {
        let entries = try IndexerFixture.index("""
        {
          "resourceType": "DiagnosticReport", "id": "r1", "status": "final",
          "contained": [{"resourceType": "Organization", "id": "lab"}],
          "code": {"coding": [{"system": "http://loinc.org", "code": "58410-2"}]},
          "subject": {"reference": "https://kiln.example/fhir/Patient/123"},
          "effectivePeriod": {"start": "2020-03-01"},
          "issued": "2020-03-04T10:15:30.123+01:00",
          "performer": [{"reference": "#lab"}],
          "specimen": [{"identifier": {"system": "http://lab.example/specimens", "value": "S-42"}}],
          "result": [{"reference": "Observation/o1"}, {"reference": "Observation/o2/_history/3"}]
        }
        """)
        #expect(entries.referenceRows("result").map { "\($0.targetType ?? "-")/\($0.targetID ?? "-")" } == ["Observation/o1", "Observation/o2"])
        #expect(entries.referenceRows("subject").first?.targetID == "123")
        #expect(entries.referenceRows("patient").first?.targetID == "123")
        #expect(entries.referenceRows("performer").isEmpty)
        #expect(entries.referenceRows("specimen").isEmpty)
        #expect(entries.tokenRows("specimen:identifier") == [
            TokenIndexRow(parameter: "specimen:identifier", system: "http://lab.example/specimens", code: "S-42"),
        ])
        #expect(entries.dateRanges("issued") == [[milliseconds("2020-03-04T09:15:30.123Z"), milliseconds("2020-03-04T09:15:30.124Z")]])
        #expect(entries.dateRanges("date") == [[milliseconds("2020-03-01T00:00:00Z"), nil]])
        #expect(entries.compartmentPatients == ["123"])
    }

    @Test func consent() throws {
        let entries = try IndexerFixture.index("""
        {
          "resourceType": "Consent", "id": "c1", "status": "active",
          "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"}]},
          "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]}],
          "patient": {"reference": "Patient/p1"},
          "dateTime": "2016-05-11",
          "organization": [{"reference": "Organization/o1"}],
          "provision": {
            "period": {"start": "2016-01-01", "end": "2016-12-31"},
            "actor": [{"role": {"text": "recipient"}, "reference": {"reference": "Practitioner/pr1"}}]
          }
        }
        """)
        #expect(entries.tokenRows("status").map(\.code) == ["active"])
        #expect(entries.tokenRows("scope").map(\.code) == ["patient-privacy"])
        #expect(entries.referenceRows("patient").first?.targetID == "p1")
        #expect(entries.referenceRows("actor").first?.targetType == "Practitioner")
        #expect(entries.dateRanges("date") == [[milliseconds("2016-05-11T00:00:00Z"), milliseconds("2016-05-12T00:00:00Z")]])
        #expect(entries.dateRanges("period") == [[milliseconds("2016-01-01T00:00:00Z"), milliseconds("2017-01-01T00:00:00Z")]])
        #expect(entries.compartmentPatients == ["p1"])
    }

    @Test func provenance() throws {
        let entries = try IndexerFixture.index("""
        {
          "resourceType": "Provenance", "id": "pv1",
          "target": [
            {"reference": "Patient/p1"},
            {"reference": "https://kiln.example/fhir/Patient/p2"},
            {"reference": "Observation/o1/_history/2"}
          ],
          "recorded": "2015-06-27T08:39:24+10:00",
          "agent": [{"who": {"reference": "Practitioner/pr1"}}]
        }
        """)
        #expect(Set(entries.referenceRows("target").compactMap(\.targetID)) == ["p1", "p2", "o1"])
        #expect(Set(entries.referenceRows("patient").compactMap(\.targetID)) == ["p1", "p2"])
        #expect(entries.referenceRows("agent").first?.targetID == "pr1")
        #expect(entries.dateRanges("recorded") == [[milliseconds("2015-06-26T22:39:24Z"), milliseconds("2015-06-26T22:39:25Z")]])
        #expect(entries.compartmentPatients == ["p1", "p2"])
    }

    @Test func compartmentFromParametersThatAreNotIndexed() throws {
        let entries = try IndexerFixture.index("""
        {"resourceType": "Observation", "id": "o9", "status": "final", "code": {"text": "note"},
         "subject": {"reference": "Group/g1"},
         "performer": [{"reference": "Patient/p7"}, {"reference": "Patient/p7"}, {"reference": "Practitioner/x"}]}
        """)
        #expect(entries.compartmentPatients == ["p7"])
        #expect(entries.referenceRows("performer").count == 2)
    }

    @Test func digestFollowsValues() throws {
        let first = try IndexerFixture.index(Self.patient)
        let again = try IndexerFixture.index(Self.patient)
        let changed = try IndexerFixture.index(Self.patient.replacingOccurrences(of: "\"8001\"", with: "\"8002\""))
        #expect(first == again)
        #expect(first.digest == again.digest)
        #expect(first.digest != changed.digest)
    }

    @Test func concurrentIndexingGivesTheSameEntries() async throws {
        let indexer = try IndexerFixture.indexer()
        let resource = try JSONParser().parse(Self.observation)
        let expected = indexer.entries(for: resource)
        let digests = await withTaskGroup(of: Int64.self) { group in
            for _ in 0..<8 { group.addTask { indexer.entries(for: resource).digest } }
            return await group.reduce(into: Set<Int64>()) { $0.insert($1) }
        }
        #expect(digests == [expected.digest])
    }

    @Test func unknownOrMissingTypesGiveNoEntries() throws {
        #expect(try IndexerFixture.index(#"{"id": "x"}"#) == .empty)
        #expect(try IndexerFixture.index(#"{"resourceType": "NoSuchType", "id": "x"}"#) == .empty)
        let odd = try IndexerFixture.index(#"{"resourceType": "Patient", "id": "x", "birthDate": "not a date", "name": "oops"}"#)
        #expect(odd.dates.isEmpty)
        #expect(odd.compartmentPatients == ["x"])
    }
}

/// The specification's example instances of the documented types, indexed one by one.
@Suite struct SearchIndexerExampleTests {
    /// The R4 specification's examples, shipped in Tests/Fixtures/examples/r4-spec.
    static let examplesDirectory = Fixtures.url("examples/r4-spec")

    /// Every resource of the documented types in the example files, top-level or in a Bundle, by id.
    static func exampleResources() throws -> [(type: String, id: String, json: JSONValue)] {
        let files = try FileManager.default.contentsOfDirectory(atPath: examplesDirectory.path).filter { $0.hasSuffix(".json") }.sorted()
        var resources: [(type: String, id: String, json: JSONValue)] = []
        for file in files {
            let data = try Data(contentsOf: examplesDirectory.appendingPathComponent(file))
            let json = try JSONParser().parse([UInt8](data))
            let candidates = [json] + (json["entry"]?.arrayValue ?? []).compactMap { $0["resource"] }
            for candidate in candidates {
                guard let type = candidate["resourceType"]?.stringValue, SearchRegistry.documentedResourceTypes.contains(type) else { continue }
                resources.append((type, candidate["id"]?.stringValue ?? "", candidate))
            }
        }
        return resources
    }

    @Test func indexesEveryExampleOfTheDocumentedTypes() throws {
        let indexer = try IndexerFixture.indexer()
        var byKey: [String: SearchIndexEntries] = [:]
        for resource in try Self.exampleResources() {
            let entries = indexer.entries(for: resource.json)
            byKey["\(resource.type)/\(resource.id)"] = entries
        }
        #expect(Set(byKey.keys.compactMap { $0.split(separator: "/").first.map(String.init) }) == Set(SearchRegistry.documentedResourceTypes))
        #expect(byKey.count > 100)

        let patient = try #require(byKey["Patient/example"])
        #expect(patient.tokenRows("identifier").contains { $0.code == "12345" })
        #expect(patient.tokenRows("identifier:of-type").contains { $0.code == "MR|12345" })
        #expect(patient.stringRows("family").map(\.normalized).contains("chalmers"))
        #expect(patient.dateRanges("birthdate") == [[milliseconds("1974-12-25T00:00:00Z"), milliseconds("1974-12-26T00:00:00Z")]])

        let bloodPressure = try #require(byKey["Observation/blood-pressure"])
        #expect(bloodPressure.referenceRows("patient").first?.targetID == "example")
        #expect(bloodPressure.compartmentPatients == ["example"])
        #expect(bloodPressure.compositeRows("component-code-value-quantity").contains { row in
            guard case .quantity(let value, _, let code, let canonicalValue, _) = row.value else { return false }
            return row.code == "8480-6" && value == 107 && code == "mm[Hg]" && canonicalValue != nil
        })

        let consent = try #require(byKey["Consent/consent-example-basic"])
        #expect(consent.compartmentPatients == ["f001"])
        #expect(consent.dateRanges("period") == [[milliseconds("1964-01-01T00:00:00Z"), milliseconds("2016-01-02T00:00:00Z")]])

        let provenance = try #require(byKey["Provenance/example"])
        #expect(provenance.referenceRows("target") == [ReferenceIndexRow(parameter: "target", targetType: "Procedure", targetID: "example", url: nil)])
        #expect(provenance.dateRanges("recorded").first?.first == milliseconds("2015-06-26T22:39:24Z"))
    }
}

@Suite("Search indexer base URL")
struct SearchIndexerBaseURLTests {
    @Test("A base URL set after creation decides which absolute references are local")
    func baseURLSetLater() throws {
        var indexer = try IndexerFixture.indexer()
        indexer.baseURL = "http://127.0.0.1:9999/fhir"
        let observation: JSONValue = [
            "resourceType": "Observation", "id": "o", "status": "final", "code": ["text": "x"],
            "subject": ["reference": "http://127.0.0.1:9999/fhir/Patient/p9"],
        ]
        let subject = indexer.entries(for: observation).references.filter { $0.parameter == "subject" }
        #expect(subject == [ReferenceIndexRow(parameter: "subject", targetType: "Patient", targetID: "p9", url: nil)])
        #expect(indexer.entries(for: observation).compartmentPatients == ["p9"])
    }
}
