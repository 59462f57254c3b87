import FHIRStore
import Foundation
import Testing

/// Clients of the authorization server in PostgreSQL.
@Suite("AuthStore clients")
struct AuthStoreClientTests {
    @Test("A client is stored as registered and listed by id")
    func addGetList() async throws {
        try await withMigratedAuthStore { auth async throws in
            let backend = ClientRecord(
                clientID: "etl", kind: .confidentialAsymmetric,
                jwks: #"{"keys": [{"kty": "EC", "crv": "P-256", "x": "a", "y": "b", "kid": "k1"}]}"#,
                scope: "system/*.rs", role: "data-steward", name: "Nightly ETL"
            )
            let secretApp = ClientRecord(clientID: "chart", kind: .confidentialSymmetric, secretHash: "pbkdf2-sha256$1$c2FsdA==$aGFzaA==",
                                         redirectURIs: ["https://chart.example.org/a", "https://chart.example.org/b"], scope: "openid user/*.rs")
            try await auth.addClient(backend)
            try await auth.addClient(publicApp())
            try await auth.addClient(secretApp)

            let stored = try #require(try await auth.client(id: "etl"))
            #expect(stored.kind == .confidentialAsymmetric)
            #expect(stored.role == "data-steward")
            #expect(stored.name == "Nightly ETL")
            #expect(stored.secretHash == nil)
            let keys = try JSONSerialization.jsonObject(with: Data(try #require(stored.jwks).utf8)) as? [String: Any]
            #expect((keys?["keys"] as? [Any])?.count == 1)
            #expect(try await auth.client(id: "chart")?.redirectURIs == ["https://chart.example.org/a", "https://chart.example.org/b"])
            #expect(try await auth.client(id: "chart")?.secretHash == "pbkdf2-sha256$1$c2FsdA==$aGFzaA==")
            #expect(try await auth.client(id: "nobody") == nil)
            #expect(try await auth.clients().map(\.clientID) == ["app", "chart", "etl"])
        }
    }

    @Test("A client id is registered once, also after the client was removed")
    func idsAreNotReused() async throws {
        try await withMigratedAuthStore { auth async throws in
            try await auth.addClient(publicApp())
            await #expect(throws: AuthStoreError.clientExists("app")) { try await auth.addClient(publicApp()) }
            try await auth.removeClient(id: "app")
            await #expect(throws: AuthStoreError.clientExists("app")) { try await auth.addClient(publicApp()) }
        }
    }

    @Test("The database refuses a record whose credentials do not fit its kind")
    func credentialsFitKind() async throws {
        try await withMigratedAuthStore { auth async throws in
            await #expect(throws: (any Error).self) {
                try await auth.addClient(ClientRecord(clientID: "x", kind: .confidentialSymmetric, scope: "system/*.rs"))
            }
            await #expect(throws: (any Error).self) {
                try await auth.addClient(ClientRecord(clientID: "y", kind: .public, jwks: #"{"keys": []}"#, scope: "openid"))
            }
            await #expect(throws: (any Error).self) {
                try await auth.addClient(ClientRecord(clientID: "z", kind: .public, scope: "openid", role: "superuser"))
            }
            #expect(try await auth.clients(includeRemoved: true).isEmpty)
        }
    }

    @Test("A removed client is refused, its refresh tokens are revoked, and other nodes see the removal")
    func removal() async throws {
        try await withMigratedAuthStore { auth async throws in
            try await auth.addClient(publicApp())
            try await auth.addClient(publicApp("other"))
            let before = try await auth.clientsChanged(since: .distantPast)
            #expect(before.clients.map(\.clientID).sorted() == ["app", "other"])

            try await auth.insertRefreshToken(RefreshTokenRecord(tokenHash: "r1", grantID: "g1", clientID: "app", username: "u", scope: "openid"))
            try await auth.insertRefreshToken(RefreshTokenRecord(tokenHash: "r2", grantID: "g2", clientID: "other", username: "u", scope: "openid"))
            #expect(try await auth.removeClient(id: "app") == 1)
            #expect(try await auth.removeClient(id: "app") == nil)
            #expect(try await auth.removeClient(id: "never") == nil)

            #expect(try await auth.client(id: "app") == nil)
            #expect(try await auth.client(id: "app", includeRemoved: true)?.revokedAt != nil)
            #expect(try await auth.clients().map(\.clientID) == ["other"])
            #expect(try await auth.clients(includeRemoved: true).count == 2)
            #expect(try await auth.useRefreshToken(hash: "r1", clientID: "app", rotate: false) == nil)
            #expect(try await auth.useRefreshToken(hash: "r2", clientID: "other", rotate: false) != nil)

            let changes = try await auth.clientsChanged(since: before.checkedAt.addingTimeInterval(-0.001))
            #expect(changes.clients.map(\.clientID) == ["app"])
            #expect(changes.clients.first?.isActive == false)
            #expect(changes.checkedAt >= before.checkedAt)
        }
    }
}
