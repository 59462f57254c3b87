import Foundation

/// The base64url encoding without padding (RFC 4648 §5, RFC 7515 §2) that JWS, JWK and PKCE use.
enum Base64URL {
    /// `bytes` in base64url, without `=` padding.
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The bytes `text` encodes; nil when it has a character outside the base64url alphabet
    /// (padding included) or a length no encoding has.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        guard text.unicodeScalars.allSatisfy(isAlphabet), text.utf8.count % 4 != 1 else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
        return Data(base64Encoded: standard).map { [UInt8]($0) }
    }

    /// Whether `scalar` is one of `A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`.
    static func isAlphabet(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCIILetter || scalar.isASCIIDigit || scalar == "-" || scalar == "_"
    }
}
