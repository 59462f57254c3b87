/// The public keys of one signer, read from its JSON Web Key Set (RFC 7517): an external
/// OpenID Connect issuer's `jwks_uri` document or a backend client's registered JWKS.
///
/// Kept: RSA keys (RS256, RS384; at least 2048 bits) and EC keys on P-256 (ES256) and P-384
/// (ES384) whose `use` is absent or `sig`. Skipped: other key types (`oct`, `OKP`), curves,
/// algorithms (`PS256`, `RSA-OAEP`, …) and encryption keys. A key with private members is
/// refused: a registered key set never needs them.
///
/// ```swift
/// let keys = try VerificationKeySet(jwksJSON: client.jwks)
/// ```
public struct VerificationKeySet: Sendable {
    let keys: [VerificationKey]

    init(keys: [VerificationKey]) {
        self.keys = keys
    }

    /// The usable keys of the JWKS `jwksJSON`.
    public init(jwksJSON: String) throws(KeySetError) {
        guard let set = ClaimSet(json: Array(jwksJSON.utf8)) else {
            throw .notAKeySet(reason: "it is not a JSON object")
        }
        guard case .array(let members)? = set.members["keys"] else {
            throw .notAKeySet(reason: "it has no 'keys' array")
        }
        var keys: [VerificationKey] = []
        var skipped = 0
        for (index, member) in members.enumerated() {
            guard case .object(let object) = member else {
                throw .notAKeySet(reason: "key number \(index + 1) is \(member.typeName), not an object")
            }
            if let key = try Self.key(ClaimSet(members: object), index: index) {
                keys.append(key)
            } else {
                skipped += 1
            }
        }
        guard !keys.isEmpty else { throw .noUsableKeys(skipped: skipped) }
        self.keys = keys
    }

    /// The `kid`s of the usable keys, in order; keys without one are left out.
    public var keyIDs: [String] {
        keys.compactMap(\.keyID)
    }

    /// How many keys are usable.
    public var count: Int {
        keys.count
    }

    /// Checks that `jws` names an algorithm of `allowed` and a key of this set that fits it, and
    /// that the key's signature holds. With a `kid`, only the keys with that `kid` are tried;
    /// without one, every key that fits the algorithm.
    func verifySignature(of jws: CompactJWS, allowed: Set<JWSAlgorithm>) async throws(JWSFailure) {
        let algorithm = try jws.allowedAlgorithm(among: allowed)
        let candidates: [VerificationKey]
        if let keyID = jws.keyID {
            let named = keys.filter { $0.keyID == keyID }
            guard !named.isEmpty else { throw .unknownKey(keyID: keyID) }
            candidates = named.filter { $0.algorithms.contains(algorithm) }
            guard !candidates.isEmpty else { throw .algorithmMismatch(algorithm: jws.algorithm, keyID: keyID) }
        } else {
            candidates = keys.filter { $0.algorithms.contains(algorithm) }
            guard !candidates.isEmpty else { throw .unknownKey(keyID: nil) }
        }
        guard !jws.hasEmptySignature else { throw .badSignature }
        for key in candidates where await key.verifies(jws, as: algorithm) {
            return
        }
        throw .badSignature
    }
}
