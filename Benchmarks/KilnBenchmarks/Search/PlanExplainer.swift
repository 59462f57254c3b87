import FHIRAccess
import FHIRSearch
import FHIRStore
import KilnServer

/// Compiles a search the way the server does — ``KilnServer/SearchServices``' parser and
/// compiler, unrestricted access — and has PostgreSQL explain, with `ANALYZE` and `BUFFERS`, both
/// Kiln's statements and the hand-written SQL.
struct PlanExplainer: Sendable {
    /// The store over the server's database.
    let store: ResourceStore
    /// The search services, built as the server builds them.
    let search: SearchServices
    /// The server's FHIR base URL.
    let baseURL: String

    /// The plans of Kiln's statements for `request` (the page, and for `_include` the include
    /// round over the page's rows) and of its hand-written SQL.
    func explain(_ request: SearchRequest) async throws -> (kiln: [ExplainedStatement], handWritten: ExplainedStatement) {
        var kiln: [ExplainedStatement] = []
        for (role, statement) in try await kilnStatements(request.kilnPath) {
            kiln.append(ExplainedStatement(role: role, statement: statement, lines: try await lines(statement)))
        }
        let handWritten = ExplainedStatement(role: "hand-written SQL", statement: request.sql, lines: try await lines(request.sql))
        return (kiln, handWritten)
    }

    /// Kiln's statements for the search at `path` (relative to the base, or absolute), named.
    func kilnStatements(_ path: String) async throws -> [(String, SQLStatement)] {
        let relative = path.hasPrefix(baseURL + "/") ? String(path.dropFirst(baseURL.count + 1)) : path
        let parts = relative.split(separator: "?", maxSplits: 1).map(String.init)
        let type = parts.first ?? ""
        let parameters = parts.count > 1 ? QueryParameter.parse(parts[1]) : []
        let query = try search.parser(baseURL: baseURL, pageSizes: ServerLimits.default).parse(resourceType: type, parameters: parameters)
        let compiler = search.compiler(baseURL: baseURL)
        let page = compiler.page(query, filter: .unrestricted)
        var statements = [("Kiln page", page)]
        if !query.includes.isEmpty || !query.revIncludes.isEmpty {
            let rids = try await store.resources(page).prefix(query.count).map(\.rid)
            let limit = search.limits.maximumIncludedResources + 1
            if let include = compiler.includes(query.includes, of: rids, excluding: rids, filter: .unrestricted, limit: limit) {
                statements.append(("Kiln _include round", include))
            }
            if let revInclude = compiler.revIncludes(query.revIncludes, of: rids, excluding: rids, filter: .unrestricted, limit: limit) {
                statements.append(("Kiln _revinclude round", revInclude))
            }
        }
        return statements
    }

    private func lines(_ statement: SQLStatement) async throws -> [String] {
        try await store.explain(statement, analyze: true).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
