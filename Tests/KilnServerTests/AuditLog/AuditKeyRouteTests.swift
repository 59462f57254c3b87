import AsyncHTTPClient
import FHIRAudit
import FHIRStore
import Foundation
import Hummingbird
import KilnServer
import Logging
import NIOCore
import NIOHTTP1
import Testing

/// `GET /audit/keys`: the JWK Set of the checkpoint keys, without a token.
@Suite("Audit key set route")
struct AuditKeyRouteTests {
    typealias DB = AuditLogTestDatabase

    @Test("GET /audit/keys serves every checkpoint key as a JWK that verifies the checkpoints")
    func servesKeys() async throws {
        try await DB.with { db in
            try await db.append(10)
            var checkpointer = try db.checkpointer(records: 10)
            try await checkpointer.catchUp()
            let router = Router()
            AuditRoutes.register(on: router, keys: db.keys)
            let (port, continuation) = AsyncStream<Int>.makeStream()
            let running = Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: DB.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await running.run() }
                var ports = port.makeAsyncIterator()
                let bound = try #require(await ports.next())
                let response = try await HTTPClient.shared.get(url: "http://127.0.0.1:\(bound)\(AuditRoutes.keysPath)").get()
                #expect(response.status.code == 200)
                #expect(response.headers.first(name: "content-type") == "application/jwk-set+json")
                let body = Data(try #require(response.body).readableBytesView)
                let keys = try AuditKeySet.keys(jwks: body)
                #expect(keys == (try await db.keys.publicKeys()))
                let checkpoint = try #require(try await db.checkpoints().first)
                #expect(keys.contains { $0.keyID == checkpoint.keyID && checkpoint.hasValidSignature(publicKey: $0.publicKey) })
                group.cancelAll()
            }
        }
    }
}
