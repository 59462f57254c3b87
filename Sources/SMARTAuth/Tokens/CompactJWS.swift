/// A JWS in compact serialisation (`header.payload.signature`, RFC 7515 §7.1) taken apart, its
/// header and payload decoded but nothing verified yet.
struct CompactJWS: Sendable {
    /// The token as received; what the signature is verified over.
    let token: String
    /// The JOSE header.
    let header: ClaimSet
    /// The payload: a JWT claims set.
    let claims: ClaimSet
    /// The header's `alg`, as written.
    let algorithm: String
    /// The header's `kid`, if any.
    let keyID: String?
    /// The header's `typ`, if any.
    let type: String?
    /// Whether the signature part is empty (as it is for `alg: none`).
    let hasEmptySignature: Bool

    /// The parts of `token`; throws ``JWSFailure/malformed(reason:)`` unless it has three
    /// base64url parts whose first two are JSON objects, and a header whose `alg`, `kid` and
    /// `typ` are strings and that has no `crit`.
    init(parsing token: String) throws(JWSFailure) {
        guard !token.isEmpty else { throw .malformed(reason: "the token is empty") }
        guard token.utf8.count <= TokenLimits.maximumTokenLength else {
            throw .malformed(reason: "the token is longer than \(TokenLimits.maximumTokenLength) bytes")
        }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw .malformed(reason: "it has \(parts.count) part\(parts.count == 1 ? "" : "s") separated by '.', not the three of a signed JWT (header.payload.signature)")
        }
        guard !parts[0].isEmpty, !parts[1].isEmpty else {
            throw .malformed(reason: "its \(parts[0].isEmpty ? "header" : "payload") part is empty")
        }
        guard let headerBytes = Base64URL.decode(parts[0]) else {
            throw .malformed(reason: "its header part is not base64url without padding")
        }
        guard let payloadBytes = Base64URL.decode(parts[1]) else {
            throw .malformed(reason: "its payload part is not base64url without padding")
        }
        guard Base64URL.decode(parts[2]) != nil else {
            throw .malformed(reason: "its signature part is not base64url without padding")
        }
        guard let header = ClaimSet(json: headerBytes) else {
            throw .malformed(reason: "its header is not a JSON object")
        }
        guard let claims = ClaimSet(json: payloadBytes) else {
            throw .malformed(reason: "its payload is not a JSON object (an encrypted or nested JWT is not accepted)")
        }
        func headerString(_ name: String) throws(JWSFailure) -> String? {
            guard let value = header.members[name], value != .null else { return nil }
            guard case .string(let string) = value else { throw .malformed(reason: "its header's '\(name)' is \(value.typeName), not a string") }
            return string
        }
        guard let algorithm = try headerString("alg") else {
            throw .malformed(reason: "its header has no 'alg'")
        }
        guard !header.contains("crit") else {
            throw .malformed(reason: "its header lists critical extensions ('crit'), none of which Kiln supports")
        }
        self.token = token
        self.header = header
        self.claims = claims
        self.algorithm = algorithm
        self.keyID = try headerString("kid")
        self.type = try headerString("typ")
        self.hasEmptySignature = parts[2].isEmpty
    }

    /// The algorithm when it is one of `allowed`; `none` and every other name are refused.
    func allowedAlgorithm(among allowed: Set<JWSAlgorithm>) throws(JWSFailure) -> JWSAlgorithm {
        guard let algorithm = JWSAlgorithm(rawValue: algorithm), allowed.contains(algorithm) else {
            throw .algorithmNotAllowed(algorithm: self.algorithm)
        }
        return algorithm
    }
}
