import SMARTAuth
import Testing

@Suite struct PKCETests {
    /// RFC 7636 Appendix B: the verifier is the base64url of these 32 octets.
    static let appendixBOctets: [UInt8] = [
        116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186,
        22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
    ]
    static let appendixBVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    static let appendixBChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"

    @Test func rfc7636AppendixB() throws {
        #expect(TokenFixture.base64URL(Self.appendixBOctets) == Self.appendixBVerifier)
        #expect(try PKCE.challenge(for: Self.appendixBVerifier) == Self.appendixBChallenge)
        try PKCE.validateChallenge(Self.appendixBChallenge, method: "S256")
        try PKCE.verify(verifier: Self.appendixBVerifier, challenge: Self.appendixBChallenge, method: "S256")
    }

    @Test func plainIsRefused() {
        #expect(throws: PKCEError.unsupportedMethod("plain")) {
            try PKCE.verify(verifier: Self.appendixBVerifier, challenge: Self.appendixBVerifier, method: "plain")
        }
        #expect(throws: PKCEError.unsupportedMethod(nil)) {
            try PKCE.validateChallenge(Self.appendixBChallenge, method: nil)
        }
        #expect(throws: PKCEError.unsupportedMethod("s256")) {
            try PKCE.validateChallenge(Self.appendixBChallenge, method: "s256")
        }
    }

    @Test func anotherVerifierDoesNotMatch() {
        #expect(throws: PKCEError.mismatch) {
            try PKCE.verify(verifier: PKCE.makeVerifier(), challenge: Self.appendixBChallenge, method: "S256")
        }
    }

    @Test func verifierSyntax() throws {
        let unreserved = "ABCXYZabcxyz0189-._~"
        _ = try PKCE.challenge(for: String(repeating: unreserved, count: 3))
        _ = try PKCE.challenge(for: String(repeating: "a", count: 43))
        _ = try PKCE.challenge(for: String(repeating: "a", count: 128))
        #expect(throws: PKCEError.invalidVerifier(reason: "has 42 characters, fewer than 43")) {
            try PKCE.challenge(for: String(repeating: "a", count: 42))
        }
        #expect(throws: PKCEError.invalidVerifier(reason: "has 129 characters, more than 128")) {
            try PKCE.challenge(for: String(repeating: "a", count: 129))
        }
        #expect(throws: PKCEError.invalidVerifier(reason: "contains '+'")) {
            try PKCE.challenge(for: String(repeating: "a", count: 42) + "+")
        }
        #expect(throws: PKCEError.invalidVerifier(reason: "contains '\\u{00E9}'")) {
            try PKCE.challenge(for: String(repeating: "a", count: 42) + "é")
        }
    }

    @Test func challengeSyntax() {
        #expect(throws: PKCEError.invalidChallenge) { try PKCE.validateChallenge("short", method: "S256") }
        #expect(throws: PKCEError.invalidChallenge) { try PKCE.validateChallenge(Self.appendixBChallenge + "=", method: "S256") }
        #expect(throws: PKCEError.invalidChallenge) { try PKCE.validateChallenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM", method: "S256") }
    }

    @Test func madeVerifiersAreValidAndDistinct() throws {
        let first = PKCE.makeVerifier()
        #expect(first.count == 43)
        #expect(first != PKCE.makeVerifier())
        try PKCE.verify(verifier: first, challenge: try PKCE.challenge(for: first), method: PKCE.method)
    }
}
