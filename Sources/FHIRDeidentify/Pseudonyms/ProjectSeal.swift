import Crypto
public import Foundation

/// Seals short server state that travels through a researcher's hands — the page cursor of a
/// next link holds a row identity and a digest of the query as the server ran it — so that it
/// reads as random, cannot be altered, and opens only under the project that issued it (AES-GCM
/// under a key derived from the project's secret).
///
/// ```swift
/// let seal = ProjectSeal(secret: secret)
/// let text = seal.seal(Data(cursorBytes))   // base64url
/// seal.open(text)                           // the bytes, or nil for anything else
/// ```
public struct ProjectSeal: Sendable {
    private let key: SymmetricKey

    /// A seal keyed by the project's `secret`.
    public init(secret: PseudonymSecret) {
        key = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: secret.bytes), info: Array("kiln-seal-v1".utf8), outputByteCount: 32)
    }

    /// `plaintext` sealed, as base64url without padding; nil only if sealing fails.
    public func seal(_ plaintext: Data) -> String? {
        guard let combined = try? AES.GCM.seal(plaintext, using: key).combined else { return nil }
        return combined.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The bytes `text` seals under this project; nil for anything else (altered, another
    /// project's, not base64url).
    public func open(_ text: String) -> Data? {
        guard text.utf8.count <= 512 else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64.append("=") }
        guard let data = Data(base64Encoded: base64), let box = try? AES.GCM.SealedBox(combined: data) else { return nil }
        return try? AES.GCM.open(box, using: key)
    }
}
