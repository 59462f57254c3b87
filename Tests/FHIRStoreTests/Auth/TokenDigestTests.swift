import FHIRStore
import Testing

/// The digests and random values the auth tables are keyed by.
@Suite("AuthStore token digests")
struct TokenDigestTests {
    @Test("The digest is the lowercase hex SHA-256 of the UTF-8 text")
    func sha256() {
        #expect(TokenDigest.of("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(TokenDigest.of("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("Random values are 256-bit unpadded base64url and differ")
    func randomValues() {
        let values = (0..<100).map { _ in OpaqueToken.random() }
        #expect(Set(values).count == 100)
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        #expect(values.allSatisfy { $0.count == 43 && $0.allSatisfy(alphabet.contains) })
        #expect(OpaqueToken.random(byteCount: 16).count == 22)
    }
}
