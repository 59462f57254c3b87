import FHIRAccess
import FHIRDefinitions
import FHIRSearch
import Foundation
import Testing

/// Granular restrictions and visibility statements, compiled without a database.
@Suite("Search compiler: granular restrictions and visibility")
struct SearchCompilerAccessTests {
    static let compartment = CompartmentDefinition(code: "Patient", url: "urn:test", parametersByResourceType: ["Observation": ["subject"]])
    static let laboratory = AccessRestriction(["Observation": [[AccessParameter(name: "category", value: "laboratory")]]])

    func compiler(parser: Bool) throws -> SearchCompiler {
        SearchCompiler(patientCompartment: Self.compartment, now: Date(timeIntervalSince1970: 1_790_000_000),
                       restrictionParser: parser ? try ParserFixture.parser(withTerminology: false) : nil)
    }

    @Test("A restriction on the searched type adds its query's condition, its value bound")
    func restrictionOnTheSearchedType() throws {
        let statement = try compiler(parser: true).page(SearchQuery(resourceTypes: ["Observation"], conditions: []), filter: AccessFilter(restriction: Self.laboratory))
        #expect(statement.text.contains("search_token"))
        #expect(statement.bindings.contains(.text("category")))
        #expect(statement.bindings.contains(.text("laboratory")))
        #expect(!statement.text.contains("laboratory"))
    }

    @Test("A restriction on another type leaves a search of one type alone, and guards a system search by type")
    func restrictionOnOtherTypes() throws {
        let compiler = try compiler(parser: true)
        let patients = compiler.page(SearchQuery(resourceTypes: ["Patient"], conditions: []), filter: AccessFilter(restriction: Self.laboratory))
        #expect(!patients.bindings.contains(.text("laboratory")))
        let everything = compiler.page(SearchQuery(resourceTypes: [], conditions: []), filter: AccessFilter(restriction: Self.laboratory))
        #expect(everything.text.contains("r.resource_type <> ALL("))
        #expect(everything.bindings.contains(.textArray(["Observation"])))
        #expect(everything.bindings.contains(.text("laboratory")))
    }

    @Test("Without a parser, or with a query that is not a valid search, a restricted type matches nothing")
    func failsClosed() throws {
        let unparsed = try compiler(parser: false).page(SearchQuery(resourceTypes: ["Observation"], conditions: []), filter: AccessFilter(restriction: Self.laboratory))
        #expect(unparsed.text.contains("AND ((false))"))
        let invalid = AccessRestriction(["Observation": [[AccessParameter(name: "no-such-parameter", value: "x")]]])
        let statement = try compiler(parser: true).page(SearchQuery(resourceTypes: ["Observation"], conditions: []), filter: AccessFilter(restriction: invalid))
        #expect(statement.text.contains("AND ((false))"))
    }

    @Test("Visibility: nothing to run for an unrestricted caller; the compartment and restriction otherwise")
    func visibility() throws {
        let compiler = try compiler(parser: true)
        #expect(compiler.visibility(resourceType: "Observation", id: "o1", filter: .unrestricted) == nil)
        #expect(compiler.visibleResources(resourceTypes: nil, filter: .unrestricted) == nil)
        let statement = try #require(compiler.visibility(resourceType: "Observation", id: "o1", filter: AccessFilter(patientIDs: ["p1"], restriction: Self.laboratory)))
        #expect(statement.text.hasPrefix("SELECT r.id FROM resource r WHERE r.resource_type = $1::text AND r.id = $2::text"))
        #expect(statement.bindings.contains(.textArray(["p1"])))
        #expect(statement.bindings.contains(.text("laboratory")))
        let history = try #require(compiler.visibleResources(resourceTypes: ["Observation", "Patient"], filter: .patientCompartment(patientIDs: ["p1"])))
        #expect(history.text.hasPrefix("SELECT r.resource_type, r.id FROM resource r WHERE true AND r.resource_type = ANY("))
        #expect(history.bindings.contains(.textArray(["p1"])))
    }
    @Test("A page's consent check is applied above the ordered matches, before the LIMIT; a _has subquery keeps its own")
    func consentCheckAboveTheMatches() throws {
        let compiler = try compiler(parser: true)
        let consent = ConsentScope(purpose: "TREAT", actors: ["Practitioner/7"], actions: ["access"], permitsByDefault: true)
        let filter = AccessFilter(consent: consent)
        let page = compiler.page(SearchQuery(resourceTypes: ["Observation"], conditions: []), filter: filter)
        let fence = try #require(page.text.range(of: " OFFSET 0) m WHERE true AND ("))
        let check = try #require(page.text.range(of: ConsentTables.permitsFunction))
        let limit = try #require(page.text.range(of: " LIMIT ", range: fence.upperBound..<page.text.endIndex))
        #expect(fence.upperBound <= check.lowerBound && check.upperBound <= limit.lowerBound)
        #expect(page.text.contains(".rid = m.rid"))
        #expect(page.bindings.contains(.text("TREAT")))

        let hasQuery = try ParserFixture.parse("Patient", "_has:Observation:subject:code=1234-5", parser: try ParserFixture.parser(withTerminology: false))
        let has = compiler.page(hasQuery, filter: filter)
        let inner = try #require(has.text.range(of: " OFFSET 0) m WHERE true"))
        #expect(has.text[..<inner.lowerBound].contains(ConsentTables.permitsFunction), "the _has subquery's own check")

        let unscoped = compiler.page(SearchQuery(resourceTypes: ["Observation"], conditions: []), filter: .unrestricted)
        #expect(!unscoped.text.contains(" m WHERE "))
        let ungoverned = compiler.page(SearchQuery(resourceTypes: ["Practitioner"], conditions: []), filter: filter)
        #expect(!ungoverned.text.contains(" m WHERE ") && !ungoverned.text.contains(ConsentTables.permitsFunction))
    }
}
