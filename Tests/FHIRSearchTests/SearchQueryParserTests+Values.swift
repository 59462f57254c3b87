import FHIRDefinitions
import FHIRModel
import FHIRSearch
import Foundation
import Testing

@Suite struct SearchQueryParserValueTests {
    private func instant(_ text: String) -> Date { ParserFixture.instant(text) }
    private func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? .nan }

    // MARK: token

    @Test func tokenForms() throws {
        #expect(try ParserFixture.condition("Observation", "code=http://loinc.org|1234-5,|plain,http://loinc.org|,bare") == .token(parameter: "code", [
            TokenCriterion(system: "http://loinc.org", code: "1234-5"),
            TokenCriterion(system: "", code: "plain"),
            TokenCriterion(system: "http://loinc.org", code: nil),
            TokenCriterion(system: nil, code: "bare"),
        ], negated: false))
        #expect(try ParserFixture.failure("Observation", "code=|")?.status == 400)
    }

    @Test func tokenNotTextAndOfType() throws {
        #expect(try ParserFixture.condition("Observation", "status:not=final") == .token(parameter: "status", [TokenCriterion(system: nil, code: "final")], negated: true))
        #expect(try ParserFixture.condition("Observation", "code:text=Blüt Zucker") == .tokenText(parameter: "code", ["blut zucker"]))
        #expect(try ParserFixture.condition("Patient", "identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|MR|446053") == .token(
            parameter: "identifier:of-type",
            [TokenCriterion(system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR|446053")],
            negated: false
        ))
        let malformed = try #require(try ParserFixture.failure("Patient", "identifier:of-type=MR|446053"))
        #expect(malformed.message.contains("system|code|value"))
        #expect(try ParserFixture.failure("Observation", "code:of-type=a|b|c")?.status == 400)
    }

    // MARK: string

    @Test func stringMatches() throws {
        #expect(try ParserFixture.condition("Patient", "name=Müller") == .string(parameter: "name", [StringCriterion(value: "muller", match: .startsWith)]))
        #expect(try ParserFixture.condition("Patient", "name:exact=Müller") == .string(parameter: "name", [StringCriterion(value: "Müller", match: .exact)]))
        #expect(try ParserFixture.condition("Patient", "name:contains=ÜLL") == .string(parameter: "name", [StringCriterion(value: "ull", match: .contains)]))
    }

    // MARK: date

    @Test func datesCoverTheRangeOfTheirPrecision() throws {
        func range(_ value: String) throws -> DateCriterion? {
            guard case .date(_, let criteria)? = try ParserFixture.condition("Patient", "birthdate=\(value)") else { return nil }
            return criteria.first
        }
        #expect(try range("2020") == DateCriterion(comparator: .eq, low: instant("2020-01-01T00:00:00Z"), high: instant("2021-01-01T00:00:00Z")))
        #expect(try range("2020-02") == DateCriterion(comparator: .eq, low: instant("2020-02-01T00:00:00Z"), high: instant("2020-03-01T00:00:00Z")))
        #expect(try range("2020-12") == DateCriterion(comparator: .eq, low: instant("2020-12-01T00:00:00Z"), high: instant("2021-01-01T00:00:00Z")))
        #expect(try range("ge2020-02-29") == DateCriterion(comparator: .ge, low: instant("2020-02-29T00:00:00Z"), high: instant("2020-03-01T00:00:00Z")))
        #expect(try range("lt2020-03-04T10:30") == DateCriterion(comparator: .lt, low: instant("2020-03-04T10:30:00Z"), high: instant("2020-03-04T10:31:00Z")))
        #expect(try range("2020-03-04T10:30:15+02:00") == DateCriterion(comparator: .eq, low: instant("2020-03-04T08:30:15Z"), high: instant("2020-03-04T08:30:16Z")))
        #expect(try range("sa2020-03-04T10:30:15Z") == DateCriterion(comparator: .sa, low: instant("2020-03-04T10:30:15Z"), high: instant("2020-03-04T10:30:16Z")))
        let fraction = try #require(try range("2020-03-04T10:30:15.250-05:00"))
        #expect(abs(fraction.low.timeIntervalSince(instant("2020-03-04T15:30:15.250Z"))) < 0.000_001)
        #expect(abs(fraction.high.timeIntervalSince(fraction.low) - 0.001) < 0.000_001)
        for comparator in SearchComparator.allCases {
            #expect(try range("\(comparator.rawValue)1999")?.comparator == comparator)
        }
    }

    @Test func invalidDatesAreRefused() throws {
        for value in ["2020-13", "2019-02-29", "20", "2020-1", "2020-01-01T10", "2020-01-01T25:00", "2020-01-01T10:00+15:00", "xx2020", "2020-01-01Z", "ge"] {
            let error = try #require(try ParserFixture.failure("Patient", "birthdate=\(value)"), "\(value)")
            #expect(error.status == 400)
            #expect(error.message == "The date '\(value)' of 'birthdate' is not a valid FHIR date")
            #expect(error.expression == ["birthdate"])
        }
    }

    // MARK: number

    @Test func numbersCarryTheRangeOfTheirSignificantDigits() throws {
        func number(_ value: String) throws -> NumberCriterion? {
            guard case .number(_, let criteria)? = try ParserFixture.condition("RiskAssessment", "probability=\(value)") else { return nil }
            return criteria.first
        }
        #expect(try number("100") == NumberCriterion(comparator: .eq, value: 100, low: decimal("99.5"), high: decimal("100.5")))
        #expect(try number("100.0") == NumberCriterion(comparator: .eq, value: 100, low: decimal("99.95"), high: decimal("100.05")))
        #expect(try number("1e2") == NumberCriterion(comparator: .eq, value: 100, low: 50, high: 150))
        #expect(try number("gt0.25") == NumberCriterion(comparator: .gt, value: decimal("0.25"), low: decimal("0.245"), high: decimal("0.255")))
        #expect(try number("-1.5E-1") == NumberCriterion(comparator: .eq, value: decimal("-0.15"), low: decimal("-0.155"), high: decimal("-0.145")))
        #expect(try number("ap0") == NumberCriterion(comparator: .ap, value: 0, low: decimal("-0.5"), high: decimal("0.5")))
        for value in ["abc", "1.", ".5", "1e", "1.5.5", "--1", "1e999"] {
            let error = try #require(try ParserFixture.failure("RiskAssessment", "probability=\(value)"), "\(value)")
            #expect(error.message.contains("is not a valid decimal"))
        }
    }

    // MARK: quantity

    @Test func quantityForms() throws {
        func quantity(_ value: String) throws -> QuantityCriterion? {
            guard case .quantity(_, let criteria)? = try ParserFixture.condition("Observation", "value-quantity=\(value)") else { return nil }
            return criteria.first
        }
        let plain = try #require(try quantity("5.4"))
        #expect(plain.number == NumberCriterion(comparator: .eq, value: decimal("5.4"), low: decimal("5.35"), high: decimal("5.45")))
        #expect(plain.system == nil && plain.code == nil && plain.canonical == nil)
        let codeOnly = try #require(try quantity("lt5.4||mg"))
        #expect(codeOnly.number.comparator == .lt)
        #expect(codeOnly.system == nil && codeOnly.code == "mg" && codeOnly.canonical == nil)
        let other = try #require(try quantity("5.4|http://example.org/units|mg"))
        #expect(other.system == "http://example.org/units" && other.code == "mg" && other.canonical == nil)
        let unknownUnit = try #require(try quantity("5.4|http://unitsofmeasure.org|furlongs"))
        #expect(unknownUnit.canonical == nil)
        for value in ["abc", "5.4|mg", "5|a|b|c", "|http://unitsofmeasure.org|mg"] {
            let error = try #require(try ParserFixture.failure("Observation", "value-quantity=\(value)"), "\(value)")
            #expect(error.message.contains("is not valid"))
        }
    }

    @Test func ucumQuantitiesHaveTheirCanonicalForm() throws {
        func quantity(_ value: String) throws -> QuantityCriterion? {
            guard case .quantity(_, let criteria)? = try ParserFixture.condition("Observation", "value-quantity=\(value)") else { return nil }
            return criteria.first
        }
        let milligrams = try #require(try quantity("ge150|http://unitsofmeasure.org|mg/dL"))
        let grams = try #require(try quantity("1.5|http://unitsofmeasure.org|g/L"))
        let milligramsCanonical = try #require(milligrams.canonical)
        let gramsCanonical = try #require(grams.canonical)
        #expect(milligramsCanonical.number.value == gramsCanonical.number.value)
        #expect(milligramsCanonical.code == gramsCanonical.code)
        #expect(milligramsCanonical.number.comparator == .ge)
        #expect(milligramsCanonical.number.low < milligramsCanonical.number.value && milligramsCanonical.number.value < milligramsCanonical.number.high)
        #expect(milligrams.number.value == 150 && milligrams.code == "mg/dL")
        let celsius = try #require(try quantity("37|http://unitsofmeasure.org|Cel").flatMap(\.canonical))
        #expect(celsius.number.value == decimal("310.15"))
        #expect(celsius.code == "K")
    }

    // MARK: reference

    @Test func referenceForms() throws {
        func references(_ resourceType: String, _ query: String) throws -> [ReferenceCriterion] {
            guard case .reference(_, let criteria)? = try ParserFixture.condition(resourceType, query) else { return [] }
            return criteria
        }
        #expect(try references("Observation", "subject=Patient/123") == [.local(type: "Patient", id: "123")])
        #expect(try references("Observation", "subject=123") == [.local(type: nil, id: "123")])
        #expect(try references("Observation", "subject:Patient=123") == [.local(type: "Patient", id: "123")])
        #expect(try references("Patient", "organization=123") == [.local(type: "Organization", id: "123")])
        #expect(try references("Observation", "patient=123") == [.local(type: nil, id: "123")])
        #expect(try references("Observation", "subject=Patient/123/_history/4") == [.local(type: "Patient", id: "123")])
        #expect(try references("Observation", "subject=\(ParserFixture.baseURL)/Patient/9") == [.local(type: "Patient", id: "9")])
        #expect(try references("Observation", "subject=\(ParserFixture.baseURL)/Patient/9/_history/2") == [.local(type: "Patient", id: "9")])
        #expect(try references("Observation", "subject=https://elsewhere.example/fhir/Patient/9") == [.url("https://elsewhere.example/fhir/Patient/9")])
        #expect(try references("Observation", "subject=urn:uuid:0c3151bd-1cbf-4d64-b04d-cd9187a4c6e0") == [.url("urn:uuid:0c3151bd-1cbf-4d64-b04d-cd9187a4c6e0")])
        #expect(try references("Observation", "subject:identifier=http://hospital.org/mrn|12345") == [.identifier(TokenCriterion(system: "http://hospital.org/mrn", code: "12345"))])
        #expect(try references("Observation", "subject=Patient/1,Group/2") == [.local(type: "Patient", id: "1"), .local(type: "Group", id: "2")])
    }

    @Test func invalidReferencesAreRefused() throws {
        let wrongModifier = try #require(try ParserFixture.failure("Observation", "subject:Medication=123"))
        #expect(wrongModifier.status == 400)
        #expect(wrongModifier.message.contains("cannot refer to Medication"))
        let lenient = try ParserFixture.failure("Observation", "subject:Medication=123", handling: .lenient)
        #expect(lenient?.status == 400)
        #expect(try ParserFixture.failure("Observation", "subject=Spaceship/1")?.message.contains("not a resource type") == true)
        #expect(try ParserFixture.failure("Observation", "subject=Medication/1")?.message.contains("refers only to") == true)
        #expect(try ParserFixture.failure("Observation", "subject:Patient=Group/1")?.status == 400)
        #expect(try ParserFixture.failure("Observation", "subject=Patient/1/2")?.status == 400)
    }

    // MARK: uri, composite, missing

    @Test func uriMatches() throws {
        #expect(try ParserFixture.condition("ValueSet", "url=http://a.org/vs") == .uri(parameter: "url", [URICriterion(value: "http://a.org/vs", match: .exact)]))
        #expect(try ParserFixture.condition("ValueSet", "url:below=http://a.org/") == .uri(parameter: "url", [URICriterion(value: "http://a.org/", match: .below)]))
        #expect(try ParserFixture.condition("ValueSet", "url:above=http://a.org/vs/1") == .uri(parameter: "url", [URICriterion(value: "http://a.org/vs/1", match: .above)]))
    }

    @Test func compositesSplitOnTheDollarSign() throws {
        guard case .composite(let code, let criteria)? = try ParserFixture.condition("Observation", "code-value-quantity=http://loinc.org|8480-6$gt100|http://unitsofmeasure.org|mm[Hg],http://loinc.org|8462-4$lt90") else {
            Issue.record("no composite condition")
            return
        }
        #expect(code == "code-value-quantity")
        #expect(criteria.count == 2)
        #expect(criteria[0].token == TokenCriterion(system: "http://loinc.org", code: "8480-6"))
        guard case .quantity(let quantity) = criteria[0].value else {
            Issue.record("not a quantity")
            return
        }
        #expect(quantity.number.comparator == .gt && quantity.number.value == 100 && quantity.code == "mm[Hg]" && quantity.canonical != nil)
        #expect(try ParserFixture.condition("Observation", "code-value-concept=http://loinc.org|1234-5$http://snomed.info/sct|123") == .composite(parameter: "code-value-concept", [
            CompositeCriterion(token: TokenCriterion(system: "http://loinc.org", code: "1234-5"), value: .token(TokenCriterion(system: "http://snomed.info/sct", code: "123"))),
        ]))
        #expect(try ParserFixture.condition("Observation", "code-value-date=1234-5$ge2020") == .composite(parameter: "code-value-date", [
            CompositeCriterion(token: TokenCriterion(system: nil, code: "1234-5"), value: .date(DateCriterion(comparator: .ge, low: instant("2020-01-01T00:00:00Z"), high: instant("2021-01-01T00:00:00Z")))),
        ]))
        #expect(try ParserFixture.condition("Observation", "code-value-string=1234-5$Posi\\$tive") == .composite(parameter: "code-value-string", [
            CompositeCriterion(token: TokenCriterion(system: nil, code: "1234-5"), value: .string(StringCriterion(value: "posi$tive", match: .startsWith))),
        ]))
        for value in ["1234-5", "a$b$c", "$5"] {
            #expect(try ParserFixture.failure("Observation", "code-value-quantity=\(value)")?.status == 400, "\(value)")
        }
    }

    @Test func missingOnEveryType() throws {
        #expect(try ParserFixture.condition("Patient", "name:missing=true") == .missing(parameter: "name", storage: .string, missing: true))
        #expect(try ParserFixture.condition("Patient", "birthdate:missing=false") == .missing(parameter: "birthdate", storage: .date, missing: false))
        #expect(try ParserFixture.condition("Observation", "subject:missing=true") == .missing(parameter: "subject", storage: .reference, missing: true))
        #expect(try ParserFixture.condition("Observation", "code-value-quantity:missing=true") == .missing(parameter: "code-value-quantity", storage: .composite, missing: true))
        #expect(try ParserFixture.condition("Observation", "code:missing=false") == .missing(parameter: "code", storage: .token, missing: false))
        let error = try #require(try ParserFixture.failure("Patient", "name:missing=yes"))
        #expect(error.status == 400)
        #expect(error.message.contains("true or false"))
    }
}
