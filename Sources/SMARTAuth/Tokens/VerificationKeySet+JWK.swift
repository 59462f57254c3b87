import Crypto
import _CryptoExtras

extension VerificationKeySet {
    /// The members that only a private JWK has (RFC 7518 §6.2.2, §6.3.2).
    private static let privateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"]

    /// The key `jwk` describes; nil when it is of a kind Kiln does not verify with.
    static func key(_ jwk: ClaimSet, index: Int) throws(KeySetError) -> VerificationKey? {
        func string(_ name: String) throws(KeySetError) -> String? {
            do {
                return try jwk.string(name)
            } catch {
                throw .invalidKey(index: index, keyID: nil, reason: "its '\(name)' is not a string")
            }
        }
        let keyID = try string("kid")
        func invalid(_ reason: String) -> KeySetError {
            .invalidKey(index: index, keyID: keyID, reason: reason)
        }
        func bytes(_ name: String) throws(KeySetError) -> [UInt8] {
            guard let text = try string(name) else { throw invalid("it has no '\(name)'") }
            guard let bytes = Base64URL.decode(text), !bytes.isEmpty else { throw invalid("its '\(name)' is not base64url") }
            return bytes
        }

        guard let keyType = try string("kty") else { throw invalid("it has no 'kty'") }
        if let use = try string("use"), use != "sig" { return nil }
        if case .array(let operations)? = jwk.members["key_ops"], !operations.contains(.string("verify")) { return nil }
        let algorithm = try string("alg")

        switch keyType {
        case "RSA":
            let algorithms: Set<JWSAlgorithm>
            switch algorithm {
            case nil: algorithms = [.rs256, .rs384]
            case JWSAlgorithm.rs256.rawValue?: algorithms = [.rs256]
            case JWSAlgorithm.rs384.rawValue?: algorithms = [.rs384]
            default: return nil
            }
            guard !privateMembers.contains(where: jwk.contains) else { throw .privateKeyMaterial(index: index, keyID: keyID) }
            let modulus = try bytes("n")
            let exponent = try bytes("e")
            do {
                return VerificationKey(keyID: keyID, algorithms: algorithms, material: .rsa(try _RSA.Signing.PublicKey(n: modulus, e: exponent)))
            } catch {
                throw invalid("its modulus and exponent do not form an RSA public key of at least 2048 bits")
            }
        case "EC":
            let curve = try string("crv")
            let curveAlgorithm: JWSAlgorithm
            switch curve {
            case "P-256": curveAlgorithm = .es256
            case "P-384": curveAlgorithm = .es384
            case nil: throw invalid("it has no 'crv'")
            default: return nil
            }
            if let algorithm {
                guard JWSAlgorithm(rawValue: algorithm) != nil else { return nil }
                guard algorithm == curveAlgorithm.rawValue else {
                    throw invalid("its 'alg' \(algorithm) does not fit its curve \(curve ?? ""), which signs with \(curveAlgorithm.rawValue)")
                }
            }
            guard !privateMembers.contains(where: jwk.contains) else { throw .privateKeyMaterial(index: index, keyID: keyID) }
            let point = [0x04] + (try bytes("x")) + (try bytes("y"))
            do {
                let material: VerificationKey.Material = curveAlgorithm == .es256
                    ? .p256(try P256.Signing.PublicKey(x963Representation: point))
                    : .p384(try P384.Signing.PublicKey(x963Representation: point))
                return VerificationKey(keyID: keyID, algorithms: [curveAlgorithm], material: material)
            } catch {
                throw invalid("its 'x' and 'y' are not a point on \(curve ?? "its curve")")
            }
        default:
            return nil
        }
    }
}
