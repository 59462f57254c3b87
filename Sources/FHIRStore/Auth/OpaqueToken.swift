import Foundation

/// Random, URL-safe values for codes, refresh tokens and launch contexts.
///
/// ```swift
/// let code = OpaqueToken.random()      // 43 characters of base64url, 256 random bits
/// ```
public enum OpaqueToken {
    /// The number of random bytes in a value by default: 32 (256 bits).
    public static let defaultByteCount = 32

    /// A new value of `byteCount` random bytes from the system's cryptographically secure
    /// generator, as unpadded base64url (RFC 4648 §5).
    public static func random(byteCount: Int = OpaqueToken.defaultByteCount) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<max(1, byteCount)).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
