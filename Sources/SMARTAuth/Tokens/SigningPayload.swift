import JWTKit

/// Claims in the shape jwt-kit signs. Claims are checked by Kiln's verifiers, not by jwt-kit.
struct SigningPayload<Claims: Codable & Sendable>: JWTPayload {
    let claims: Claims

    init(_ claims: Claims) {
        self.claims = claims
    }

    init(from decoder: any Decoder) throws {
        claims = try Claims(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        try claims.encode(to: encoder)
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
