import JWTKit

/// A JWT payload that jwt-kit decodes without looking at it: the claims are read and checked
/// by Kiln's own verifiers, with their own errors, after the signature holds.
struct SignedContent: JWTPayload {
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
