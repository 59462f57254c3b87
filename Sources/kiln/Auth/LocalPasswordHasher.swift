import _CryptoExtras
import Crypto
import Foundation

/// Hashes passwords and client secrets for storage with PBKDF2-HMAC-SHA256 and a random salt,
/// in the form `pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>` that the server verifies
/// (standard base64 with padding).
///
/// ```swift
/// let stored = try LocalPasswordHasher().hash("correct horse battery staple")
/// // pbkdf2-sha256$600000$q0x…==$7Jd…=
/// ```
struct LocalPasswordHasher: Sendable {
    /// The iterations of a new hash: 600,000, OWASP's figure for PBKDF2-HMAC-SHA256.
    static let defaultIterations = 600_000
    /// Random bytes of salt per hash: 16.
    static let saltByteCount = 16
    /// Bytes of derived key stored: 32, the size of a SHA-256 output.
    static let hashByteCount = 32
    /// The scheme name at the head of a stored hash.
    static let scheme = "pbkdf2-sha256"

    /// The iterations this hasher uses.
    var iterations = LocalPasswordHasher.defaultIterations

    /// The storable hash of `password` with a new random salt.
    func hash(_ password: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<Self.saltByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let derived = try Self.derive(password, salt: salt, iterations: iterations)
        return [Self.scheme, String(iterations), Data(salt).base64EncodedString(), derived.base64EncodedString()].joined(separator: "$")
    }

    private static func derive(_ password: String, salt: [UInt8], iterations: Int, byteCount: Int = hashByteCount) throws -> Data {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256,
            outputByteCount: byteCount, unsafeUncheckedRounds: iterations
        )
        return key.withUnsafeBytes { Data($0) }
    }
}
