import FHIRModel
import FHIRSearch
import Testing

@Suite struct SearchQueryParserChainTests {
    private let smith = SearchCondition.string(parameter: "name", [StringCriterion(value: "smith", match: .startsWith)])

    @Test func chainWithATypeModifier() throws {
        #expect(try ParserFixture.condition("Observation", "subject:Patient.name=Smith") == .chain(parameter: "subject", targetTypes: ["Patient"], condition: smith))
    }

    @Test func chainWithoutATypeGoesToEveryTargetThatHasTheParameter() throws {
        guard case .chain("subject", let targetTypes, let condition)? = try ParserFixture.condition("Observation", "subject.name=Smith") else {
            Issue.record("no chain")
            return
        }
        #expect(targetTypes.contains("Patient"))
        #expect(!targetTypes.contains("Device"))
        #expect(condition == smith)
        #expect(try ParserFixture.condition("Observation", "patient.birthdate=ge2000") != nil)
    }

    @Test func innerConditionUsesTheTargetsOwnParameterAndModifiers() throws {
        #expect(try ParserFixture.condition("Observation", "subject:Patient.name:exact=Smith") == .chain(
            parameter: "subject", targetTypes: ["Patient"], condition: .string(parameter: "name", [StringCriterion(value: "Smith", match: .exact)])
        ))
        #expect(try ParserFixture.condition("Observation", "patient.gender:not=male") == .chain(
            parameter: "patient", targetTypes: ["Patient"], condition: .token(parameter: "gender", [TokenCriterion(system: nil, code: "male")], negated: true)
        ))
    }

    @Test func twoLevelChain() throws {
        guard case .chain("patient", ["Patient"], .chain("general-practitioner", let targets, let inner))? = try ParserFixture.condition("Observation", "patient.general-practitioner.name=smith") else {
            Issue.record("no two-level chain")
            return
        }
        #expect(targets.contains("Practitioner") && targets.contains("Organization"))
        #expect(!targets.contains("PractitionerRole"))
        #expect(inner == smith)
    }

    @Test func chainsDeeperThanTwoLevelsAreRefused() throws {
        let error = try #require(try ParserFixture.failure("Observation", "patient.general-practitioner.organization.name=x"))
        #expect(error.status == 400)
        #expect(error.message.contains("at most two levels"))
        #expect(try ParserFixture.failure("Observation", "patient.general-practitioner.organization.name=x", handling: .lenient)?.status == 400)
    }

    @Test func chainsThatCannotBeResolvedAreRefused() throws {
        let noTarget = try #require(try ParserFixture.failure("Observation", "subject.nonsense=x"))
        #expect(noTarget.status == 400)
        #expect(noTarget.message.contains("nonsense"))
        let notReference = try #require(try ParserFixture.failure("Observation", "code.name=x"))
        #expect(notReference.message.contains("not a reference"))
        let wrongType = try #require(try ParserFixture.failure("Observation", "subject:Medication.code=x"))
        #expect(wrongType.message.contains("cannot refer to 'Medication'"))
        let notAType = try #require(try ParserFixture.failure("Observation", "subject:missing.name=x"))
        #expect(notAType.message.contains("only a resource type may follow 'subject:'"))
    }

    @Test func reverseChain() throws {
        #expect(try ParserFixture.condition("Patient", "_has:Observation:patient:code=1234-5") == .reverseChain(
            sourceType: "Observation", parameter: "patient", condition: .token(parameter: "code", [TokenCriterion(system: nil, code: "1234-5")], negated: false)
        ))
        #expect(try ParserFixture.condition("Patient", "_has:Observation:subject:date=ge2020") != nil)
    }

    @Test func nestedReverseChain() throws {
        let condition = try ParserFixture.condition("Patient", "_has:Observation:patient:_has:AuditEvent:entity:agent=Practitioner/1")
        #expect(condition == .reverseChain(
            sourceType: "Observation",
            parameter: "patient",
            condition: .reverseChain(sourceType: "AuditEvent", parameter: "entity", condition: .reference(parameter: "agent", [.local(type: "Practitioner", id: "1")]))
        ))
        let tooDeep = try #require(try ParserFixture.failure("Patient", "_has:Observation:patient:_has:AuditEvent:entity:_has:Provenance:target:agent=x"))
        #expect(tooDeep.message.contains("at most two levels"))
    }

    @Test func reverseChainWithAChainInside() throws {
        #expect(try ParserFixture.condition("Patient", "_has:Observation:patient:performer:Practitioner.name=smith") == .reverseChain(
            sourceType: "Observation", parameter: "patient",
            condition: .chain(parameter: "performer", targetTypes: ["Practitioner"], condition: smith)
        ))
    }

    @Test func invalidReverseChainsAreRefused() throws {
        let notTargeting = try #require(try ParserFixture.failure("Patient", "_has:Observation:encounter:code=1"))
        #expect(notTargeting.status == 400)
        #expect(notTargeting.message.contains("cannot refer to Patient"))
        #expect(try ParserFixture.failure("Patient", "_has:Spaceship:patient:code=1")?.message.contains("not a resource type") == true)
        #expect(try ParserFixture.failure("Patient", "_has:Observation:patient=1")?.message.contains("_has:Type:parameter:condition") == true)
        #expect(try ParserFixture.failure("Patient", "_has:Observation:code:code=1")?.message.contains("not a reference") == true)
        let unknown = try #require(try ParserFixture.failure("Patient", "_has:Observation:patient:nonsense=1"))
        #expect(unknown.message == "Unknown search parameter 'nonsense' for Observation")
    }
}
