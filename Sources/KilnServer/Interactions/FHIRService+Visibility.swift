import FHIRAccess
import FHIRDefinitions
import FHIRModel
import FHIRSearch
import FHIRStore

extension FHIRService {
    /// The current version of `type`/`id` (a tombstone when deleted) when `filter` lets the
    /// caller see it; nil when it never existed or lies outside the filter, which the caller
    /// cannot tell apart (both are 404).
    func readVisible(type: String, id: String, filter: AccessFilter, in transaction: StoreTransaction?) async throws -> StoredResource? {
        let visibility = search.compiler(baseURL: baseURL).visibility(resourceType: type, id: id, filter: filter)
        let stored: StoredResource?
        if let transaction {
            guard try await transaction.isVisible(visibility) else { return nil }
            stored = try await transaction.read(resourceType: type, id: id)
        } else {
            guard try await store.isVisible(visibility) else { return nil }
            stored = try await store.read(resourceType: type, id: id)
        }
        if let stored, !stored.isDeleted { AuditTrail.current?.noteRead(stored.reference) }
        return stored
    }

    /// Whether `filter` lets the caller see the current version of `type`/`id`.
    func isVisible(type: String, id: String, filter: AccessFilter, in transaction: StoreTransaction?) async throws -> Bool {
        let visibility = search.compiler(baseURL: baseURL).visibility(resourceType: type, id: id, filter: filter)
        if let transaction { return try await transaction.isVisible(visibility) }
        return try await store.isVisible(visibility)
    }

    /// After a create, update or patch inside `transaction`: throws 403 when the resource as
    /// written lies outside `filter` (another patient's compartment, a category the token's
    /// granular scopes exclude), so the transaction rolls back and nothing is stored.
    func requireWrittenVisible(type: String, id: String, filter: AccessFilter, in transaction: StoreTransaction) async throws {
        guard try await isVisible(type: type, id: id, filter: filter, in: transaction) else {
            throw FHIRError.forbidden("The \(type) as written lies outside what this token may write (its patient compartment or its granular scopes); nothing was stored")
        }
    }

    /// Whether a version other than the current one may be shown under `filter` (the current
    /// version having passed it): the version must pass the filter too, judged by its own
    /// content, since index rows describe only current versions. Its index entries are
    /// extracted again: its Patient compartments must meet the filter's patients, and it must
    /// match one of its type's granular queries (token conditions are checked; a query with any
    /// other kind of condition hides past versions). Deletions carry no content and are shown.
    func isPastVersionVisible(_ version: StoredResource, filter: AccessFilter) throws(FHIRError) -> Bool {
        guard !filter.isUnrestricted else { return true }
        guard filter.allows(resourceType: version.resourceType) else { return false }
        guard let content = try version.json() else { return true }
        let entries = indexEntries(of: content)
        if let patients = filter.patientIDs,
           version.resourceType == "Patient" || search.registry.catalog.patientCompartment.resourceTypes.contains(version.resourceType),
           Set(entries.compartmentPatients).isDisjoint(with: patients) {
            return false
        }
        guard let queries = filter.restriction.queries(for: version.resourceType) else { return true }
        let parser = search.parser(baseURL: baseURL)
        return queries.contains { query in
            let parameters = query.map { QueryParameter(name: $0.name, value: $0.value) }
            guard let conditions = try? parser.parseConditions(resourceType: version.resourceType, parameters: parameters) else { return false }
            return conditions.allSatisfy { Self.tokenCondition($0, holdsFor: entries) }
        }
    }

    /// Whether a non-negated token condition holds for a version's index entries; false for
    /// every other kind of condition.
    private static func tokenCondition(_ condition: SearchCondition, holdsFor entries: SearchIndexEntries) -> Bool {
        guard case .token(let parameter, let criteria, negated: false) = condition else { return false }
        return entries.tokens.contains { row in
            row.parameter == parameter && criteria.contains { criterion in
                (criterion.code.map { $0 == row.code } ?? true) && (criterion.system.map { $0 == row.system } ?? true)
            }
        }
    }
}
