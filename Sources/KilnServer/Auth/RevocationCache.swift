import FHIRStore
import Foundation
import SMARTAuth
import Synchronization

/// What this node knows of revoked access tokens, removed clients and removed users, refreshed
/// from the database at most every ``pollInterval``: a revocation made on any node is refused
/// by every node within that interval (plus the time of one database round trip).
final class RevocationCache: Sendable {
    /// How stale the cache may be.
    let pollInterval: Duration

    private struct State {
        var revokedTokens: [String: Date] = [:]
        var removedClients: Set<String> = []
        /// The removed users' accounts, with when they were removed.
        var removedAccounts: [String: Date] = [:]
        var tokensCheckedAt = Date.distantPast
        var clientsCheckedAt = Date.distantPast
        var usersCheckedAt = Date.distantPast
        var refreshedAt: ContinuousClock.Instant?
    }

    private let state = Mutex(State())

    init(pollInterval: Duration) {
        self.pollInterval = pollInterval
    }

    /// Refreshes the cache from `store` when it is older than ``pollInterval``.
    func refreshIfStale(from store: AuthStore) async throws {
        let now = ContinuousClock.now
        let (due, tokensSince, clientsSince, usersSince) = state.withLock { state in
            (state.refreshedAt.map { now - $0 >= pollInterval } ?? true, state.tokensCheckedAt, state.clientsCheckedAt, state.usersCheckedAt)
        }
        guard due else { return }
        let changes = try await store.revocationChanges(tokensSince: tokensSince, clientsSince: clientsSince, usersSince: usersSince)
        let (revoked, clients, users) = (changes.tokens, changes.clients, changes.users)
        state.withLock { state in
            for token in revoked.tokens { state.revokedTokens[token.jti] = token.expiresAt }
            for client in clients.clients {
                if client.isActive { state.removedClients.remove(client.clientID) } else { state.removedClients.insert(client.clientID) }
            }
            for user in users.users { state.removedAccounts[user.accountID] = user.removedAt }
            let wallNow = Date()
            state.revokedTokens = state.revokedTokens.filter { $0.value > wallNow }
            let oldestRelevantRemoval = wallNow.addingTimeInterval(-AuthStore.userRemovalMemory)
            state.removedAccounts = state.removedAccounts.filter { $0.value > oldestRelevantRemoval }
            // Rows written while the last poll ran are read again, never missed.
            state.tokensCheckedAt = revoked.checkedAt.addingTimeInterval(-AuthStore.pollingOverlap)
            state.clientsCheckedAt = clients.checkedAt.addingTimeInterval(-AuthStore.pollingOverlap)
            state.usersCheckedAt = users.checkedAt.addingTimeInterval(-AuthStore.pollingOverlap)
            state.refreshedAt = now
        }
    }

    /// Why `token`, verified already, is refused all the same — it was revoked, its client was
    /// removed, or its user was (the account it carries) — or nil when it stands. A user added
    /// again under a removed name has a new account, so their new tokens stand.
    func refusal(of token: VerifiedToken) -> String? {
        state.withLock { state in
            if let tokenID = token.tokenID, state.revokedTokens[tokenID] != nil {
                return "The access token was revoked; obtain a new one"
            }
            guard token.isIssuedByKiln else { return nil }
            if let clientID = token.clientID, state.removedClients.contains(clientID) {
                return "The client '\(clientID)' was removed; its tokens are no longer accepted"
            }
            if let account = token.accountID, state.removedAccounts[account] != nil {
                return "The user '\(token.subject)' was removed; tokens issued to that account are no longer accepted"
            }
            return nil
        }
    }

    /// Records a revocation made on this node, so it applies here at once.
    func noteRevoked(tokenID: String, expiresAt: Date) {
        state.withLock { $0.revokedTokens[tokenID] = expiresAt }
    }
}
