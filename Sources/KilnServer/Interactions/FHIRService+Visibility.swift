import FHIRAccess
import FHIRModel
import FHIRSearch
import FHIRStore

extension FHIRService {
    /// The current version of `type`/`id` (a tombstone when deleted) when `filter` lets the
    /// caller see it; nil when it never existed or lies outside the filter, which the caller
    /// cannot tell apart (both are 404).
    func readVisible(type: String, id: String, filter: AccessFilter, in transaction: StoreTransaction?) async throws -> StoredResource? {
        let visibility = search.compiler(baseURL: baseURL).visibility(resourceType: type, id: id, filter: filter)
        if let transaction {
            guard try await transaction.isVisible(visibility) else { return nil }
            return try await transaction.read(resourceType: type, id: id)
        }
        guard try await store.isVisible(visibility) else { return nil }
        return try await store.read(resourceType: type, id: id)
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
}
