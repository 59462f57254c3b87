import FHIRModel
import FHIRSearch
import Testing

@Suite struct SearchQueryParserTerminologyTests {
    private static let icd10 = "http://hl7.org/fhir/sid/icd-10-cm"

    @Test func belowGivesTheCodeAndItsDescendants() throws {
        guard case .token(let parameter, let criteria, let negated)? = try ParserFixture.condition("Condition", "code:below=\(Self.icd10)|E11") else {
            Issue.record("no token condition")
            return
        }
        #expect(parameter == "code")
        #expect(!negated)
        #expect(criteria.count > 3)
        #expect(criteria.first == TokenCriterion(system: Self.icd10, code: "E11"))
        #expect(criteria.contains(TokenCriterion(system: Self.icd10, code: "E11.9")))
        #expect(criteria.allSatisfy { $0.system == Self.icd10 && $0.code?.hasPrefix("E11") == true })
    }

    @Test func aboveGivesTheCodeAndItsAncestors() throws {
        guard case .token(_, let criteria, false)? = try ParserFixture.condition("Condition", "code:above=\(Self.icd10)|E11.9") else {
            Issue.record("no token condition")
            return
        }
        #expect(criteria.first == TokenCriterion(system: Self.icd10, code: "E11.9"))
        #expect(criteria.contains(TokenCriterion(system: Self.icd10, code: "E11")))
    }

    @Test func inAndNotInExpandTheValueSet() throws {
        let valueSet = "http://hl7.org/fhir/ValueSet/administrative-gender"
        let genders = Set(["male", "female", "other", "unknown"].map { TokenCriterion(system: "http://hl7.org/fhir/administrative-gender", code: $0) })
        guard case .token("gender", let included, false)? = try ParserFixture.condition("Patient", "gender:in=\(valueSet)") else {
            Issue.record("no :in condition")
            return
        }
        #expect(Set(included) == genders)
        guard case .token("gender", let excluded, true)? = try ParserFixture.condition("Patient", "gender:not-in=\(valueSet)") else {
            Issue.record("no :not-in condition")
            return
        }
        #expect(Set(excluded) == genders)
    }

    @Test func terminologyFailuresAreBadRequests() throws {
        let unknownCode = try #require(try ParserFixture.failure("Condition", "code:below=\(Self.icd10)|NOPE"))
        #expect(unknownCode.status == 400)
        #expect(unknownCode.message.contains("'NOPE' is not a code of"))
        #expect(unknownCode.expression == ["code:below"])
        let noSystem = try #require(try ParserFixture.failure("Condition", "code:below=E11"))
        #expect(noSystem.status == 400)
        #expect(noSystem.message.contains("system|code"))
        let unknownValueSet = try #require(try ParserFixture.failure("Patient", "gender:in=http://example.org/ValueSet/none"))
        #expect(unknownValueSet.status == 400)
        let lenient = try ParserFixture.failure("Condition", "code:below=\(Self.icd10)|NOPE", handling: .lenient)
        #expect(lenient?.status == 400)
    }

    @Test func tooManyCodesAreRefused() throws {
        let parser = try ParserFixture.parser(limits: SearchLimits(maximumValuesPerParameter: 2))
        let error = try #require(try ParserFixture.failure("Condition", "code:below=\(Self.icd10)|E11", parser: parser))
        #expect(error.status == 400)
        #expect(error.issues.first?.code == .tooCostly)
    }

    @Test func withoutTerminologyTheModifiersAreNotAvailable() throws {
        let parser = try ParserFixture.parser(withTerminology: false)
        let error = try #require(try ParserFixture.failure("Condition", "code:below=\(Self.icd10)|E11", parser: parser))
        #expect(error.status == 400)
        #expect(error.message.contains("not available"))
        let lenient = try ParserFixture.parse("Condition", "code:below=\(Self.icd10)|E11", handling: .lenient, parser: parser)
        #expect(lenient.conditions.isEmpty)
        #expect(lenient.ignored.map(\.name) == ["code:below"])
    }
}
