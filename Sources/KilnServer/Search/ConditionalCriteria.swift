import FHIRAccess
import FHIRModel
import FHIRSearch
import FHIRStore

/// The criteria of conditional interactions (`If-None-Exist`, `PUT [type]?…`, `DELETE [type]?…`,
/// conditional references in transactions), matched with the full search semantics.
///
/// Every parameter must be understood: an unknown one is refused with 400 rather than ignored,
/// since ignoring a criterion would widen the match and could update or delete the wrong
/// resource.
struct ConditionalCriteria {
    /// The resource type matched.
    var resourceType: String
    /// The parameters as given.
    var parameters: [QueryParameter]

    /// Criteria from query parameters; `example` shows the interaction's syntax in the error when
    /// there are none.
    init(resourceType: String, parameters: [QueryParameter], example: String) throws(FHIRError) {
        let given = parameters.filter { !$0.value.isEmpty && $0.name != "_format" && $0.name != "_pretty" }
        guard !given.isEmpty else {
            throw FHIRError.badRequest("Conditional criteria are needed, e.g. \(example)")
        }
        self.resourceType = resourceType
        self.parameters = given
    }

    /// Criteria from a query string such as `If-None-Exist` carries (a leading `?` or `Type?` is allowed).
    init(resourceType: String, queryString: String) throws(FHIRError) {
        var text = Substring(queryString)
        if let mark = text.firstIndex(of: "?") { text = text[text.index(after: mark)...] }
        try self.init(resourceType: resourceType, parameters: QueryParameter.parse(String(text)), example: "\(resourceType)?identifier=system|value")
    }

    /// The name of the advisory lock that serialises conditional writes with the same criteria.
    var lockKey: String {
        "\(resourceType)?" + parameters.map { "\($0.name)=\($0.value)" }.sorted().joined(separator: "&")
    }
}

extension FHIRService {
    /// The ids (at most two) of the current resources `criteria` match and `filter` lets the
    /// caller see; with `lock`, first serialises with other conditional writes of the same criteria.
    func matches(_ criteria: ConditionalCriteria, filter: AccessFilter, lock: Bool, in transaction: StoreTransaction) async throws -> [String] {
        let conditions = try search.parser(baseURL: baseURL).parseConditions(resourceType: criteria.resourceType, parameters: criteria.parameters)
        if lock { try await transaction.lockCondition(key: criteria.lockKey) }
        let statement = search.compiler(baseURL: baseURL).match(resourceType: criteria.resourceType, conditions: conditions, filter: filter, limit: 2)
        return try await transaction.ids(statement)
    }

    /// The index values of a resource about to be written.
    func indexEntries(of resource: JSONValue) -> SearchIndexEntries {
        search.indexer(baseURL: baseURL).entries(for: resource)
    }
}
