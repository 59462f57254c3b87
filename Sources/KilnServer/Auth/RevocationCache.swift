import FHIRStore
import Foundation
import Synchronization

/// What this node knows of revoked access tokens and removed clients, refreshed from the
/// database at most every ``pollInterval``: a revocation made on any node is refused by every
/// node within that interval (plus the time of one database round trip).
final class RevocationCache: Sendable {
    /// How stale the cache may be.
    let pollInterval: Duration

    private struct State {
        var revokedTokens: [String: Date] = [:]
        var removedClients: Set<String> = []
        var tokensCheckedAt = Date.distantPast
        var clientsCheckedAt = Date.distantPast
        var refreshedAt: ContinuousClock.Instant?
    }

    private let state = Mutex(State())

    init(pollInterval: Duration) {
        self.pollInterval = pollInterval
    }

    /// Refreshes the cache from `store` when it is older than ``pollInterval``.
    func refreshIfStale(from store: AuthStore) async throws {
        let now = ContinuousClock.now
        let (due, tokensSince, clientsSince) = state.withLock { state in
            (state.refreshedAt.map { now - $0 >= pollInterval } ?? true, state.tokensCheckedAt, state.clientsCheckedAt)
        }
        guard due else { return }
        let revoked = try await store.revocations(since: tokensSince)
        let clients = try await store.clientsChanged(since: clientsSince)
        state.withLock { state in
            for token in revoked.tokens { state.revokedTokens[token.jti] = token.expiresAt }
            for client in clients.clients {
                if client.isActive { state.removedClients.remove(client.clientID) } else { state.removedClients.insert(client.clientID) }
            }
            let wallNow = Date()
            state.revokedTokens = state.revokedTokens.filter { $0.value > wallNow }
            // Rows written while the last poll ran are read again, never missed.
            state.tokensCheckedAt = revoked.checkedAt.addingTimeInterval(-AuthStore.pollingOverlap)
            state.clientsCheckedAt = clients.checkedAt.addingTimeInterval(-AuthStore.pollingOverlap)
            state.refreshedAt = now
        }
    }

    /// Whether the access token `jti` was revoked.
    func isRevoked(tokenID: String) -> Bool {
        state.withLock { $0.revokedTokens[tokenID] != nil }
    }

    /// Whether the client was removed.
    func isRemoved(clientID: String) -> Bool {
        state.withLock { $0.removedClients.contains(clientID) }
    }

    /// Records a revocation made on this node, so it applies here at once.
    func noteRevoked(tokenID: String, expiresAt: Date) {
        state.withLock { $0.revokedTokens[tokenID] = expiresAt }
    }
}
