import FHIRDefinitions
import FHIRModel
import FHIRSearch
import Foundation
import Testing

@Suite struct SearchQueryParserResultParameterTests {
    @Test func countDefaultsAndIsLoweredToTheMaximum() throws {
        let parser = try ParserFixture.parser(limits: SearchLimits(defaultCount: 25, maximumCount: 100))
        #expect(try ParserFixture.parse("Patient", "name=x", parser: parser).count == 25)
        #expect(try ParserFixture.parse("Patient", "_count=0", parser: parser).count == 0)
        #expect(try ParserFixture.parse("Patient", "_count=40", parser: parser).count == 40)
        #expect(try ParserFixture.parse("Patient", "_count=5000", parser: parser).count == 100)
        #expect(try ParserFixture.parse("Patient", "_count=99999999999999999999999", parser: parser).count == 100)
        for value in ["-1", "ten", "1.5", "+3"] {
            let error = try #require(try ParserFixture.failure("Patient", "_count=\(value)", parser: parser), "\(value)")
            #expect(error.message.contains("'_count' takes a whole number"))
        }
        #expect(try ParserFixture.failure("Patient", "_count=1&_count=2")?.message.contains("only once") == true)
    }

    @Test func sortKeys() throws {
        let query = try ParserFixture.parse("Observation", "_sort=-date,_id,code,-_lastUpdated,subject,value-quantity")
        #expect(query.sort == [
            SortKey(parameter: "date", type: .date, descending: true),
            SortKey(parameter: "_id", type: .id, descending: false),
            SortKey(parameter: "code", type: .token, descending: false),
            SortKey(parameter: "_lastUpdated", type: .lastUpdated, descending: true),
            SortKey(parameter: "subject", type: .reference, descending: false),
            SortKey(parameter: "value-quantity", type: .quantity, descending: false),
        ])
        #expect(try ParserFixture.parse("Patient", "_sort=name,_profile").sort.map(\.type) == [.string, .uri])
        #expect(try ParserFixture.parse("RiskAssessment", "_sort=probability").sort.map(\.type) == [.number])
        let composite = try #require(try ParserFixture.failure("Observation", "_sort=code-value-quantity"))
        #expect(composite.status == 400)
        #expect(composite.message.contains("composite"))
        #expect(try ParserFixture.failure("Observation", "_sort=code-value-quantity", handling: .lenient)?.status == 400)
        let unknown = try #require(try ParserFixture.failure("Observation", "_sort=nonsense"))
        #expect(unknown.message == "Unknown search parameter 'nonsense' for Observation")
        let lenient = try ParserFixture.parse("Observation", "_sort=nonsense", handling: .lenient)
        #expect(lenient.sort.isEmpty)
        #expect(lenient.ignored.map(\.name) == ["_sort"])
    }

    @Test func totalSummaryAndElements() throws {
        let query = try ParserFixture.parse("Patient", "_total=accurate&_summary=count&_elements=identifier,name,identifier")
        #expect(query.total == .accurate)
        #expect(query.summary == .count)
        #expect(query.elements == ["identifier", "name"])
        let defaults = try ParserFixture.parse("Patient", "")
        #expect(defaults.total == .none && defaults.summary == .false && defaults.elements.isEmpty)
        #expect(try ParserFixture.failure("Patient", "_total=all")?.message.contains("none, estimate or accurate") == true)
        #expect(try ParserFixture.failure("Patient", "_summary=yes")?.message.contains("true, text, data, count or false") == true)
        #expect(try ParserFixture.failure("Patient", "_elements=name.given")?.message.contains("top-level element names") == true)
    }

    @Test func formatAndPrettyAreAcceptedWithoutConditions() throws {
        let query = try ParserFixture.parse("Patient", "_format=application/fhir+json&_pretty=true")
        #expect(query.conditions.isEmpty)
        #expect(query.ignored.isEmpty)
        #expect(query.linkParameters.map(\.name) == ["_format", "_pretty"])
    }

    @Test func includes() throws {
        let query = try ParserFixture.parse(
            "Observation",
            "_include=Observation:subject&_include=Observation:subject:Patient&_include:iterate=Patient:general-practitioner&_include:recurse=Patient:organization&_include=*&_include=Observation:*"
        )
        #expect(query.includes == [
            IncludeDirective(sourceType: "Observation", parameter: "subject", targetType: nil, iterate: false),
            IncludeDirective(sourceType: "Observation", parameter: "subject", targetType: "Patient", iterate: false),
            IncludeDirective(sourceType: "Patient", parameter: "general-practitioner", targetType: nil, iterate: true),
            IncludeDirective(sourceType: "Patient", parameter: "organization", targetType: nil, iterate: true),
            IncludeDirective(sourceType: "Observation", parameter: nil, targetType: nil, iterate: false),
            IncludeDirective(sourceType: "Observation", parameter: nil, targetType: nil, iterate: false),
        ])
    }

    @Test func invalidIncludesAreRefused() throws {
        let otherSource = try #require(try ParserFixture.failure("Observation", "_include=Patient:organization"))
        #expect(otherSource.status == 400)
        #expect(otherSource.message.contains("_include:iterate"))
        #expect(try ParserFixture.failure("Observation", "_include=Observation:code")?.message.contains("not a reference") == true)
        #expect(try ParserFixture.failure("Observation", "_include=Observation:subject:Medication")?.message.contains("cannot refer to Medication") == true)
        #expect(try ParserFixture.failure("Observation", "_include=Observation")?.message.contains("SourceType:parameter") == true)
        #expect(try ParserFixture.failure("Observation", "_include=Spaceship:x")?.message.contains("not a resource type") == true)
        #expect(try ParserFixture.failure("Observation", "_include=Observation:nonsense")?.message == "Unknown search parameter 'nonsense' for Observation")
        #expect(try ParserFixture.failure("Observation", "_include:deep=Observation:subject")?.status == 400)
    }

    @Test func revIncludes() throws {
        let query = try ParserFixture.parse("Patient", "_revinclude=Observation:subject&_revinclude=Provenance:target:Patient&_revinclude:iterate=Observation:has-member")
        #expect(query.revIncludes == [
            IncludeDirective(sourceType: "Observation", parameter: "subject", targetType: nil, iterate: false),
            IncludeDirective(sourceType: "Provenance", parameter: "target", targetType: "Patient", iterate: false),
            IncludeDirective(sourceType: "Observation", parameter: "has-member", targetType: nil, iterate: true),
        ])
        let cannotTarget = try #require(try ParserFixture.failure("Patient", "_revinclude=Observation:encounter"))
        #expect(cannotTarget.status == 400)
        #expect(cannotTarget.message.contains("cannot refer to Patient"))
        #expect(try ParserFixture.failure("Patient", "_revinclude=*")?.status == 400)
    }

    @Test func cursorRoundTrip() throws {
        let parser = try ParserFixture.parser()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let first = try ParserFixture.parse("Observation", "code=1234-5&_sort=-date&_count=10", now: now, parser: parser)
        #expect(first.cursor == nil)
        let cursor = PageCursor(anchor: 42, direction: .next, issuedAt: 1_800_000_000, queryDigest: first.digest)
        let next = try ParserFixture.parse("Observation", "code=1234-5&_sort=-date&_count=10&_cursor=\(cursor.encoded)", now: now.addingTimeInterval(60), parser: parser)
        #expect(next.cursor == cursor)
        #expect(next.linkParameters == first.linkParameters)
        #expect(next.digest == first.digest)
    }

    @Test func cursorOfAnotherSearchIsRefused() throws {
        let parser = try ParserFixture.parser()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let other = try ParserFixture.parse("Observation", "code=9999-9", now: now, parser: parser)
        let cursor = PageCursor(anchor: 42, direction: .next, issuedAt: 1_800_000_000, queryDigest: other.digest)
        let error = try #require(try ParserFixture.failure("Observation", "code=1234-5&_cursor=\(cursor.encoded)", now: now, parser: parser))
        #expect(error.status == 400)
        #expect(error.message.contains("belongs to another search"))
        #expect(error.expression == ["_cursor"])
    }

    @Test func expiredCursorIsRefused() throws {
        let parser = try ParserFixture.parser(limits: SearchLimits(cursorLifetime: 600))
        let issued = Date(timeIntervalSince1970: 1_800_000_000)
        let query = try ParserFixture.parse("Observation", "code=1234-5", now: issued, parser: parser)
        let cursor = PageCursor(anchor: 1, direction: .previous, issuedAt: 1_800_000_000, queryDigest: query.digest)
        let text = "code=1234-5&_cursor=\(cursor.encoded)"
        #expect(try ParserFixture.parse("Observation", text, now: issued.addingTimeInterval(600), parser: parser).cursor == cursor)
        let error = try #require(try ParserFixture.failure("Observation", text, now: issued.addingTimeInterval(601), parser: parser))
        #expect(error.status == 400)
        #expect(error.message.contains("has expired; run the search again"))
    }

    @Test func malformedCursorIsRefused() throws {
        let error = try #require(try ParserFixture.failure("Observation", "_cursor=garbage", handling: .lenient))
        #expect(error.status == 400)
        #expect(error.message.contains("not a valid page link"))
    }
}

@Suite struct SearchQueryParserSystemLevelTests {
    @Test func typeListsTheSearchedTypes() throws {
        let query = try ParserFixture.parse(nil, "_type=Patient,Observation,Patient&_lastUpdated=ge2024&_tag=http://a.org|x")
        #expect(query.isSystemLevel)
        #expect(query.resourceTypes == ["Patient", "Observation"])
        #expect(query.conditions.count == 2)
        #expect(query.conditions.last == .token(parameter: "_tag", [TokenCriterion(system: "http://a.org", code: "x")], negated: false))
        #expect(query.linkParameters.first == QueryParameter(name: "_type", value: "Patient,Observation,Patient"))
    }

    @Test func conditionsMustExistWithTheSameTypeOnEverySearchedType() throws {
        #expect(try ParserFixture.parse(nil, "_type=Observation,Condition&code=1234-5").conditions == [
            .token(parameter: "code", [TokenCriterion(system: nil, code: "1234-5")], negated: false),
        ])
        let missing = try #require(try ParserFixture.failure(nil, "_type=Patient,Observation&code=1234-5"))
        #expect(missing.status == 400)
        #expect(missing.message == "Unknown search parameter 'code' for Patient")
        let differentTypes = try #require(try ParserFixture.failure(nil, "_type=Observation,Task&identifier=x&performer=Practitioner/1"))
        #expect(differentTypes.status == 400)
        #expect(differentTypes.message.contains("reference parameter of Observation but a token parameter of Task"))
    }

    @Test func withoutTypeOnlyCommonParametersAreSearched() throws {
        let query = try ParserFixture.parse(nil, "_id=1&_lastUpdated=lt2024&_profile=http://a.org/p&_security=http://s|R&_source=http://src&_sort=-_lastUpdated")
        #expect(query.resourceTypes.isEmpty)
        #expect(query.isSystemLevel)
        #expect(query.conditions.count == 5)
        #expect(query.sort == [SortKey(parameter: "_lastUpdated", type: .lastUpdated, descending: true)])
        let error = try #require(try ParserFixture.failure(nil, "name=smith"))
        #expect(error.status == 400)
        #expect(error.message.contains("_type"))
        let lenient = try ParserFixture.parse(nil, "name=smith&_id=1", handling: .lenient)
        #expect(lenient.conditions == [.id(["1"])])
        #expect(lenient.ignored.map(\.name) == ["name"])
    }

    @Test func typeIsRefusedOnATypeLevelSearchAndForUnknownTypes() throws {
        let typeLevel = try #require(try ParserFixture.failure("Patient", "_type=Patient"))
        #expect(typeLevel.status == 400)
        #expect(typeLevel.message.contains("_type"))
        let unknown = try #require(try ParserFixture.failure(nil, "_type=Patient,Spaceship"))
        #expect(unknown.message.contains("'Spaceship'"))
        #expect(try ParserFixture.failure(nil, "_type=Resource")?.status == 400)
    }

    @Test func systemLevelIncludes() throws {
        let query = try ParserFixture.parse(nil, "_type=Observation,Condition&_include=Observation:subject&_include=*")
        #expect(query.includes.map(\.sourceType) == ["Observation", "Observation", "Condition"])
        #expect(try ParserFixture.failure(nil, "_type=Observation&_include=Patient:organization")?.status == 400)
        #expect(try ParserFixture.parse(nil, "_include=Patient:organization").includes.count == 1)
        #expect(try ParserFixture.failure(nil, "_include=*")?.status == 400)
    }
}
