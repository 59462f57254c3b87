import Crypto
import Foundation

/// The form in which the ``AuthStore`` keeps codes, refresh tokens and launch values: the
/// lowercase hexadecimal SHA-256 of the value's UTF-8 text.
///
/// These values are random with at least 256 bits of entropy, so a fast hash is enough to make a
/// copy of the database useless for presenting them; passwords need a slow hash instead.
///
/// ```swift
/// let hash = TokenDigest.of(code)      // 64 hex digits
/// ```
public enum TokenDigest {
    /// The digest of `token`.
    public static func of(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
