import FHIRAudit
public import FHIRStore
public import Hummingbird
import Logging
import NIOCore

/// The audit log's public routes: `GET /audit/keys`, the JWK Set of every key that signed or
/// signs checkpoints, served without a token so that anyone holding a checkpoint can check it.
///
/// ```swift
/// AuditRoutes.register(on: router, keys: AuditKeyStore(client: client, logger: logger))
/// ```
public enum AuditRoutes {
    /// The path of the key set.
    public static let keysPath = "/audit/keys"

    /// Adds `GET /audit/keys` to `router`.
    public static func register<Context: RequestContext>(on router: Router<Context>, keys: AuditKeyStore) {
        router.get(RouterPath(keysPath)) { _, _ in
            let jwks = try await AuditKeySet.jwksJSON(keys.publicKeys())
            return Response(
                status: .ok,
                headers: [.contentType: "application/jwk-set+json", .cacheControl: "public, max-age=300"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: jwks)))
        }
    }
}
