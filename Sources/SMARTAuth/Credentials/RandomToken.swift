import Crypto

/// Unguessable URL-safe strings from the system's cryptographic random source: authorization
/// codes, refresh tokens, token ids, PKCE verifiers, and the first administrator's password.
///
/// ```swift
/// let code = RandomToken.make()          // 43 characters, 256 bits
/// let password = RandomToken.password()  // 24 characters, 144 bits
/// ```
public enum RandomToken {
    /// The random bytes of a token by default: 32 (256 bits, 43 characters).
    public static let defaultByteCount = 32
    /// The fewest random bytes a token has: 16 (128 bits).
    public static let minimumByteCount = 16
    /// The random bytes of a generated password: 18 (144 bits, 24 characters).
    public static let passwordByteCount = 18

    /// `byteCount` random bytes (at least ``minimumByteCount``) in base64url without padding.
    public static func make(byteCount: Int = defaultByteCount) -> String {
        Base64URL.encode(randomBytes(max(byteCount, minimumByteCount)))
    }

    /// A random password of base64url characters, for an account created without one (the
    /// first administrator's). Shown once; only its hash is kept.
    public static func password() -> String {
        make(byteCount: passwordByteCount)
    }

    /// `count` bytes from the cryptographic random source.
    static func randomBytes(_ count: Int) -> [UInt8] {
        let key = SymmetricKey(size: SymmetricKeySize(bitCount: count * 8))
        return key.withUnsafeBytes { Array($0) }
    }
}
