/// Why a JSON Web Key Set (an external issuer's or a client's) cannot be used to verify
/// signatures. These are configuration or registration errors, not token errors.
public enum KeySetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not a JSON object with a `keys` array of objects.
    case notAKeySet(reason: String)
    /// A key Kiln would use is broken: a missing or undecodable member, a curve that does not
    /// fit its `alg`, an RSA modulus shorter than 2048 bits.
    case invalidKey(index: Int, keyID: String?, reason: String)
    /// A key carries private members (`d`, `p`, `q`, …): the set was exported with its secrets.
    case privateKeyMaterial(index: Int, keyID: String?)
    /// No key can verify an ES256, ES384, RS256 or RS384 signature; `skipped` keys were of
    /// other types, curves, algorithms or uses.
    case noUsableKeys(skipped: Int)

    /// What is wrong and how to fix the key set.
    public var description: String {
        switch self {
        case .notAKeySet(let reason):
            return "The JSON Web Key Set cannot be read: \(reason); it must be a JSON object such as {\"keys\":[{\"kty\":\"EC\",…}]}"
        case .invalidKey(let index, let keyID, let reason):
            return "\(Self.name(index, keyID)) cannot be used: \(reason)"
        case .privateKeyMaterial(let index, let keyID):
            return "\(Self.name(index, keyID)) contains private key members such as 'd'; register only the public key, and replace this key pair, since its private key has been shared"
        case .noUsableKeys(let skipped):
            return "The JSON Web Key Set has no key Kiln can verify signatures with (\(skipped) skipped); it needs an RSA key of at least 2048 bits for RS256 or RS384, or an EC key on P-256 (ES256) or P-384 (ES384), with 'use' absent or 'sig'"
        }
    }

    private static func name(_ index: Int, _ keyID: String?) -> String {
        if let keyID { return "The key '\(keyID)' (number \(index + 1) in the set)" }
        return "Key number \(index + 1) in the set"
    }
}
