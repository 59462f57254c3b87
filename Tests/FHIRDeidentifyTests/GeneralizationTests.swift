import FHIRDeidentify
import FHIRModel
import Testing

/// The generalizations' vectors: ZIP3 and its restricted prefixes, ages over 89, dates showing
/// such an age, age bands.
@Suite("Generalization")
struct GeneralizationTests {
    typealias F = DeidentifyFixtures

    static let restricted = ["036", "059", "063", "102", "203", "205", "369", "556", "692", "790",
                             "821", "823", "830", "831", "878", "879", "884", "890", "893"]

    @Test("ZIP3: the first three digits of a 5-digit, ZIP+4 or 9-digit ZIP code")
    func zip3() {
        let restricted = Set(Self.restricted)
        #expect(AddressGeneralization.zip3("02139", restricted: restricted) == "021")
        #expect(AddressGeneralization.zip3("02139-4307", restricted: restricted) == "021")
        #expect(AddressGeneralization.zip3("021394307", restricted: restricted) == "021")
        #expect(AddressGeneralization.zip3(" 94110 ", restricted: restricted) == "941")
    }

    @Test("ZIP3: every restricted prefix becomes 000", arguments: GeneralizationTests.restricted)
    func restrictedZIP3(prefix: String) throws {
        let output = try F.deidentify(#"{"resourceType": "Patient", "id": "p1", "address": [{"state": "XX", "postalCode": "\#(prefix)42"}]}"#)
        #expect(output.json["address"]?.arrayValue?.first?["postalCode"] == "000")
    }

    @Test("ZIP3: the neighbours of restricted prefixes are kept")
    func unrestrictedNeighbours() {
        let restricted = Set(Self.restricted)
        for zip in ["03501", "03701", "06001", "10301", "20401", "89101"] {
            #expect(AddressGeneralization.zip3(zip, restricted: restricted) == String(zip.prefix(3)))
        }
    }

    @Test("ZIP3: malformed postal codes are removed")
    func malformedPostalCode() {
        for code in ["2139", "021390", "ABCDE", "02139-43", "0213-94307", ""] {
            #expect(AddressGeneralization.zip3(code, restricted: []) == nil, "\(code)")
        }
    }

    @Test("ZIP3: a non-US postal code is removed, a US one kept whichever way the country is written")
    func nonUSPostalCode() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Patient", "id": "p1", "address": [{"postalCode": "1012 AB", "country": "NLD"}, {"postalCode": "75001", "country": "France"},
             {"postalCode": "10001", "country": "USA"}, {"postalCode": "60601", "country": "United States"}]}
            """#)
        #expect(output.json["address"] == [["country": "NLD"], ["country": "France"], ["postalCode": "100", "country": "USA"],
                                           ["postalCode": "606", "country": "United States"]])
    }

    static func ageObservation(_ value: String, code: String = "a", loinc: String = "30525-0") -> String {
        #"""
        {"resourceType": "Observation", "id": "o1", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "\#(loinc)"}]},
         "subject": {"reference": "Patient/p1"}, "valueQuantity": {"value": \#(value), "unit": "years", "system": "http://unitsofmeasure.org", "code": "\#(code)"}}
        """#
    }

    static let ninetyOrOver: JSONValue = ["value": 90, "comparator": ">=", "unit": "years", "system": "http://unitsofmeasure.org", "code": "a"]

    @Test("Age: an age Observation (LOINC 30525-0) over 89 becomes 90 or over", arguments: ["90", "95", "104.5", "89.5"])
    func ageOverEightyNine(value: String) throws {
        let output = try F.deidentify(Self.ageObservation(value))
        #expect(output.json["valueQuantity"] == Self.ninetyOrOver)
        #expect(output.labels.contains(.aggregated))
    }

    @Test("Age: ages of 89 and under are shown as they are", arguments: ["89", "45", "0.5"])
    func ageAtMostEightyNine(value: String) throws {
        let output = try F.deidentify(Self.ageObservation(value))
        #expect(output.json["valueQuantity"]?["value"]?.numberValue?.text == value)
        #expect(output.json["valueQuantity"]?["comparator"] == nil)
    }

    @Test("Age: an age in months is measured in years (1,080 months is 90 years)")
    func ageInMonths() throws {
        #expect(try F.deidentify(Self.ageObservation("1080", code: "mo")).json["valueQuantity"] == Self.ninetyOrOver)
        #expect(try F.deidentify(Self.ageObservation("1067", code: "mo")).json["valueQuantity"]?["value"] == 1067)
    }

    @Test("Age: a Quantity of another Observation code is not an age")
    func quantityThatIsNotAnAge() throws {
        let output = try F.deidentify(Self.ageObservation("120", loinc: "8867-4"))
        #expect(output.json["valueQuantity"]?["value"] == 120)
    }

    @Test("Age: an Age element (Condition.onsetAge) over 89 becomes 90 or over")
    func ageDatatype() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p1"}, "onsetAge": {"value": 92, "unit": "yr", "system": "http://unitsofmeasure.org", "code": "a"}}
            """#)
        #expect(output.json["onsetAge"] == Self.ninetyOrOver)
    }

    @Test("Age: bands wider than a year turn an age into the Range of its band")
    func ageBands() throws {
        func object(_ value: JSONValue) -> JSONObject { value.objectValue ?? JSONObject() }
        let band = AgeGeneralization.generalize(object(["value": 37]), maximumAge: 89, bandWidth: 5, rangeAllowed: true)
        let years = { (value: Int) -> JSONValue in ["value": .number(JSONNumber(value)), "unit": "years", "system": "http://unitsofmeasure.org", "code": "a"] }
        #expect(band == .band(JSONObject([(key: "low", value: years(35)), (key: "high", value: years(39))])))
        #expect(AgeGeneralization.generalize(object(["value": 37]), maximumAge: 89, bandWidth: 5, rangeAllowed: false) == .removed)
        guard case .topCoded = AgeGeneralization.generalize(object(["value": 91]), maximumAge: 89, bandWidth: 5, rangeAllowed: true) else {
            Issue.record("an age over the maximum is top-coded, not banded")
            return
        }
    }

    @Test("Dates: a date more than 89 years before the reference date is removed; 89 years is kept")
    func datesShowingAnAgeOverEightyNine() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p1"}, "onsetDateTime": "1936-05-01", "recordedDate": "1937-01-01"}
            """#)
        #expect(output.json["onsetDateTime"] == nil)
        #expect(output.json["recordedDate"] == "1937")
    }

    @Test("Dates: the limited data set keeps dates and ages whole")
    func limitedDataSetKeepsDates() throws {
        let output = try F.deidentify(#"""
            {"resourceType": "Patient", "id": "p1", "birthDate": "1931-02-03", "address": [{"line": ["1 Main St"], "city": "Boston", "state": "MA", "postalCode": "02139-4307"}]}
            """#, profile: "limited-data-set")
        #expect(output.json["birthDate"] == "1931-02-03")
        #expect(output.json["address"] == [["city": "Boston", "state": "MA", "postalCode": "02139"]])
        #expect(try F.deidentify(Self.ageObservation("95"), profile: "limited-data-set").json["valueQuantity"]?["value"] == 95)
    }
}
