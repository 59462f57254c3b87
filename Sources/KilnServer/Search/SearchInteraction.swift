import FHIRAccess
import FHIRDefinitions
import FHIRModel
import FHIRSearch
import FHIRStore
import Foundation

extension FHIRService {
    /// `GET [type]?…`, `POST [type]/_search`, and at system level `GET [base]?…` and
    /// `POST _search`: parse, compile with the access filter, run, and build the searchset.
    func search(type: String?, request: FHIRRequest, in transaction: StoreTransaction?) async throws -> FHIRResponse {
        let filter = try authorize(type == nil ? .searchSystem : .searchType, request: request, type: type)
        let handling: SearchQueryParser.Handling = request.preferHandling == .lenient ? .lenient : .strict
        let query = try search.parser(baseURL: baseURL, pageSizes: limits).parse(resourceType: type, parameters: request.query, handling: handling)
        for searched in query.resourceTypes { try checkResourceType(searched) }
        return try await searchset(query, filter: filter, path: type.map { "\(baseURL)/\($0)" } ?? baseURL, in: transaction)
    }

    /// The searchset of a parsed `query` under `filter`: its total when asked for, one page of
    /// matches and what they include, and links under `path` that continue it.
    func searchset(_ query: SearchQuery, filter: AccessFilter, path: String, in transaction: StoreTransaction?) async throws -> FHIRResponse {
        let result = try await searchResult(query, filter: filter, in: transaction)
        var links: [(String, String)] = [("self", link(path: path, query.linkParameters, count: query.count, cursor: result.fetchedPage ? query.cursor : nil))]
        if let next = result.nextCursor { links.append(("next", link(path: path, query.linkParameters, count: query.count, cursor: next))) }
        if let previous = result.previousCursor { links.append(("previous", link(path: path, query.linkParameters, count: query.count, cursor: previous))) }
        var entries: [JSONValue] = []
        for row in result.matches {
            entries.append(try searchEntry(row.resource, mode: "match", query: query))
        }
        for row in result.included {
            entries.append(try searchEntry(row.resource, mode: "include", query: query))
        }
        if !query.ignored.isEmpty {
            entries.append(ignoredParametersEntry(query.ignored))
        }
        return FHIRResponse(status: 200, body: .json(BundleBuilder.bundle(type: "searchset", total: result.total, links: links, entries: entries)))
    }

    /// What a parsed `query` finds under `filter`, before it is shaped into a Bundle: its total
    /// when asked for (or when one page holds every match), one page of matches, what they
    /// include, and the cursors of the pages before and after.
    func searchResult(_ query: SearchQuery, filter: AccessFilter, in transaction: StoreTransaction?) async throws -> SearchResult {
        let runner = SearchRunner(store: store, transaction: transaction)
        let compiler = search.compiler(baseURL: baseURL)
        var result = SearchResult()
        if query.total == .accurate || query.summary == .count {
            result.total = try await runner.count(compiler.count(query, filter: filter))
        } else if query.total == .estimate {
            result.total = try await runner.estimate(compiler.estimate(query, filter: filter))
        }
        guard query.summary != .count && query.count > 0 else { return result }
        let page = try await runner.page(compiler.page(query, filter: filter), query: query)
        result.fetchedPage = true
        result.matches = page.rows
        if result.total == nil, query.cursor == nil, !page.hasNext { result.total = page.rows.count }
        let issuedAt = Int64(Date().timeIntervalSince1970)
        let digest = query.digest
        if page.hasNext, let last = page.rows.last {
            result.nextCursor = PageCursor(anchor: last.rid, direction: .next, issuedAt: issuedAt, queryDigest: digest)
        }
        if page.hasPrevious, let first = page.rows.first {
            result.previousCursor = PageCursor(anchor: first.rid, direction: .previous, issuedAt: issuedAt, queryDigest: digest)
        }
        result.included = try await includedRows(of: page.rows, query: query, filter: filter, runner: runner, compiler: compiler)
        AuditTrail.current?.noteRead(result.matches.map(\.resource.reference) + result.included.map(\.resource.reference))
        return result
    }

    private func link(path: String, _ parameters: [QueryParameter], count: Int, cursor: PageCursor?) -> String {
        var parts = parameters.filter { $0.name != "_count" }.map { "\(Self.encodeQueryValue($0.name))=\(Self.encodeQueryValue($0.value))" }
        parts.append("_count=\(count)")
        if let cursor { parts.append("_cursor=\(cursor.encoded)") }
        return path + "?" + parts.joined(separator: "&")
    }

    /// `_include` and `_revinclude`: one statement each per round, the second and later rounds
    /// only for `:iterate` directives and only from the resources the previous round added.
    private func includedRows(of matches: [SearchRow], query: SearchQuery, filter: AccessFilter, runner: SearchRunner, compiler: SearchCompiler) async throws -> [SearchRow] {
        guard !query.includes.isEmpty || !query.revIncludes.isEmpty, !matches.isEmpty else { return [] }
        var seen = matches.map(\.rid)
        var included: [SearchRow] = []
        var frontier = seen
        var includes = query.includes
        var revIncludes = query.revIncludes
        let limit = search.limits.maximumIncludedResources
        for _ in 0...search.limits.maximumIncludeIterations {
            var added: [SearchRow] = []
            if let statement = compiler.includes(includes, of: frontier, excluding: seen, filter: filter, limit: limit + 1) {
                added += try await runner.rows(statement)
            }
            if let statement = compiler.revIncludes(revIncludes, of: frontier, excluding: seen + added.map(\.rid), filter: filter, limit: limit + 1) {
                added += try await runner.rows(statement)
            }
            guard !added.isEmpty else { break }
            included += added
            if included.count > limit {
                throw FHIRError(status: 400, code: .tooCostly, "_include and _revinclude would add more than \(limit) resources to one page; use a smaller _count")
            }
            seen += added.map(\.rid)
            frontier = added.map(\.rid)
            includes = includes.filter(\.iterate)
            revIncludes = revIncludes.filter(\.iterate)
            if includes.isEmpty && revIncludes.isEmpty { break }
        }
        return included
    }

    private func searchEntry(_ stored: StoredResource, mode: String, query: SearchQuery) throws(FHIRError) -> JSONValue {
        var entry = JSONObject()
        entry["fullUrl"] = .string("\(baseURL)/\(stored.resourceType)/\(stored.id)")
        if let resource = try stored.json() {
            entry["resource"] = SearchResultShaping(typeModel: search.registry.catalog.typeModel)
                .shape(resource, summary: query.summary, elements: query.elements)
        }
        entry["search"] = ["mode": .string(mode)]
        return .object(entry)
    }

    /// The entry that reports parameters ignored under `Prefer: handling=lenient`.
    private func ignoredParametersEntry(_ ignored: [IgnoredParameter]) -> JSONValue {
        let issues = ignored.map { parameter in
            OperationOutcomeIssue(severity: .warning, code: .notSupported, diagnostics: "The search parameter '\(parameter.name)' was ignored: \(parameter.reason)", expression: [parameter.name])
        }
        return [
            "resource": OperationOutcome.json(issues),
            "search": ["mode": "outcome"],
        ]
    }
}
