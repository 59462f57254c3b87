/// The benchmarked searches, with parameters drawn from the loaded data so that they return
/// results, and their hand-written SQL twins.
enum SearchCaseCatalog {
    /// The threshold of the value-quantity search, as written in it.
    static let quantityThresholdText = "5.4"
    /// The threshold of the value-quantity search.
    static let quantityThreshold = 5.4
    /// The year of birth the name search shows plans for.
    static let representativeBirthYear = 1970
    /// The code the code-only searches show plans for (glucose), when it qualifies.
    static let representativeCode = "2339-0"
    /// Kiln's default page size (`_count` when none is given).
    static let defaultPageSize = 50
    /// The page size of the paged search.
    static let pagedCount = 50

    /// The LOINC codes of the data, in the catalog's order.
    private static var codes: [String] { LabTest.catalog.map(\.loinc) }

    /// Searches 1–5 over `facts`.
    static func cases(facts: DatasetFacts) throws -> [SearchCase] {
        [
            try patientCodeDate(facts),
            try codeQuantity(facts),
            try nameBirthYear(facts),
            try reportsWithResults(facts),
            try patientsWithObservation(facts),
        ]
    }

    /// 1. `Observation?patient=X&code=Y&date=ge2020-01-01`: a patient and a code it has a result
    /// of since 2020, one pair per patient.
    static func patientCodeDate(_ facts: DatasetFacts) throws -> SearchCase {
        let pairs = facts.recentCodes
        guard !pairs.isEmpty else { throw BenchmarkError.nothingToDo("No patient has a result since \(CohortDate.searchFrom)") }
        let from = HandWrittenSQL.day(CohortDate.searchFromDay)
        let pageSize = defaultPageSize
        return SearchCase(
            key: "patient-code-date",
            title: "Observation?patient=X&code=Y&date=ge\(CohortDate.searchFrom)",
            pageSize: pageSize,
            requestCount: pairs.count,
            representative: pairs.count / 2,
            expectation: SearchExpectation(minimumMatches: 1),
            parameterNote: "X, Y: one of \(ReportTable.grouped(pairs.count)) patients and a code it has a result of since \(CohortDate.searchFrom)",
            request: { index in
                let pair = pairs[index]
                return SearchRequest(
                    kilnPath: "Observation?patient=\(pair.patientID)&code=\(pair.code)&date=ge\(CohortDate.searchFrom)",
                    sql: HandWrittenSQL.patientCodeDate(patientID: pair.patientID, code: pair.code, from: from, pageSize: pageSize)
                )
            }
        )
    }

    /// 2. `Observation?code=Y&value-quantity=gt5.4`: codes with more results above the threshold
    /// than a page holds, so every page is full.
    static func codeQuantity(_ facts: DatasetFacts) throws -> SearchCase {
        let pageSize = defaultPageSize
        let pool = codes.filter { (facts.aboveThresholdPerCode[$0] ?? 0) > pageSize }
        guard !pool.isEmpty else {
            throw BenchmarkError.nothingToDo("No code has more than \(pageSize) results above \(quantityThresholdText); use a larger --scale")
        }
        return SearchCase(
            key: "code-value-quantity",
            title: "Observation?code=Y&value-quantity=gt\(quantityThresholdText)",
            pageSize: pageSize,
            requestCount: pool.count,
            representative: pool.firstIndex(of: representativeCode) ?? 0,
            expectation: SearchExpectation(minimumMatches: pageSize),
            parameterNote: "Y: one of the \(pool.count) codes with more than \(pageSize) results above \(quantityThresholdText) (a full page)",
            request: { index in
                SearchRequest(
                    kilnPath: "Observation?code=\(pool[index])&value-quantity=gt\(quantityThresholdText)",
                    sql: HandWrittenSQL.codeQuantity(code: pool[index], above: quantityThresholdText, pageSize: pageSize)
                )
            }
        )
    }

    /// 3. `Patient?name=smi&birthdate=YYYY`: the years in which some "Smi…" patient was born.
    static func nameBirthYear(_ facts: DatasetFacts) throws -> SearchCase {
        let years = facts.prefixPatientsPerBirthYear.keys.sorted()
        guard !years.isEmpty else { throw BenchmarkError.nothingToDo("No patient's family name starts with '\(CohortPatient.namePrefix)'") }
        let prefix = CohortPatient.namePrefix
        let pageSize = defaultPageSize
        let perYear = facts.prefixPatientsPerBirthYear[representativeBirthYear] ?? 0
        return SearchCase(
            key: "name-birthdate",
            title: "Patient?name=\(prefix)&birthdate=YYYY",
            pageSize: pageSize,
            requestCount: years.count,
            representative: years.firstIndex(of: representativeBirthYear) ?? years.count / 2,
            expectation: SearchExpectation(minimumMatches: 1),
            parameterNote: "year: one of the \(years.count) years a \"\(prefix)…\" patient was born in (\(perYear) such patients born in \(representativeBirthYear))",
            request: { index in
                SearchRequest(
                    kilnPath: "Patient?name=\(prefix)&birthdate=\(years[index])",
                    sql: HandWrittenSQL.nameBirthYear(prefix: prefix, year: years[index], pageSize: pageSize)
                )
            }
        )
    }

    /// 4. `DiagnosticReport?patient=X&_include=DiagnosticReport:result`: any bulk-loaded patient
    /// (each has three reports of five or six results).
    static func reportsWithResults(_ facts: DatasetFacts) throws -> SearchCase {
        let patients = facts.patientIDs
        guard !patients.isEmpty else { throw BenchmarkError.nothingToDo("No patients were loaded") }
        let pageSize = defaultPageSize
        return SearchCase(
            key: "report-include-result",
            title: "DiagnosticReport?patient=X&_include=DiagnosticReport:result",
            pageSize: pageSize,
            requestCount: patients.count,
            representative: patients.count / 2,
            expectation: SearchExpectation(minimumMatches: 1, minimumIncludes: 1),
            parameterNote: "X: one of \(ReportTable.grouped(patients.count)) patients (each has \(SearchDataPlan.reportsPerPatient) reports naming its \(SearchDataPlan.observationsPerPatient) results)",
            request: { index in
                SearchRequest(
                    kilnPath: "DiagnosticReport?patient=\(patients[index])&_include=DiagnosticReport:result",
                    sql: HandWrittenSQL.reportsWithResults(patientID: patients[index], pageSize: pageSize)
                )
            }
        )
    }

    /// 5. `Patient?_has:Observation:patient:code=Y`: any code of the data.
    static func patientsWithObservation(_ facts: DatasetFacts) throws -> SearchCase {
        let pool = codes.filter { (facts.observationsPerCode[$0] ?? 0) > 0 }
        guard !pool.isEmpty else { throw BenchmarkError.nothingToDo("No Observations were loaded") }
        let pageSize = defaultPageSize
        return SearchCase(
            key: "has-observation-code",
            title: "Patient?_has:Observation:patient:code=Y",
            pageSize: pageSize,
            requestCount: pool.count,
            representative: pool.firstIndex(of: representativeCode) ?? 0,
            expectation: SearchExpectation(minimumMatches: 1),
            parameterNote: "Y: one of the \(pool.count) codes of the data",
            request: { index in
                SearchRequest(
                    kilnPath: "Patient?_has:Observation:patient:code=\(pool[index])",
                    sql: HandWrittenSQL.patientsWithObservation(code: pool[index], pageSize: pageSize)
                )
            }
        )
    }

    /// 6. Page 2 and a deep page of `Observation?code=Y&_count=50`, fetched with the next links
    /// collected by walking the pages beforehand.
    static func pages(_ walks: [PageWalk]) throws -> [SearchCase] {
        guard !walks.isEmpty else {
            throw BenchmarkError.nothingToDo("No code has three pages of results to page through; use a larger --scale")
        }
        let representative = walks.firstIndex { $0.code == representativeCode } ?? 0
        let depths = Set(walks.map(\.deep.number)).sorted()
        let depthText = depths.count == 1 ? "page \(depths[0])" : "pages \(depths.map(String.init).joined(separator: "–"))"
        let pageSize = pagedCount
        func pageCase(key: String, title: String, note: String, page: @escaping @Sendable (PageWalk) -> PageWalk.Link) -> SearchCase {
            SearchCase(
                key: key,
                title: title,
                pageSize: pageSize,
                requestCount: walks.count,
                representative: representative,
                expectation: SearchExpectation(minimumMatches: 1),
                parameterNote: note,
                request: { index in
                    let link = page(walks[index])
                    return SearchRequest(
                        kilnPath: link.url,
                        sql: HandWrittenSQL.codePageAfter(code: walks[index].code, anchor: link.anchor, pageSize: pageSize)
                    )
                }
            )
        }
        return [
            pageCase(
                key: "code-page-2",
                title: "Observation?code=Y&_count=\(pageSize), page 2 (next link)",
                note: "Y: one of \(walks.count) codes; the next link of page 1",
                page: { $0.second }
            ),
            pageCase(
                key: "code-page-deep",
                title: "Observation?code=Y&_count=\(pageSize), \(depthText) (next link)",
                note: "Y: one of \(walks.count) codes; the next link of the page before, reached by following next links",
                page: { $0.deep }
            ),
        ]
    }
}
