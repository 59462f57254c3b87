public import Foundation
import PostgresNIO

/// The rows ``AuthStore/purgeExpired(now:)`` deleted, by table.
public struct AuthPurgeSummary: Sendable, Hashable {
    /// Authorization codes.
    public var codes = 0
    /// Refresh tokens.
    public var refreshTokens = 0
    /// Revoked access tokens.
    public var revokedTokens = 0
    /// Assertion ids.
    public var assertions = 0
    /// Launch contexts.
    public var launches = 0
    /// User removals older than ``AuthStore/userRemovalMemory``.
    public var userRemovals = 0

    /// An empty summary.
    public init() {}

    /// All rows deleted.
    public var total: Int {
        codes + refreshTokens + revokedTokens + assertions + launches + userRemovals
    }
}

extension AuthStore {
    /// How long a user's removal is remembered: one day, well beyond the hour a user's access
    /// token lives, so that no token issued before the removal outlives its record.
    public static let userRemovalMemory: TimeInterval = 86_400

    /// Deletes the rows that no longer matter at `now`: expired codes, refresh tokens, access
    /// token revocations, assertion ids and launch contexts, and user removals older than
    /// ``userRemovalMemory``. Every check refuses an expired row anyway, so purging changes no
    /// decision; run it now and then on any one node.
    @discardableResult
    public func purgeExpired(now: Date = Date()) async throws -> AuthPurgeSummary {
        let cutoff = PostgresTimestamp(now)
        var summary = AuthPurgeSummary()
        summary.codes = try await deleteCount("DELETE FROM auth_code WHERE expires_at <= \(cutoff) RETURNING 1")
        summary.refreshTokens = try await deleteCount("DELETE FROM auth_refresh_token WHERE expires_at <= \(cutoff) RETURNING 1")
        summary.revokedTokens = try await deleteCount("DELETE FROM auth_revoked_token WHERE expires_at <= \(cutoff) RETURNING 1")
        summary.assertions = try await deleteCount("DELETE FROM auth_assertion_jti WHERE expires_at <= \(cutoff) RETURNING 1")
        summary.launches = try await deleteCount("DELETE FROM auth_launch WHERE expires_at <= \(cutoff) RETURNING 1")
        let removalCutoff = PostgresTimestamp(now.addingTimeInterval(-Self.userRemovalMemory))
        summary.userRemovals = try await deleteCount("DELETE FROM auth_removed_user WHERE removed_at <= \(removalCutoff) RETURNING 1")
        return summary
    }

    private func deleteCount(_ query: PostgresQuery) async throws -> Int {
        var count = 0
        for try await _ in try await client.query(query, logger: logger).decode(Int.self) { count += 1 }
        return count
    }
}
