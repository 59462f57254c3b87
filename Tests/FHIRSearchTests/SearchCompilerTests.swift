import FHIRAccess
import FHIRDefinitions
import FHIRSearch
import Foundation
import Testing

/// The compiler is a pure function from a query and an access filter to SQL and bindings.
@Suite("Search compiler")
struct SearchCompilerTests {
    let compiler = SearchCompiler(
        patientCompartment: CompartmentDefinition(code: "Patient", url: "urn:test", parametersByResourceType: ["Observation": ["subject"], "DiagnosticReport": ["subject"]]),
        now: Date(timeIntervalSince1970: 1_790_000_000)
    )
    let compartment = AccessFilter.patientCompartment(patientIDs: ["p1"])

    /// Every value a client writes ends up as a binding, never in the SQL text.
    @Test("User text is bound, never written into the SQL")
    func valuesAreBound() {
        let hostile = "x' OR '1'='1"
        let query = SearchQuery(resourceTypes: ["Observation"], conditions: [
            .id([hostile]),
            .token(parameter: "code", [TokenCriterion(system: hostile, code: hostile)], negated: false),
            .string(parameter: "name", [StringCriterion(value: hostile, match: .contains)]),
            .reference(parameter: "subject", [.local(type: "Patient", id: hostile), .url(hostile), .identifier(TokenCriterion(system: nil, code: hostile))]),
            .uri(parameter: "_profile", [URICriterion(value: hostile, match: .above)]),
            .chain(parameter: "subject", targetTypes: ["Patient"], condition: .string(parameter: "name", [StringCriterion(value: hostile, match: .exact)])),
        ])
        let statement = compiler.page(query, filter: .patientCompartment(patientIDs: [hostile]))
        #expect(!statement.text.contains("1'='1"))
        #expect(!statement.text.contains(hostile))
        #expect(statement.bindings.contains(.text(hostile)))
        #expect(statement.bindings.contains(.textArray([hostile])))
        let placeholders = statement.text.components(separatedBy: "$").count - 1
        #expect(placeholders == statement.bindings.count)
    }

    @Test("The compartment filter is applied to the matches and inside chains, _has and includes")
    func accessFilterEverywhere() throws {
        let name = SearchCondition.string(parameter: "name", [StringCriterion(value: "smith", match: .startsWith)])
        let chained = compiler.page(SearchQuery(resourceTypes: ["Observation"], conditions: [.chain(parameter: "subject", targetTypes: ["Patient"], condition: name)]), filter: compartment)
        // Once for the Observations, once for the Patients the chain reaches.
        #expect(chained.text.components(separatedBy: "search_compartment").count - 1 == 2)
        let code = SearchCondition.token(parameter: "code", [TokenCriterion(system: nil, code: "1234-5")], negated: false)
        let has = compiler.page(SearchQuery(resourceTypes: ["Patient"], conditions: [.reverseChain(sourceType: "Observation", parameter: "subject", condition: code)]), filter: compartment)
        #expect(has.text.components(separatedBy: "search_compartment").count - 1 == 2)
        let include = try #require(compiler.includes([IncludeDirective(sourceType: "DiagnosticReport", parameter: "result", targetType: nil, iterate: false)], of: [1], excluding: [], filter: compartment, limit: 10))
        #expect(include.text.contains("search_compartment"))
        let revInclude = try #require(compiler.revIncludes([IncludeDirective(sourceType: "Provenance", parameter: "target", targetType: nil, iterate: false)], of: [1], excluding: [], filter: compartment, limit: 10))
        #expect(revInclude.text.contains("search_compartment"))
        #expect(compiler.count(SearchQuery(resourceTypes: ["Observation"]), filter: compartment).text.contains("search_compartment"))
    }

    @Test("Types outside the compartment are not restricted by it; system searches check the type in SQL")
    func compartmentTypes() {
        #expect(!compiler.page(SearchQuery(resourceTypes: ["Practitioner"]), filter: compartment).text.contains("search_compartment"))
        let system = compiler.page(SearchQuery(resourceTypes: [], isSystemLevel: true), filter: compartment)
        #expect(system.text.contains("resource_type <> ALL("))
        #expect(!compiler.page(SearchQuery(resourceTypes: ["Observation"]), filter: .unrestricted).text.contains("search_compartment"))
    }

    @Test("Pages are keyset pages: the default order continues after the anchor row, never with OFFSET")
    func keysetPages() {
        var query = SearchQuery(resourceTypes: ["Observation"], count: 50)
        query.cursor = PageCursor(anchor: 123_456, direction: .next, issuedAt: 0, queryDigest: 0)
        let next = compiler.page(query, filter: .unrestricted)
        #expect(next.text.contains("r.rid > $"))
        #expect(next.text.contains("ORDER BY r.rid ASC LIMIT $\(next.bindings.count)) r JOIN resource_version v"), "the page is chosen before versions are joined")
        #expect(next.text.hasSuffix("ORDER BY r.rid ASC"))
        #expect(next.bindings.last == .integer(51))
        #expect(!next.text.uppercased().contains("OFFSET"))
        query.cursor?.direction = .previous
        #expect(compiler.page(query, filter: .unrestricted).text.contains("ORDER BY r.rid DESC"))
    }

    @Test("A next page repeats its anchor inside the value subqueries of the matches, so index scans start there")
    func anchorInsideSubqueries() {
        var query = SearchQuery(resourceTypes: ["Observation"], conditions: [
            .token(parameter: "code", [TokenCriterion(system: nil, code: "2339-0")], negated: false),
            .chain(parameter: "subject", targetTypes: ["Patient"], condition: .string(parameter: "name", [StringCriterion(value: "smith", match: .startsWith)])),
        ], count: 50)
        query.cursor = PageCursor(anchor: 777, direction: .next, issuedAt: 0, queryDigest: 0)
        let next = compiler.page(query, filter: compartment)
        // The top-level rid bound, the token subquery's, the chain's reference subquery's and the compartment's.
        #expect(next.bindings.filter { $0 == .integer(777) }.count == 4)
        #expect(next.text.contains(".rid > $"))
        query.cursor?.direction = .previous
        let previous = compiler.page(query, filter: compartment)
        #expect(previous.bindings.filter { $0 == .integer(777) }.count == 4)
        #expect(!previous.text.contains(".rid > $"))
        // The chained Patient's own subqueries are not bounded by the Observation's anchor.
        query.cursor = nil
        #expect(!compiler.page(query, filter: compartment).bindings.contains(.integer(777)))
    }

    @Test("Sorted pages compare each key with the anchor's, missing values last")
    func sortedPages() {
        var query = SearchQuery(resourceTypes: ["Patient"], sort: [
            SortKey(parameter: "family", type: .string, descending: false),
            SortKey(parameter: "birthdate", type: .date, descending: true),
        ])
        let first = compiler.page(query, filter: .unrestricted)
        #expect(first.text.contains("min(o"))
        #expect(first.text.contains("max(o"))
        #expect(first.text.contains("ASC NULLS LAST"))
        #expect(first.text.contains("DESC NULLS LAST"))
        // The keys are computed once, as columns of the page, and both orders use them.
        #expect(first.text.components(separatedBy: "min(o").count - 1 == 1)
        #expect(first.text.contains(" AS s0, (SELECT max("))
        #expect(first.text.hasSuffix("ORDER BY s0 ASC NULLS LAST, s1 DESC NULLS LAST, r.rid ASC"))
        query.cursor = PageCursor(anchor: 9, direction: .next, issuedAt: 0, queryDigest: 0)
        let next = compiler.page(query, filter: .unrestricted)
        #expect(next.text.hasPrefix("WITH anchor AS (SELECT "))
        #expect(next.text.contains("IS NOT DISTINCT FROM anchor.k0"))
        #expect(next.text.contains("r.rid > anchor.k_rid"))
    }

    @Test("Date prefixes follow the range rules of the search page")
    func datePrefixes() {
        func sql(_ comparator: SearchComparator) -> String {
            let criterion = DateCriterion(comparator: comparator, low: Date(timeIntervalSince1970: 0), high: Date(timeIntervalSince1970: 86_400))
            let text = compiler.page(SearchQuery(resourceTypes: ["Patient"], conditions: [.date(parameter: "birthdate", [criterion])]), filter: .unrestricted).text
            guard let start = text.range(of: "AND ((")?.upperBound, let end = text.range(of: ")))", range: start..<text.endIndex)?.lowerBound else { return text }
            return String(text[start..<end]).replacingOccurrences(of: #"\$[0-9]+"#, with: "$", options: .regularExpression)
        }
        #expect(sql(.eq) == "(x1.low >= $ AND x1.high <= $ AND x1.low < $ AND x1.high > $")
        #expect(sql(.gt) == "x1.high > $")
        #expect(sql(.lt) == "x1.low < $")
        #expect(sql(.ge) == "(x1.low >= $ OR x1.high > $")
        #expect(sql(.sa) == "x1.low >= $")
        #expect(sql(.eb) == "x1.high <= $")
    }

    @Test("A UCUM quantity is compared in canonical units; others by value, system and code")
    func quantities() {
        let canonical = QuantityCriterion(
            number: NumberCriterion(comparator: .ge, value: 150, low: 149.5, high: 150.5), system: "http://unitsofmeasure.org", code: "mg/dL",
            canonical: CanonicalQuantity(number: NumberCriterion(comparator: .ge, value: 1500, low: 1499.5, high: 1500.5), code: "g.m-3")
        )
        let statement = compiler.page(SearchQuery(resourceTypes: ["Observation"], conditions: [.quantity(parameter: "value-quantity", [canonical])]), filter: .unrestricted)
        #expect(statement.text.contains("canonical_code = $"))
        #expect(statement.bindings.contains(.decimal(1500)))
        #expect(!statement.bindings.contains(.decimal(150)))
        let plain = QuantityCriterion(number: NumberCriterion(comparator: .gt, value: 5.4, low: 5.35, high: 5.45), system: nil, code: "mmol", canonical: nil)
        let other = compiler.page(SearchQuery(resourceTypes: ["Observation"], conditions: [.quantity(parameter: "value-quantity", [plain])]), filter: .unrestricted)
        #expect(other.text.contains(".value > $"))
        #expect(other.bindings.contains(.text("mmol")))
    }

    @Test("LIKE patterns escape the client's wildcards")
    func likeEscaping() {
        let statement = compiler.page(SearchQuery(resourceTypes: ["Patient"], conditions: [.string(parameter: "name", [StringCriterion(value: "50%_a\\b", match: .startsWith)])]), filter: .unrestricted)
        #expect(statement.bindings.contains(.text("50\\%\\_a\\\\b%")))
    }
}
