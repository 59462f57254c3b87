import FHIRDefinitions
import Testing

@Suite struct SearchParameterTests {
    @Test func allBaseParametersOfTheSpecificationAreLoaded() throws {
        let catalog = try catalog()
        #expect(catalog.searchParameters.count == 1375)
        #expect(Set(catalog.searchParameters.map(\.url)).count == 1375)
    }

    @Test func observationCodeIsATokenOnObservationCode() throws {
        let code = try #require(try catalog().searchParameter(named: "code", for: "Observation"))
        #expect(code.type == .token)
        #expect(code.expression(for: "Observation") == "Observation.code")
        #expect(code.base.contains("Observation"))
        #expect(code.xpathUsage == .normal)
    }

    @Test func observationSubjectIsAReferenceWithTargets() throws {
        let subject = try #require(try catalog().searchParameter(named: "subject", for: "Observation"))
        #expect(subject.type == .reference)
        #expect(subject.expression == "Observation.subject")
        #expect(subject.targets.contains("Patient"))
        #expect(subject.targets.contains("Group"))
    }

    @Test func resourceParametersApplyToEveryResourceType() throws {
        let catalog = try catalog()
        let observation = catalog.searchParameters(for: "Observation").map(\.code)
        for code in ["_id", "_lastUpdated", "_profile", "_security", "_tag", "_text", "code", "subject"] {
            #expect(observation.contains(code), "\(code)")
        }
        #expect(catalog.searchParameter(named: "_id", for: "Observation")?.expression == "Resource.id")
        #expect(catalog.searchParameter(named: "_lastUpdated", for: "Patient")?.type == .date)
        #expect(catalog.searchParameter(named: "_id", for: "Bundle") != nil)
    }

    @Test func domainResourceParametersDoNotApplyToBundle() throws {
        let catalog = try catalog()
        #expect(catalog.searchParameter(named: "_text", for: "Bundle") == nil)
        #expect(catalog.searchParameter(named: "_text", for: "Patient") != nil)
    }

    @Test func eachResourceTypeHasEachCodeOnce() throws {
        let catalog = try catalog()
        for type in catalog.typeModel.resourceTypeNames {
            let codes = catalog.searchParameters(for: type).map(\.code)
            #expect(codes.count == Set(codes).count, "\(type)")
        }
        #expect(catalog.searchParameters(for: "Unknown").isEmpty)
    }

    @Test func orderedParametersListTheirComparators() throws {
        let date = try #require(try catalog().searchParameter(named: "date", for: "Observation"))
        #expect(date.type == .date)
        #expect(date.comparators.contains(.ge))
        #expect(date.comparators.contains(.ap))
    }

    @Test func compositeParametersListTheirComponents() throws {
        let catalog = try catalog()
        let composite = try #require(catalog.searchParameter(named: "code-value-quantity", for: "Observation"))
        #expect(composite.type == .composite)
        #expect(composite.components.map(\.expression) == ["code", "value.as(Quantity)"])
        for component in composite.components {
            #expect(catalog.searchParameter(url: component.definition) != nil, "\(component.definition)")
        }
    }

    @Test func nonNormalPathUsageIsKept() throws {
        let near = try #require(try catalog().searchParameter(named: "near", for: "Location"))
        #expect(near.type == .special)
        #expect(near.xpathUsage == .nearby)
        #expect(try catalog().searchParameter(named: "phonetic", for: "Patient")?.xpathUsage == .phonetic)
    }
}
