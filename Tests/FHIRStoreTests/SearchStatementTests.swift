import FHIRAccess
import FHIRDefinitions
import FHIRModel
import FHIRSearch
import FHIRStore
import Foundation
import KilnTesting
import Logging
import Testing

/// Compiled search statements run against a real PostgreSQL over hand-made index values, so the
/// SQL is checked without the indexer or the parser.
@Suite("Search statements")
struct SearchStatementTests {
    let compiler = SearchCompiler(
        patientCompartment: CompartmentDefinition(code: "Patient", url: "urn:test", parametersByResourceType: [
            "Patient": ["link"], "Observation": ["subject"], "DiagnosticReport": ["subject"],
        ]),
        now: Date(timeIntervalSince1970: 1_790_000_000)
    )

    static func date(_ text: String) -> Date {
        FHIRInstant.parse(text) ?? Date.distantPast
    }

    /// Two patients; Observations of each (one with a value of 1.5 g/L); a report of p1 whose
    /// result is p1's first Observation; a Practitioner outside the compartment.
    func withData(_ body: @Sendable (ResourceStore) async throws -> Void) async throws {
        try await withMigratedStore { store in
            func write(_ type: String, _ id: String, _ index: SearchIndexEntries) -> ResourceVersionWrite {
                ResourceVersionWrite(resourceType: type, id: id, versionID: 1, lastUpdated: Self.date("2024-01-01T00:00:00Z"), method: .create,
                                     resource: ["resourceType": .string(type), "id": .string(id)], index: index)
            }
            func subject(_ patient: String) -> ReferenceIndexRow {
                ReferenceIndexRow(parameter: "subject", targetType: "Patient", targetID: patient, url: nil)
            }
            try await store.withTransaction { transaction in
                try await transaction.write([
                    write("Patient", "p1", SearchIndexEntries(
                        strings: [StringIndexRow(parameter: "name", value: "Smith")],
                        dates: [DateIndexRow(parameter: "birthdate", low: Self.date("1970-01-01T00:00:00Z"), high: Self.date("1971-01-01T00:00:00Z"))],
                        references: [ReferenceIndexRow(parameter: "general-practitioner", targetType: "Practitioner", targetID: "dr", url: nil)],
                        compartmentPatients: ["p1"])),
                    write("Patient", "p2", SearchIndexEntries(
                        strings: [StringIndexRow(parameter: "name", value: "Smithers")],
                        dates: [DateIndexRow(parameter: "birthdate", low: Self.date("1980-05-01T00:00:00Z"), high: Self.date("1980-05-02T00:00:00Z"))],
                        compartmentPatients: ["p2"])),
                    write("Practitioner", "dr", SearchIndexEntries(strings: [StringIndexRow(parameter: "name", value: "Müller")])),
                    write("Observation", "o1", SearchIndexEntries(
                        tokens: [TokenIndexRow(parameter: "code", system: "http://loinc.org", code: "2345-7", text: "glucose")],
                        dates: [DateIndexRow(parameter: "date", low: Self.date("2021-03-04T10:00:00Z"), high: Self.date("2021-03-04T10:00:01Z"))],
                        references: [subject("p1")],
                        quantities: [QuantityIndexRow(parameter: "value-quantity", value: 1.5, system: "http://unitsofmeasure.org", code: "g/L", canonicalValue: 1500, canonicalCode: "g.m-3")],
                        compartmentPatients: ["p1"])),
                    write("Observation", "o2", SearchIndexEntries(
                        tokens: [TokenIndexRow(parameter: "code", system: "http://loinc.org", code: "2345-7")],
                        dates: [DateIndexRow(parameter: "date", low: Self.date("2019-01-01T00:00:00Z"), high: Self.date("2019-01-02T00:00:00Z"))],
                        references: [subject("p2")],
                        compartmentPatients: ["p2"])),
                    write("Observation", "o3", SearchIndexEntries(
                        tokens: [TokenIndexRow(parameter: "code", system: "http://loinc.org", code: "8480-6")],
                        references: [subject("p1")],
                        compartmentPatients: ["p1"])),
                    write("DiagnosticReport", "r1", SearchIndexEntries(
                        references: [subject("p1"), ReferenceIndexRow(parameter: "result", targetType: "Observation", targetID: "o1", url: nil),
                                     ReferenceIndexRow(parameter: "result", targetType: "Observation", targetID: "o2", url: nil)],
                        compartmentPatients: ["p1"])),
                ])
            }
            try await body(store)
        }
    }

    func matchedIDs(_ store: ResourceStore, _ query: SearchQuery, filter: AccessFilter = .unrestricted) async throws -> [String] {
        try await store.resources(compiler.page(query, filter: filter)).map(\.resource.id)
    }

    func observations(_ conditions: [SearchCondition]) -> SearchQuery {
        SearchQuery(resourceTypes: ["Observation"], conditions: conditions)
    }

    @Test("Tokens, dates, canonical quantities and references match as the search page says")
    func valueConditions() async throws {
        try await withData { store async throws in
            let code = SearchCondition.token(parameter: "code", [TokenCriterion(system: "http://loinc.org", code: "2345-7")], negated: false)
            #expect(try await matchedIDs(store, observations([code])) == ["o1", "o2"])
            #expect(try await matchedIDs(store, observations([.token(parameter: "code", [TokenCriterion(system: nil, code: "2345-7")], negated: true)])) == ["o3"])
            let after2020 = SearchCondition.date(parameter: "date", [DateCriterion(comparator: .ge, low: Self.date("2020-01-01T00:00:00Z"), high: Self.date("2020-01-02T00:00:00Z"))])
            #expect(try await matchedIDs(store, observations([code, after2020])) == ["o1"])
            let canonical = CanonicalQuantity(number: NumberCriterion(comparator: .ge, value: 1500, low: 1499.5, high: 1500.5), code: "g.m-3")
            let quantity = QuantityCriterion(number: NumberCriterion(comparator: .ge, value: 150, low: 149.5, high: 150.5), system: "http://unitsofmeasure.org", code: "mg/dL", canonical: canonical)
            #expect(try await matchedIDs(store, observations([.quantity(parameter: "value-quantity", [quantity])])) == ["o1"])
            #expect(try await matchedIDs(store, observations([.tokenText(parameter: "code", ["gluc"])])) == ["o1"])
            #expect(try await matchedIDs(store, observations([.missing(parameter: "date", storage: .date, missing: true)])) == ["o3"])
            let name = SearchQuery(resourceTypes: ["Patient"], conditions: [.string(parameter: "name", [StringCriterion(value: "smith", match: .startsWith)])])
            #expect(try await matchedIDs(store, name) == ["p1", "p2"])
            let exact = SearchQuery(resourceTypes: ["Patient"], conditions: [.string(parameter: "name", [StringCriterion(value: "Smith", match: .exact)])])
            #expect(try await matchedIDs(store, exact) == ["p1"])
            let birth = SearchQuery(resourceTypes: ["Patient"], conditions: [.date(parameter: "birthdate", [DateCriterion(comparator: .eq, low: Self.date("1970-01-01T00:00:00Z"), high: Self.date("1971-01-01T00:00:00Z"))])])
            #expect(try await matchedIDs(store, birth) == ["p1"])
        }
    }

    @Test("Chains and _has reach through references, and the compartment filter applies inside them")
    func chainsAndHas() async throws {
        try await withData { store async throws in
            let smith = SearchCondition.string(parameter: "name", [StringCriterion(value: "smith", match: .startsWith)])
            let chained = observations([.chain(parameter: "subject", targetTypes: ["Patient"], condition: smith)])
            #expect(try await matchedIDs(store, chained) == ["o1", "o2", "o3"])
            #expect(try await matchedIDs(store, chained, filter: .patientCompartment(patientIDs: ["p1"])) == ["o1", "o3"])
            let glucose = SearchCondition.token(parameter: "code", [TokenCriterion(system: nil, code: "2345-7")], negated: false)
            let has = SearchQuery(resourceTypes: ["Patient"], conditions: [.reverseChain(sourceType: "Observation", parameter: "subject", condition: glucose)])
            #expect(try await matchedIDs(store, has) == ["p1", "p2"])
            #expect(try await matchedIDs(store, has, filter: .patientCompartment(patientIDs: ["p1"])) == ["p1"])
            let doctor = SearchCondition.string(parameter: "name", [StringCriterion(value: "muller", match: .startsWith)])
            let twoLevels = observations([.chain(parameter: "subject", targetTypes: ["Patient"], condition:
                .chain(parameter: "general-practitioner", targetTypes: ["Practitioner"], condition: doctor))])
            #expect(try await matchedIDs(store, twoLevels) == ["o1", "o3"])
        }
    }

    @Test("_include and _revinclude follow references and never leave the caller's compartment")
    func includes() async throws {
        try await withData { store async throws in
            let reports = try await store.resources(compiler.page(SearchQuery(resourceTypes: ["DiagnosticReport"]), filter: .unrestricted))
            let result = IncludeDirective(sourceType: "DiagnosticReport", parameter: "result", targetType: nil, iterate: false)
            let all = try #require(compiler.includes([result], of: reports.map(\.rid), excluding: [], filter: .unrestricted, limit: 10))
            #expect(try await store.resources(all).map(\.resource.id) == ["o1", "o2"])
            let own = try #require(compiler.includes([result], of: reports.map(\.rid), excluding: [], filter: .patientCompartment(patientIDs: ["p1"]), limit: 10))
            #expect(try await store.resources(own).map(\.resource.id) == ["o1"])
            let patients = try await store.resources(compiler.page(SearchQuery(resourceTypes: ["Patient"]), filter: .unrestricted))
            let subjects = IncludeDirective(sourceType: "Observation", parameter: "subject", targetType: nil, iterate: false)
            let reverse = try #require(compiler.revIncludes([subjects], of: patients.map(\.rid), excluding: [], filter: .patientCompartment(patientIDs: ["p2"]), limit: 10))
            #expect(try await store.resources(reverse).map(\.resource.id) == ["o2"])
        }
    }

    @Test("Keyset pages walk forward and back in sort order, at any depth")
    func keysetPaging() async throws {
        try await withData { store async throws in
            var query = SearchQuery(resourceTypes: ["Observation"], sort: [SortKey(parameter: "date", type: .date, descending: true)], count: 1)
            var seen: [String] = []
            var rows = try await store.resources(compiler.page(query, filter: .unrestricted))
            while let first = rows.first {
                seen.append(first.resource.id)
                guard rows.count > 1 else { break }
                query.cursor = PageCursor(anchor: first.rid, direction: .next, issuedAt: 0, queryDigest: 0)
                rows = try await store.resources(compiler.page(query, filter: .unrestricted))
            }
            #expect(seen == ["o1", "o2", "o3"])
            let last = try await store.resources(compiler.page(SearchQuery(resourceTypes: ["Observation"], conditions: [.id(["o3"])]), filter: .unrestricted))
            query.cursor = PageCursor(anchor: try #require(last.first).rid, direction: .previous, issuedAt: 0, queryDigest: 0)
            query.count = 5
            #expect(try await store.resources(compiler.page(query, filter: .unrestricted)).map(\.resource.id) == ["o2", "o1"])
            let byID = SearchQuery(resourceTypes: ["Observation"], count: 1)
            let firstPage = try await store.resources(compiler.page(byID, filter: .unrestricted))
            var next = byID
            next.cursor = PageCursor(anchor: try #require(firstPage.first).rid, direction: .next, issuedAt: 0, queryDigest: 0)
            #expect(try await store.resources(compiler.page(next, filter: .unrestricted)).map(\.resource.id) == ["o2", "o3"])
        }
    }

    @Test("Counts and estimates run, and system-level searches apply the compartment per type")
    func countsAndSystemSearch() async throws {
        try await withData { store async throws in
            #expect(try await store.count(compiler.count(SearchQuery(resourceTypes: ["Observation"]), filter: .patientCompartment(patientIDs: ["p1"]))) == 2)
            #expect(try await store.estimate(compiler.estimate(SearchQuery(resourceTypes: ["Observation"]), filter: .unrestricted)) >= 1)
            let everything = SearchQuery(resourceTypes: [], isSystemLevel: true, count: 50)
            let visible = try await matchedIDs(store, everything, filter: .patientCompartment(patientIDs: ["p2"]))
            #expect(Set(visible) == ["p2", "dr", "o2"])
        }
    }
}
