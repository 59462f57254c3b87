import FHIRDeidentify
import FHIRModel
import Foundation
import Testing

/// The quasi-identifier report: each profile's class key, the classes, the patients below k
/// and the histogram.
@Suite("Quasi-identifier report")
struct QuasiIdentifierReportTests {
    typealias F = DeidentifyFixtures

    static func patient(_ json: String) throws -> JSONValue {
        try JSONParser().parse(Array(json.utf8))
    }

    func key(_ json: String, profile: String = "safe-harbor") throws -> QuasiIdentifierKey {
        let identifiers = QuasiIdentifiers(rules: try F.rules(profile), referenceDate: F.now)
        return identifiers.key(of: try #require(try Self.patient(json).objectValue))
    }

    @Test("Safe Harbor: birth year, gender, ZIP3 and year of death")
    func safeHarborKey() throws {
        let key = try key(#"{"resourceType": "Patient", "birthDate": "1968-11-02", "gender": "female", "deceasedDateTime": "2020-03-04T10:00:00Z", "address": [{"line": ["1 Main St"], "postalCode": "02139-4307", "state": "MA"}]}"#)
        #expect(key == QuasiIdentifierKey(birth: "1968", gender: "female", zip: "021", deceased: "2020"))
    }

    @Test("Safe Harbor: a birth more than 89 years ago is the band 90+, a restricted ZIP3 000, a foreign postal code nothing")
    func safeHarborCoarsening() throws {
        let old = try key(#"{"resourceType": "Patient", "birthDate": "1930-01-01", "address": [{"postalCode": "03601"}, {"postalCode": "SW1A 1AA", "country": "GB"}]}"#)
        #expect(old == QuasiIdentifierKey(birth: "90+", gender: "-", zip: "000", deceased: "no"))
        let edge = try key(#"{"resourceType": "Patient", "birthDate": "1937-12-31"}"#)
        #expect(edge.birth == "1937")
        let foreign = try key(#"{"resourceType": "Patient", "deceasedBoolean": true, "address": [{"postalCode": "SW1A 1AA", "country": "GB"}]}"#)
        #expect(foreign == QuasiIdentifierKey(birth: "-", gender: "-", zip: "-", deceased: "yes"))
    }

    @Test("Every ZIP code of a patient's addresses is in the key, each once")
    func severalAddresses() throws {
        let key = try key(#"{"resourceType": "Patient", "address": [{"postalCode": "94110"}, {"postalCode": "02139"}, {"postalCode": "02140"}]}"#)
        #expect(key.zip == "021,941")
    }

    @Test("Expert determination keys on the Safe Harbor values: the shifted date tells the year within one either way")
    func expertDeterminationKey() throws {
        let json = #"{"resourceType": "Patient", "birthDate": "1968-11-02", "gender": "male", "address": [{"postalCode": "94110"}]}"#
        #expect(try key(json, profile: "expert-determination") == key(json))
        let identifiers = QuasiIdentifiers(rules: try F.rules("expert-determination"), referenceDate: F.now)
        #expect(identifiers.dateForm == .year)
        #expect(identifiers.zipForm == .zip3)
    }

    @Test("The limited data set keys on the whole birth date and 5-digit ZIP, at any age")
    func limitedDataSetKey() throws {
        let key = try key(#"{"resourceType": "Patient", "birthDate": "1930-05-06", "gender": "female", "deceasedDateTime": "2021-07-08", "address": [{"postalCode": "03601-1234"}]}"#,
                          profile: "limited-data-set")
        #expect(key == QuasiIdentifierKey(birth: "1930-05-06", gender: "female", zip: "03601", deceased: "2021-07-08"))
    }

    @Test("Classes, the patients in classes smaller than k, and the histogram")
    func report() throws {
        var tally = EquivalenceClassTally(identifiers: QuasiIdentifiers(rules: try F.rules(), referenceDate: F.now))
        let same = #"{"resourceType": "Patient", "birthDate": "1968-0%d-01", "gender": "female", "address": [{"postalCode": "0213%d"}]}"#
        for day in 1...3 { tally.add(try Self.patient(same.replacingOccurrences(of: "%d", with: String(day)))) }
        tally.add(try Self.patient(#"{"resourceType": "Patient", "birthDate": "1970", "gender": "male", "address": [{"postalCode": "94110"}]}"#))
        tally.add(try Self.patient(#"{"resourceType": "Patient", "birthDate": "1920", "gender": "male"}"#))
        tally.add(try Self.patient(#"{"resourceType": "Observation", "status": "final"}"#))
        let report = tally.report(k: 2)
        #expect(report.patients == 5)
        #expect(report.classes.count == 3)
        #expect(report.classes.last == .init(key: QuasiIdentifierKey(birth: "1968", gender: "female", zip: "021", deceased: "no"), size: 3))
        #expect(report.classesBelowK == 2)
        #expect(report.patientsBelowK == 2)
        #expect(report.histogram == [.init(size: 1, classes: 2, patients: 2), .init(size: 3, classes: 1, patients: 3)])
        #expect(tally.report(k: 4).patientsBelowK == 5)
        #expect(tally.report(k: 1).patientsBelowK == 0)
        #expect(report.profile == "safe-harbor")
        #expect(report.dimensions == ["birth year (90+ past age 89)", "gender", "ZIP3 (restricted prefixes as 000)", "deceased year"])
    }
}
