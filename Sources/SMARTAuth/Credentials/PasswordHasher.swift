import Crypto
import Foundation
import _CryptoExtras

/// Slow salted hashes of user passwords: PBKDF2-HMAC-SHA256 with a random 16-byte salt, stored
/// as `pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>` so that the iteration count can
/// be raised later without breaking stored hashes.
///
/// ```swift
/// let hasher = PasswordHasher()
/// let stored = try hasher.hash(password)               // keep this, never the password
/// if try hasher.verify(attempt, against: stored) {
///     if hasher.needsRehash(stored) { account.passwordHash = try hasher.hash(attempt) }
/// }
/// ```
public struct PasswordHasher: Sendable {
    /// The scheme's name, the stored string's first field.
    public static let scheme = "pbkdf2-sha256"
    /// The fewest iterations accepted, for hashing and in stored hashes: 210,000.
    public static let minimumIterations = 210_000
    /// The iterations of new hashes by default: 600,000, OWASP's figure for PBKDF2-HMAC-SHA256.
    public static let defaultIterations = 600_000
    /// The most iterations a stored hash may ask for: 10,000,000, so that a tampered row cannot
    /// make one login take minutes.
    public static let maximumIterations = 10_000_000
    /// The longest password accepted: 1024 bytes of UTF-8.
    public static let maximumPasswordLength = 1024
    /// The salt's length: 16 bytes.
    public static let saltByteCount = 16
    /// The derived hash's length: 32 bytes.
    public static let hashByteCount = 32

    /// The iterations of new hashes.
    public let iterations: Int

    /// A hasher that hashes with `iterations` (at least ``minimumIterations``; checked when hashing).
    public init(iterations: Int = PasswordHasher.defaultIterations) {
        self.iterations = iterations
    }

    /// The stored form of `password`, with a new random salt. The password is hashed as the
    /// UTF-8 bytes it is given in, without normalisation.
    public func hash(_ password: String) throws(PasswordHashError) -> String {
        guard iterations >= Self.minimumIterations else { throw .tooFewIterations(iterations) }
        let salt = RandomToken.randomBytes(Self.saltByteCount)
        let hash = try Self.derive(password, salt: salt, iterations: iterations, byteCount: Self.hashByteCount)
        return [Self.scheme, String(iterations), Data(salt).base64EncodedString(), Data(hash).base64EncodedString()].joined(separator: "$")
    }

    /// Whether `password` is the one `stored` was made from. The hashes are compared in
    /// constant time; a stored string that cannot be read throws.
    public func verify(_ password: String, against stored: String) throws(PasswordHashError) -> Bool {
        let parsed = try StoredHash(stored)
        let computed: [UInt8]
        do {
            computed = try Self.derive(password, salt: parsed.salt, iterations: parsed.iterations, byteCount: parsed.hash.count)
        } catch .unacceptablePassword {
            return false
        }
        return ConstantTime.equal(computed, parsed.hash)
    }

    /// Whether `stored` was made with fewer iterations than this hasher uses (or cannot be
    /// read): hash the password again after the next successful sign-in.
    public func needsRehash(_ stored: String) -> Bool {
        guard let parsed = try? StoredHash(stored) else { return true }
        return parsed.iterations < iterations
    }

    private static func derive(_ password: String, salt: [UInt8], iterations: Int, byteCount: Int) throws(PasswordHashError) -> [UInt8] {
        let bytes = Array(password.utf8)
        guard !bytes.isEmpty else { throw .unacceptablePassword(reason: "it is empty") }
        guard bytes.count <= maximumPasswordLength else {
            throw .unacceptablePassword(reason: "it is longer than \(maximumPasswordLength) bytes")
        }
        do {
            let key = try KDF.Insecure.PBKDF2.deriveKey(from: bytes, salt: salt, using: .sha256, outputByteCount: byteCount, rounds: iterations)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw .derivationFailed(reason: String(describing: error))
        }
    }
}

/// The fields of a stored `pbkdf2-sha256$…` string.
private struct StoredHash {
    let iterations: Int
    let salt: [UInt8]
    let hash: [UInt8]

    init(_ stored: String) throws(PasswordHashError) {
        let fields = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 4 else { throw .malformedHash(reason: "it has \(fields.count) fields separated by '$', not 4") }
        guard fields[0] == PasswordHasher.scheme else { throw .malformedHash(reason: "its scheme is '\(fields[0])', not '\(PasswordHasher.scheme)'") }
        guard let iterations = Int(fields[1]),
              (PasswordHasher.minimumIterations...PasswordHasher.maximumIterations).contains(iterations)
        else {
            throw .malformedHash(reason: "its iteration count '\(fields[1])' is not between \(PasswordHasher.minimumIterations) and \(PasswordHasher.maximumIterations)")
        }
        guard let salt = Data(base64Encoded: String(fields[2])), salt.count >= PasswordHasher.saltByteCount else {
            throw .malformedHash(reason: "its salt is not base64 of at least \(PasswordHasher.saltByteCount) bytes")
        }
        guard let hash = Data(base64Encoded: String(fields[3])), hash.count >= PasswordHasher.hashByteCount else {
            throw .malformedHash(reason: "its hash is not base64 of at least \(PasswordHasher.hashByteCount) bytes")
        }
        self.iterations = iterations
        self.salt = Array(salt)
        self.hash = Array(hash)
    }
}
