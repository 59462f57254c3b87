import ArgumentParser
import Foundation

/// A client's JSON Web Key Set as an operator gives it in a file: the public keys it signs its
/// authentication assertions with.
enum JWKSFile {
    /// Members that only a private or symmetric key has (RFC 7518 §6.2.2, §6.3.2, §6.4.1).
    static let privateMembers: Set<String> = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"]

    /// The JSON text of the file at `path`, after checking that it is a JSON object whose `keys`
    /// array holds public keys only, each with a `kty`.
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("Cannot read the JWKS file \(path)")
        }
        return try check(data, source: path)
    }

    /// The JSON text of `data` once checked; `source` names it in errors.
    static func check(_ data: Data, source: String) throws -> String {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ValidationError("\(source) is not a JSON object; a JWKS looks like {\"keys\": [{\"kty\": \"EC\", ...}]}")
        }
        guard let keys = object["keys"] as? [Any], !keys.isEmpty else {
            throw ValidationError("\(source) has no \"keys\" array with at least one key")
        }
        for (index, key) in keys.enumerated() {
            guard let key = key as? [String: Any], let type = key["kty"] as? String, !type.isEmpty else {
                throw ValidationError("Key \(index + 1) of \(source) is not a JSON Web Key with a \"kty\"")
            }
            let secrets = privateMembers.intersection(key.keys)
            guard secrets.isEmpty else {
                throw ValidationError("Key \(index + 1) of \(source) has private or symmetric key material (\(secrets.sorted().joined(separator: ", "))); register public keys only")
            }
        }
        return String(decoding: data, as: UTF8.self)
    }
}
