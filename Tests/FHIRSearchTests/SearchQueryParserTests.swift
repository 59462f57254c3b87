import FHIRDefinitions
import FHIRModel
import FHIRSearch
import Foundation
import Testing

@Suite struct SearchQueryParserTests {
    @Test func repeatedParametersAreSeparateConditionsInOrder() throws {
        let query = try ParserFixture.parse("Patient", "name=eve&gender=female&name=adams")
        #expect(query.conditions == [
            .string(parameter: "name", [StringCriterion(value: "eve", match: .startsWith)]),
            .token(parameter: "gender", [TokenCriterion(system: nil, code: "female")], negated: false),
            .string(parameter: "name", [StringCriterion(value: "adams", match: .startsWith)]),
        ])
        #expect(query.resourceTypes == ["Patient"])
        #expect(!query.isSystemLevel)
    }

    @Test func commasCombineValuesAndEscapesKeepSeparatorsInValues() throws {
        #expect(try ParserFixture.condition("Patient", "name=eve,adam") == .string(parameter: "name", [
            StringCriterion(value: "eve", match: .startsWith), StringCriterion(value: "adam", match: .startsWith),
        ]))
        #expect(try ParserFixture.condition("Patient", #"name:exact=Smith\,John"#) == .string(parameter: "name", [
            StringCriterion(value: "Smith,John", match: .exact),
        ]))
        #expect(try ParserFixture.condition("Observation", #"code=http://x.org|a\|b,c"#) == .token(parameter: "code", [
            TokenCriterion(system: "http://x.org", code: "a|b"), TokenCriterion(system: nil, code: "c"),
        ], negated: false))
        #expect(try ParserFixture.condition("Patient", #"name:exact=a\$b\\c"#) == .string(parameter: "name", [
            StringCriterion(value: #"a$b\c"#, match: .exact),
        ]))
    }

    @Test func emptyValuesAreIgnoredAndEmptyParametersDropped() throws {
        let query = try ParserFixture.parse("Patient", "name=&gender=male,,female&family=,")
        #expect(query.conditions == [
            .token(parameter: "gender", [TokenCriterion(system: nil, code: "male"), TokenCriterion(system: nil, code: "female")], negated: false),
        ])
        #expect(query.linkParameters == [QueryParameter(name: "gender", value: "male,,female")])
    }

    @Test func tooManyValuesAreRefused() throws {
        let parser = try ParserFixture.parser(limits: SearchLimits(maximumValuesPerParameter: 3))
        #expect(try ParserFixture.condition("Patient", "_id=a,b,c", parser: parser) == .id(["a", "b", "c"]))
        let error = try #require(try ParserFixture.failure("Patient", "_id=a,b,c,d", parser: parser))
        #expect(error.status == 400)
        #expect(error.message.contains("at most 3"))
        #expect(error.expression == ["_id"])
        let lenient = try ParserFixture.failure("Patient", "_id=a,b,c,d", handling: .lenient, parser: parser)
        #expect(lenient?.status == 400)
    }

    @Test func idAndLastUpdatedHaveTheirOwnConditions() throws {
        #expect(try ParserFixture.condition("Patient", "_id=123,456") == .id(["123", "456"]))
        #expect(try ParserFixture.condition("Patient", "_lastUpdated=ge2024-05") == .lastUpdated([
            DateCriterion(comparator: .ge, low: ParserFixture.instant("2024-05-01T00:00:00Z"), high: ParserFixture.instant("2024-06-01T00:00:00Z")),
        ]))
    }

    @Test func idTakesNoModifiers() throws {
        for query in ["_id:not=1", "_id:missing=true", "_id:exact=1"] {
            let error = try #require(try ParserFixture.failure("Patient", query), "\(query)")
            #expect(error.status == 400)
            #expect(error.message.contains("_id"))
        }
        #expect(try ParserFixture.failure("Patient", "_lastUpdated:missing=true")?.status == 400)
    }

    @Test func unknownParameterIsRefusedWhenStrict() throws {
        let error = try #require(try ParserFixture.failure("Observation", "foo=bar"))
        #expect(error.status == 400)
        #expect(error.message == "Unknown search parameter 'foo' for Observation")
        #expect(error.expression == ["foo"])
        #expect(error.issues.first?.code == .notSupported)
    }

    @Test func unknownAndUnsupportedParametersAreReportedWhenLenient() throws {
        let query = try ParserFixture.parse("Observation", "foo=bar&code=1234-5&name:exact=x&code:sounds-like=y&_text=z&_count=10", handling: .lenient)
        #expect(query.conditions == [.token(parameter: "code", [TokenCriterion(system: nil, code: "1234-5")], negated: false)])
        #expect(query.ignored.map(\.name) == ["foo", "name:exact", "code:sounds-like", "_text"])
        #expect(query.ignored[0].reason == "Unknown search parameter 'foo' for Observation")
        #expect(query.ignored[2].reason.contains("sounds-like"))
        #expect(query.ignored[3].reason.contains("not supported"))
        #expect(query.linkParameters == [QueryParameter(name: "code", value: "1234-5"), QueryParameter(name: "_count", value: "10")])
    }

    @Test func unsupportedModifierIsRefusedWhenStrict() throws {
        let error = try #require(try ParserFixture.failure("Patient", "birthdate:exact=2020"))
        #expect(error.status == 400)
        #expect(error.message.contains(":exact") && error.message.contains("birthdate"))
        #expect(error.expression == ["birthdate:exact"])
        let unknownModifier = try #require(try ParserFixture.failure("Patient", "name:fuzzy=eve"))
        #expect(unknownModifier.message.contains("Unknown modifier ':fuzzy'"))
    }

    @Test func malformedValuesAreRefusedEvenWhenLenient() throws {
        let error = try #require(try ParserFixture.failure("Patient", "birthdate=ge2020-13", handling: .lenient))
        #expect(error.status == 400)
        #expect(error.message == "The date 'ge2020-13' of 'birthdate' is not a valid FHIR date")
        #expect(error.expression == ["birthdate"])
    }

    @Test func linkParametersKeepEverythingUnderstoodInOrderWithoutCursor() throws {
        let query = try ParserFixture.parse("Observation", "code:text=Glucose&_count=5&_format=json&_pretty=true&date=ge2020&_sort=-date")
        #expect(query.linkParameters == [
            QueryParameter(name: "code:text", value: "Glucose"),
            QueryParameter(name: "_count", value: "5"),
            QueryParameter(name: "_format", value: "json"),
            QueryParameter(name: "_pretty", value: "true"),
            QueryParameter(name: "date", value: "ge2020"),
            QueryParameter(name: "_sort", value: "-date"),
        ])
        #expect(query.conditions.count == 2)
    }

    @Test func unknownResourceTypeIsRefused() throws {
        let error = try #require(try ParserFixture.failure("Spaceship", "name=x"))
        #expect(error.status == 400)
        #expect(error.message.contains("Spaceship"))
    }

    @Test func conditionalCriteriaAreConditionsOnly() throws {
        let parser = try ParserFixture.parser()
        let conditions = try parser.parseConditions(resourceType: "Patient", parameters: ParserFixture.parameters("identifier=http://a.org|1&_format=json&birthdate=2000"))
        #expect(conditions.count == 2)
        #expect(conditions.first == .token(parameter: "identifier", [TokenCriterion(system: "http://a.org", code: "1")], negated: false))
        for query in ["_count=1", "_sort=name", "_include=Patient:organization", "_summary=true", "_type=Patient"] {
            do {
                _ = try parser.parseConditions(resourceType: "Patient", parameters: ParserFixture.parameters("name=x&" + query))
                Issue.record("\(query) was accepted")
            } catch {
                #expect(error.status == 400)
                #expect(error.message.contains("is not allowed in conditional criteria"))
            }
        }
        do {
            _ = try parser.parseConditions(resourceType: "Patient", parameters: ParserFixture.parameters("foo=x"))
            Issue.record("an unknown parameter was accepted")
        } catch {
            #expect(error.message == "Unknown search parameter 'foo' for Patient")
        }
    }
}
